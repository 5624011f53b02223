import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import pluginQuery from "@tanstack/eslint-plugin-query";

const config = [
  ...nextVitals,
  ...nextTs,
  ...pluginQuery.configs["flat/recommended"],
  {
    ignores: [
      ".next/**",
      ".data/**",
      "node_modules/**",
      "server/db/generated/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    rules: {
      "@tanstack/query/prefer-query-options": "error",
      "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The browser side never reaches server code, kafkajs or Prisma directly.
    files: ["components/**", "lib/**", "app/**/*-client.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/server/*", "@/server"],
              message: "server/ is server-only; call an API route or pass data from a Server Component.",
            },
            { group: ["kafkajs", "@prisma/client", "@prisma/*"], message: "Kafka and Prisma stay inside server/." },
          ],
        },
      ],
    },
  },
];

export default config;
