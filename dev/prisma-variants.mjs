// Derives the PostgreSQL variant of the Prisma schema from prisma/schema.prisma (SQLite, the source of truth).
// Prisma fixes the provider in the schema file, so Sluice generates one client per provider and picks one at
// run time from DATABASE_URL (see server/db/prisma.ts).
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const src = fs.readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
const pg = src
  .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
  .replace('output   = "../server/db/generated/sqlite"', 'output   = "../../server/db/generated/postgresql"')
  .replace(
    /^\/\/ SQLite is the embedded default.*\n(\/\/.*\n)*/m,
    "// GENERATED from prisma/schema.prisma by dev/prisma-variants.mjs: edit that file instead.\n",
  );
if (pg === src || !pg.includes('"postgresql"') || !pg.includes("generated/postgresql")) {
  console.error("prisma-variants: could not derive the PostgreSQL schema (generator/datasource blocks changed?)");
  process.exit(1);
}
fs.mkdirSync(path.join(root, "prisma/postgresql"), { recursive: true });
fs.writeFileSync(path.join(root, "prisma/postgresql/schema.prisma"), pg);
