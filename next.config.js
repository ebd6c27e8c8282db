/** @type {import('next').NextConfig} */
const nextConfig = {
  // Helpers and CI may build side by side; each build can get its own output folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Native and WASM packages are loaded by Node at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres", "nodemailer"],
  async headers() {
    // Static security headers for every response; the per-request nonce CSP comes from proxy.ts.
    const common = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      { key: "X-Frame-Options", value: "DENY" },
      { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
    ];
    if ((process.env.APP_URL ?? "").startsWith("https://")) {
      common.push({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" });
    }
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
    ];
  },
};

export default nextConfig;
