import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

// next-intl without locale routing: i18n/request.ts picks the language per request. The messages are compiled
// at build time, so the browser gets no ICU parser; outside Next (jobs, scripts, tests) they stay plain JSON.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./i18n/request.ts",
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
});

const nextConfig: NextConfig = {
  // A separate build folder lets a test build run beside a development server.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // Loaded from node_modules, not bundled: scripts/serve.ts and the route handlers share one metrics registry
  // (lib/observability/metrics.ts); pino is external by Next's own default.
  serverExternalPackages: ["prom-client"],
  // Type errors are caught by `npm test`'s own typecheck step, over the whole project (tests and scripts too).
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
