import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    "node_modules/**",
    ".next*/**",
    "generated/**",
    ".data/**",
    ".test-data/**",
    "public/**",
    "test-results/**",
    "next-env.d.ts",
  ]),
  {
    // One validated env module: nothing in the app reads process.env directly.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"],
    ignores: ["lib/env.ts", "**/*.test.ts", "**/*.integration.test.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through env() in lib/env.ts." },
      ],
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Only matters to the React Compiler, which this project does not use (TanStack Table trips it).
      "react-hooks/incompatible-library": "off",
    },
  },
]);
