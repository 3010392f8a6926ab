import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import pg from 'pg';
import { connect, type DatabaseHandle, type Dialect } from '../../src/kernel/db/connection.js';
import { migrateTo, migrateToLatest } from '../../src/kernel/db/migrate.js';
import { LocalDirectory } from '../../src/kernel/storage/local-directory.js';

/**
 * Every database test runs on SQLite and on PostgreSQL. PostgreSQL comes from TEST_DATABASE_URL
 * (default: the machine's server, database "test"); each suite gets its own schema. Without a
 * server the PostgreSQL suites are skipped with a printed reason, unless CONG_REQUIRE_PG=1 (CI),
 * which turns that into a failure.
 */
export const PG_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

let pgReachable: Promise<string | null> | null = null;

export function checkPostgres(): Promise<string | null> {
  // A loaded CI machine can be slow to accept a connection: try a few times before giving up.
  pgReachable ??= (async () => {
    let last = '';
    for (let attempt = 0; attempt < 4; attempt++) {
      const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 10_000 });
      try {
        await client.connect();
        await client.query('select 1');
        return null;
      } catch (err) {
        last = (err as Error).message;
        if (/ECONNREFUSED|ENOTFOUND|does not exist|authentication/i.test(last)) break;
      } finally {
        await client.end().catch(() => undefined);
      }
    }
    return `PostgreSQL not reachable at ${PG_URL}: ${last}`;
  })();
  return pgReachable;
}

export interface TestDb extends DatabaseHandle {
  dataDir: string;
  /** The media directory of dataDir (what the app uses without CONG_S3_*). */
  media: LocalDirectory;
  cleanup(): Promise<void>;
}

/** A fresh database, migrated to the latest migration or only up to `upTo`. */
export async function openTestDb(dialect: Dialect, upTo?: string): Promise<TestDb> {
  const migrate = (h: DatabaseHandle) => (upTo ? migrateTo(h, upTo) : migrateToLatest(h));
  const dataDir = mkdtempSync(join(tmpdir(), 'cong-test-'));
  if (dialect === 'sqlite') {
    const handle = connect({ databaseUrl: null, dataDir });
    await migrate(handle);
    return {
      ...handle,
      dataDir,
      media: new LocalDirectory(join(dataDir, 'media')),
      cleanup: async () => {
        await handle.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const handle = connect({ databaseUrl: PG_URL, dataDir, pgSchema: schema });
  await migrate(handle);
  return {
    ...handle,
    dataDir,
    media: new LocalDirectory(join(dataDir, 'media')),
    cleanup: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const DIALECTS: Dialect[] = ['sqlite', 'postgres'];

/**
 * describe() once per database engine. `setup` runs before the suite with a fresh migrated
 * database; its result is available to the tests through the returned getter.
 */
export function describeEachDb<T>(
  name: string,
  setup: (db: TestDb) => Promise<T>,
  body: (get: () => T & { db: TestDb }) => void,
  teardown?: (value: T) => Promise<void>,
): void {
  for (const dialect of DIALECTS) {
    describe(`${name} [${dialect}]`, async () => {
      let skipReason: string | null = null;
      if (dialect === 'postgres') {
        // Awaited through a promise of this suite's own: resuming from the shared one would run in
        // the async context of the suite that created it, and node:test would then file this
        // suite's hooks and tests under that suite (a second describeEachDb in a file ran inside the first).
        skipReason = await new Promise<string | null>((resolve, reject) => void checkPostgres().then(resolve, reject));
        if (skipReason && process.env.CONG_REQUIRE_PG === '1') {
          throw new Error(`${skipReason} (CONG_REQUIRE_PG=1: PostgreSQL tests must run)`);
        }
        if (skipReason) {
          console.log(`# skipping PostgreSQL suite "${name}": ${skipReason}`);
          return;
        }
      }
      let value: (T & { db: TestDb }) | undefined;
      before(async () => {
        const db = await openTestDb(dialect);
        value = Object.assign((await setup(db)) as object, { db }) as T & { db: TestDb };
      });
      after(async () => {
        if (!value) return;
        if (teardown) await teardown(value);
        await value.db.cleanup();
      });
      body(() => value!);
    });
  }
}
