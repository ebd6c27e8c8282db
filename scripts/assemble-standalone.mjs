// After `next build`: completes Next's standalone folder (output: "standalone") into what the container image
// runs, the same way in the Dockerfile and in CI (.ci/run). Next traces its own server.js; ours is
// scripts/server.mjs, so this adds it, the migration runner, and every file they import (traced with the
// @vercel/nft copy Next ships), plus the static assets Next leaves out. Usage: node scripts/assemble-standalone.mjs
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const root = process.cwd();
const distDir = process.env.NEXT_DIST_DIR || ".next";
const out = path.join(root, distDir, "standalone");
if (!existsSync(path.join(out, "server.js"))) {
  console.error(`No standalone build in ${out}: run \`npm run build\` first (next.config.js sets output: "standalone").`);
  process.exit(1);
}

const { nodeFileTrace } = createRequire(import.meta.url)("next/dist/compiled/@vercel/nft");
// Next's own runtime is already in the folder, traced from its server.js; tracing it again from our entry
// points would drag in the development bundlers.
const nextOwned = /(^|\/)node_modules\/(next|@next|react|react-dom|styled-jsx|@swc|sharp|@img)\//;
// No development dependency goes into the image (the development server's optional pino-pretty, say).
const dev = Object.keys(JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).devDependencies ?? {});
const isDev = (p) => dev.some((name) => p.includes(`node_modules/${name}/`));
const { fileList } = await nodeFileTrace(["scripts/server.mjs", "scripts/migrate.mjs"], {
  base: root,
  ignore: (p) => nextOwned.test(p) || isDev(p),
});

// Copied even where Next already put a file: a second run after a rebuild must not keep a stale server.
for (const file of fileList) {
  const target = path.join(out, file);
  mkdirSync(path.dirname(target), { recursive: true });
  cpSync(path.join(root, file), target);
}
// Browser assets and migrations are read from disk at run time, never imported.
cpSync(path.join(root, distDir, "static"), path.join(out, distDir, "static"), { recursive: true });
if (existsSync(path.join(root, "public"))) cpSync(path.join(root, "public"), path.join(out, "public"), { recursive: true });
rmSync(path.join(out, "db/migrations"), { recursive: true, force: true });
cpSync(path.join(root, "db/migrations"), path.join(out, "db/migrations"), { recursive: true });
console.log(
  `Standalone folder ready in ${path.relative(root, out)} (${fileList.size} files traced from scripts/server.mjs and scripts/migrate.mjs). Start it with: cd ${path.relative(root, out)} && node scripts/server.mjs`,
);
