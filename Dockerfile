# syntax=docker/dockerfile:1
# The production image: Next's standalone output plus the custom server (scripts/server.mjs), which computes
# the client IP and request id, logs JSON and shuts down gracefully. No dev dependencies, no compiler, no
# source tree: only what scripts/assemble-standalone.mjs traced. README, "Deploying".
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# postinstall patches postgres.js (README, "Found along the way").
COPY scripts/patch-postgres.mjs scripts/
RUN npm ci --no-audit --no-fund

FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npm run build && node scripts/assemble-standalone.mjs

FROM ${NODE_IMAGE} AS run
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000
# Owned by root and read-only to the app's user; only caches and the fallback PGlite folder are writable.
COPY --from=build /app/.next/standalone ./
RUN mkdir -p .next/cache .data && chown node:node .next/cache .data
USER node
EXPOSE 3000
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "scripts/server.mjs"]
