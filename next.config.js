import createNextIntlPlugin from "next-intl/plugin";

// next-intl reads its request configuration (language, catalogs) from i18n/request.ts.
const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Helpers and CI may build side by side; each build can get its own output folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Native and WASM packages are loaded by Node at run time, not bundled; so is OpenTelemetry's SDK, which
  // instrumentation.ts loads only when OTEL_EXPORTER_OTLP_ENDPOINT is set.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@node-rs/argon2",
    "postgres",
    "nodemailer",
    "@opentelemetry/api",
    "@opentelemetry/sdk-trace-node",
    "@opentelemetry/exporter-trace-otlp-http",
    "@opentelemetry/resources",
  ],
  // The container image runs this folder (Dockerfile; scripts/assemble-standalone.mjs adds our custom server
  // and what it imports). Migrations are read from disk at start, so they are traced in explicitly.
  output: "standalone",
  outputFileTracingIncludes: { "/*": ["./db/migrations/**/*"] },
  logging: {
    // Next logs each server function call with its arguments in development: passwords and activation
    // tokens would land in the terminal (SECURITY.md 40).
    serverFunctions: false,
    // Request lines carry activation links, which are bearer credentials.
    incomingRequests: { ignore: [/\/activate\//, /\/join\//] },
  },
  async headers() {
    // Static security headers for every response; the per-request nonce CSP comes from proxy.ts.
    const common = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      { key: "X-Frame-Options", value: "DENY" },
      { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
    ];
    // No Strict-Transport-Security here: these headers are fixed at build time, and HSTS depends on the
    // APP_URL the server runs with (scripts/server-request.mjs sets it).
    return [
      { source: "/:path*", headers: common },
      {
        // An activation link is a bearer credential: never leak it, cache it or index it. "same-origin"
        // rather than "no-referrer": no Referer ever leaves the site either way, but under "no-referrer"
        // browsers send `Origin: null` with a form post, and the step forms must work without JavaScript
        // while server actions refuse a null Origin (docs/notes/activation.md).
        source: "/activate/:path*",
        headers: [
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Cache-Control", value: "no-store" },
          { key: "X-Robots-Tag", value: "noindex" },
        ],
      },
      {
        // A staff invitation link (/join/<token>) is a bearer credential too: the same rules.
        source: "/join/:path*",
        headers: [
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Cache-Control", value: "no-store" },
          { key: "X-Robots-Tag", value: "noindex" },
        ],
      },
      {
        // A password-reset link is a bearer credential too (same reasons as above).
        source: "/reset-password/:path*",
        headers: [
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Cache-Control", value: "no-store" },
          { key: "X-Robots-Tag", value: "noindex" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
