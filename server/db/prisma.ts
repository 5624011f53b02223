import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/sqlite/client";
import { PrismaClient as PgPrismaClient } from "./generated/postgresql/client";

/**
 * The Prisma client, one per process (kept on globalThis across dev hot reloads). DATABASE_URL picks the
 * provider: postgres(ql):// uses the PostgreSQL client, anything else SQLite (default ./.data/sluice.db).
 * Both clients come from the same schema, so they share one API; the SQLite type stands for both.
 */
export const DEFAULT_DATABASE_URL = "file:./.data/sluice.db";

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);

function createClient(): PrismaClient {
  const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  if (isPostgresUrl(url)) return new PgPrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as PrismaClient;
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url }) });
}

const g = globalThis as unknown as { __sluicePrisma?: PrismaClient };
export const prisma: PrismaClient = (g.__sluicePrisma ??= createClient());
