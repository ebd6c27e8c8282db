import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  { ignores: [".next/**", ".next*/**", "node_modules/**", ".data/**", "db/migrations/**", "bench/results/**", "next-env.d.ts"] },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // Layers: the database layer knows nothing of the domain, and the domain nothing of the routes.
  {
    files: ["db/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/lib/*", "**/lib/*", "@/app/*", "**/app/*"], message: "db/ imports nothing from lib/ or app/." }] },
      ],
    },
  },
  {
    files: ["lib/**/*.ts", "lib/**/*.tsx"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/app/*", "**/app/*"], message: "lib/ imports nothing from app/." }] }],
    },
  },
  // Settings: every variable is read and validated in lib/env.ts (db/settings.ts for the database part).
  // NODE_ENV and NEXT_RUNTIME are Next's own, inlined at build time.
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "db/**/*.ts", "proxy.ts", "instrumentation.ts"],
    ignores: ["lib/env.ts", "db/settings.ts", "**/*.test.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "MemberExpression[object.object.name='process'][object.property.name='env'][property.name!=/^(NODE_ENV|NEXT_RUNTIME)$/]",
          message: "Read settings through env() from lib/env.ts, where they are validated.",
        },
      ],
    },
  },
];

export default config;
