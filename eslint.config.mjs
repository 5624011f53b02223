import fs from "node:fs";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import pluginQuery from "@tanstack/eslint-plugin-query";
import prettier from "eslint-config-prettier/flat";

/**
 * The folder rules of ARCHITECTURE.md ("Folders"), enforced. ESLint keeps one option set per rule and file, so each
 * block repeats the patterns that apply to its folder.
 */
const SERVER = {
  group: ["@/server", "@/server/*"],
  message: "server/ is server-only; call an API route or pass data from a Server Component.",
};
const KAFKA = {
  group: ["kafkajs", "@platformatic/kafka", "@platformatic/kafka/*"],
  message: "The Kafka clients are imported only in server/kafka/ (types and enums are re-exported there).",
};
const PRISMA = {
  group: ["@prisma/client", "@prisma/*", "**/db/generated/*"],
  message: "Prisma is reached only through server/db/prisma.ts.",
};
const APP = { group: ["@/app", "@/app/*"], message: "app/ is routing only; nothing imports it." };
const COMPONENTS = { group: ["@/components", "@/components/*"], message: "lib/ and server/ never import components/." };
/** Folders under components/ that every feature may use; a feature folder imports no other feature's files. */
const SHARED_COMPONENTS = ["ui", "charts"];

function boundaries() {
  const restrict = (files, ...patterns) => ({ files, rules: { "no-restricted-imports": ["error", { patterns }] } });
  const features = fs
    .readdirSync(new URL("./components/", import.meta.url), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  return [
    // app/ may import everything; its client components ("use client" files named *-client.tsx) not the server.
    restrict(["app/**/*-client.tsx"], SERVER, KAFKA, PRISMA),
    restrict(["lib/**"], SERVER, KAFKA, PRISMA, APP, COMPONENTS),
    // server/ never imports app/ or components/; the Kafka clients only in server/kafka/, Prisma only in server/db/.
    restrict(["server/**"], APP, COMPONENTS, KAFKA, PRISMA),
    restrict(["server/kafka/**"], APP, COMPONENTS, PRISMA),
    restrict(["server/db/**"], APP, COMPONENTS, KAFKA),
    ...features.map((f) =>
      restrict([`components/${f}/**`], SERVER, KAFKA, PRISMA, APP, {
        group: [
          "@/components/*",
          "../*",
          `!@/components/${f}`,
          ...SHARED_COMPONENTS.filter((s) => s !== f).map((s) => `!@/components/${s}`),
          ...SHARED_COMPONENTS.filter((s) => s !== f).map((s) => `!@/components/${s}/*`),
          `!@/components/${f}/*`,
        ],
        message: SHARED_COMPONENTS.includes(f)
          ? `components/${f}/ is shared: it may import only lib/ and the other shared folders (${SHARED_COMPONENTS.join(", ")}).`
          : `A feature imports only its own files, lib/ and the shared components/${SHARED_COMPONENTS.join(", components/")}; move what two features share there.`,
      }),
    ),
  ];
}

const config = [
  ...nextVitals,
  ...nextTs,
  ...pluginQuery.configs["flat/recommended"],
  // Layout is Prettier's (npm run format); the rules below are about meaning, never spacing.
  prettier,
  {
    ignores: [
      ".next/**",
      "dist/**",
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
      // An if whose body spans lines has braces, and both branches of an if/else agree.
      curly: ["error", "multi-line", "consistent"],
      // (a(), b()) hides a statement inside an expression: write a block.
      "no-sequences": "error",
      // A ternary inside a ternary inside JSX reads as a puzzle: name the choice first.
      "no-restricted-syntax": [
        "error",
        {
          selector: "JSXExpressionContainer ConditionalExpression > ConditionalExpression",
          message: "No nested ternary in JSX: name the choice in a variable or a small component.",
        },
      ],
    },
  },
  {
    // A component reads in one screen: split a longer one into named parts (or say in a comment why it stays long).
    // Every component folder keeps it.
    files: ["components/**/*.tsx"],
    rules: { "max-lines-per-function": ["error", { max: 100, skipBlankLines: true, skipComments: true }] },
  },
  ...boundaries(),
];

export default config;
