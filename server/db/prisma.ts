import "server-only";
import { processState } from "@/server/process-state";
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

/**
 * SQLite in write-ahead-log mode with `synchronous = NORMAL`: a write commits without waiting for two fsyncs, and
 * readers (other replicas' processes, tests) do not block the writer. better-sqlite3 is synchronous, so in the
 * default rollback-journal mode every single-statement write held the event loop for the fsyncs (~1.8 ms each here,
 * 50x the WAL figure: a burst of 1,000 alert transitions froze the server for seconds). WAL is stored in the file;
 * `synchronous` is per connection, set on each one the adapter opens.
 */
class SqliteAdapter extends PrismaBetterSqlite3 {
  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
    return adapter;
  }
}

function createClient(): PrismaClient {
  const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  if (isPostgresUrl(url)) {
    return new PgPrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as PrismaClient;
  }
  return new PrismaClient({ adapter: new SqliteAdapter({ url }) });
}

export const prisma: PrismaClient = processState<PrismaClient>("Prisma", () => createClient());
