import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import type { DatabaseHandle, Db } from './connection.js';
import * as m0001 from './migrations/0001-initial.js';
import * as m0002 from './migrations/0002-back-office.js';
import * as m0003 from './migrations/0003-media.js';
import * as m0004 from './migrations/0004-site-admin.js';
import * as m0005 from './migrations/0005-search.js';
import * as m0006 from './migrations/0006-stats.js';
import * as m0007 from './migrations/0007-interact.js';
import * as m0008 from './migrations/0008-sections.js';
import * as m0009 from './migrations/0009-documents.js';
import * as m0010 from './migrations/0010-questions.js';
import * as m0011 from './migrations/0011-schedule.js';
import * as m0012 from './migrations/0012-polls.js';
import * as m0013 from './migrations/0013-procedures.js';
import * as m0014 from './migrations/0014-organisation.js';
import * as m0015 from './migrations/0015-redirects.js';
import * as m0016 from './migrations/0016-search-fts-postgres.js';
import * as m0017 from './migrations/0017-site-origin.js';
import * as m0018 from './migrations/0018-moving-in.js';
import * as m0019 from './migrations/0019-vote-caps.js';
import * as m0020 from './migrations/0020-alerts.js';
import * as m0021 from './migrations/0021-search-body-words.js';
import * as m0022 from './migrations/0022-budget-plans-projects.js';
import * as m0023 from './migrations/0023-disclosure.js';
import * as m0024 from './migrations/0024-gallery.js';
import * as m0025 from './migrations/0025-totp-last-step.js';
import * as m0026 from './migrations/0026-article-review.js';
import * as m0027 from './migrations/0027-site-invitations.js';

/** Migrations are listed here in order; each receives the dialect for the few type differences. */
const migrations: Record<string, { up: typeof m0001.up }> = {
  '0001-initial': m0001,
  '0002-back-office': m0002,
  '0003-media': m0003,
  '0004-site-admin': m0004,
  '0005-search': m0005,
  '0006-stats': m0006,
  '0007-interact': m0007,
  '0008-sections': m0008,
  '0009-documents': m0009,
  '0010-questions': m0010,
  '0011-schedule': m0011,
  '0012-polls': m0012,
  '0013-procedures': m0013,
  '0014-organisation': m0014,
  '0015-redirects': m0015,
  '0016-search-fts-postgres': m0016,
  '0017-site-origin': m0017,
  '0018-moving-in': m0018,
  '0019-vote-caps': m0019,
  '0020-alerts': m0020,
  '0021-search-body-words': m0021,
  '0022-budget-plans-projects': m0022,
  '0023-disclosure': m0023,
  '0024-gallery': m0024,
  '0025-totp-last-step': m0025,
  '0026-article-review': m0026,
  '0027-site-invitations': m0027,
};

/** The names of the migrations this code knows, oldest first (a backup from newer code names more). */
export const migrationNames: readonly string[] = Object.keys(migrations);

/**
 * The migrations of this code that the database has not run (readiness: /readyz). Migrations the
 * database has and this code does not know are not counted: during an upgrade, instances still
 * running the previous version keep serving. Kysely's own table, read directly: its Migrator
 * would introspect every table to find it.
 */
export async function missingMigrations(db: Db): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  const applied = new Set(rows.map((r) => r.name));
  return migrationNames.filter((name) => !applied.has(name));
}

class StaticProvider implements MigrationProvider {
  constructor(private readonly handle: DatabaseHandle) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const [name, m] of Object.entries(migrations)) {
      out[name] = { up: (db) => m.up(db, this.handle.dialect) };
    }
    return out;
  }
}

export async function migrateToLatest(handle: DatabaseHandle): Promise<string[]> {
  return migrate(handle, (m) => m.migrateToLatest());
}

/** Migrates up to and including `name`: tests of a migration on a database that holds data. */
export async function migrateTo(handle: DatabaseHandle, name: string): Promise<string[]> {
  if (!(name in migrations)) throw new Error(`No migration ${name}`);
  return migrate(handle, (m) => m.migrateTo(name));
}

async function migrate(handle: DatabaseHandle, run: (m: Migrator) => ReturnType<Migrator['migrateToLatest']>): Promise<string[]> {
  const migrator = new Migrator({
    db: handle.db,
    provider: new StaticProvider(handle),
    ...(handle.schema ? { migrationTableSchema: handle.schema } : {}),
  });
  const { error, results } = await run(migrator);
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
