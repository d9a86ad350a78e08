import { existsSync, rmSync, writeFileSync } from "node:fs";
import pg from "pg";
import type { DatabaseTarget } from "../src/db/connect.js";

/**
 * Where a benchmark keeps its data: a PGlite data dir (under .bench-data/) or a PostgreSQL
 * database created for the run on the server at `pgUrl` (which needs a `test` database to
 * connect to and the right to create databases). A tag (the sizes) marks a complete load, so
 * `--keep` can reuse it.
 */
export type Engine = "pglite" | "postgres";

export class BenchStorage {
  constructor(
    private readonly options: { pgUrl: string; pgDatabase: string; pgliteDir: string; tag: string },
  ) {}

  target(engine: Engine): DatabaseTarget {
    return engine === "pglite" ? { dataDir: this.options.pgliteDir } : { url: `${this.options.pgUrl}/${this.options.pgDatabase}` };
  }

  async adminQuery<T extends pg.QueryResultRow>(text: string): Promise<T[]> {
    const client = new pg.Client({ connectionString: `${this.options.pgUrl}/test` });
    await client.connect();
    try {
      return (await client.query<T>(text)).rows;
    } finally {
      await client.end();
    }
  }

  async isLoaded(engine: Engine): Promise<boolean> {
    const { pgliteDir, pgDatabase, tag } = this.options;
    if (engine === "pglite") return existsSync(`${pgliteDir}.ready`);
    const [row] = await this.adminQuery<{ tag: string | null }>(`select shobj_description(oid, 'pg_database') as tag from pg_database where datname = '${pgDatabase}'`);
    return row?.tag === tag;
  }

  async drop(engine: Engine): Promise<void> {
    const { pgliteDir, pgDatabase } = this.options;
    if (engine === "pglite") {
      rmSync(pgliteDir, { recursive: true, force: true });
      rmSync(`${pgliteDir}.ready`, { force: true });
    } else {
      await this.adminQuery(`drop database if exists ${pgDatabase} with (force)`);
    }
  }

  async reset(engine: Engine): Promise<void> {
    await this.drop(engine);
    if (engine === "postgres") await this.adminQuery(`create database ${this.options.pgDatabase}`);
  }

  async markLoaded(engine: Engine): Promise<void> {
    const { pgliteDir, pgDatabase, tag } = this.options;
    if (engine === "pglite") writeFileSync(`${pgliteDir}.ready`, tag);
    else await this.adminQuery(`comment on database ${pgDatabase} is '${tag}'`);
  }
}
