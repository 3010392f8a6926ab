import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import pg from 'pg';
import type { SnapshotFacts } from './manifest.js';
import { BackupRefusal } from './refusal.js';

/** A PostgreSQL schema name we can put in SQL and in pg_dump's arguments without quoting. */
const PLAIN_SCHEMA = /^[a-z_][a-z0-9_]{0,62}$/;

export interface PgTarget {
  databaseUrl: string;
  /** The schema to use; by default the connection's current schema (search_path). */
  schema?: string;
}

export function pgClient(t: PgTarget): pg.Client {
  return new pg.Client({ connectionString: t.databaseUrl, ...(t.schema ? { options: `-c search_path=${t.schema}` } : {}) });
}

export async function currentSchema(client: pg.Client): Promise<string> {
  const schema = (await client.query<{ s: string | null }>('select current_schema() as s')).rows[0]?.s;
  if (!schema) throw new BackupRefusal('no_schema', 'Không có lược đồ PostgreSQL nào trên search_path của DATABASE_URL (lược đồ chưa được tạo?).');
  if (!PLAIN_SCHEMA.test(schema)) throw new BackupRefusal('no_schema', `Tên lược đồ PostgreSQL "${schema}" chưa được hỗ trợ: chỉ chữ thường không dấu, chữ số và dấu gạch dưới.`);
  return schema;
}

/**
 * pg_dump's data of one schema, taken in the snapshot of a transaction of ours that also reads
 * the manifest's facts, so the row counts describe exactly the rows in the dump. The structure is
 * not dumped: a restore builds it with our migrations (which also makes the dump loadable into a
 * schema of another name). The migration bookkeeping tables are left out for the same reason.
 */
export async function snapshotPostgres(t: PgTarget, dest: string): Promise<SnapshotFacts & { schema: string }> {
  const client = pgClient(t);
  await client.connect();
  try {
    const schema = t.schema ?? (await currentSchema(client));
    await client.query('begin isolation level repeatable read, read only');
    const snapshot = (await client.query<{ id: string }>('select pg_export_snapshot() as id')).rows[0]!.id;
    const facts = await pgFacts(client, schema);
    await runPgDump(t.databaseUrl, ['--data-only', `--schema=${schema}`, `--exclude-table-data=${schema}.kysely_migration*`, `--snapshot=${snapshot}`, '--no-owner', '--no-privileges', `--file=${dest}`]);
    await client.query('commit');
    return { ...facts, schema };
  } finally {
    await client.end();
  }
}

export async function pgFacts(client: pg.Client, schema: string): Promise<SnapshotFacts> {
  const tables = (await client.query<{ t: string }>('select tablename as t from pg_tables where schemaname = $1 order by tablename', [schema])).rows.map((r) => r.t);
  const rowCounts: Record<string, number> = {};
  for (const t of tables) rowCounts[t] = Number((await client.query<{ n: string }>(`select count(*) as n from "${schema}"."${t}"`)).rows[0]!.n);
  const migrations = tables.includes('kysely_migration')
    ? (await client.query<{ name: string }>(`select name from "${schema}".kysely_migration order by name`)).rows.map((r) => r.name)
    : [];
  const sites = tables.includes('sites') ? (await client.query<SnapshotFacts['sites'][number]>(`select id, code, name from "${schema}".sites order by id`)).rows : [];
  return { migrations, sites, rowCounts };
}

/** The password travels in the environment, not on a command line other users can read. */
function libpqArgs(databaseUrl: string): { url: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const env = { ...process.env };
  if (url.password) {
    env.PGPASSWORD = decodeURIComponent(url.password);
    url.password = '';
  }
  return { url: url.toString(), env };
}

function runPgDump(databaseUrl: string, args: string[]): Promise<void> {
  const { url, env } = libpqArgs(databaseUrl);
  return run('pg_dump', [...args, `--dbname=${url}`], env);
}

async function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, feed?: (stdin: NodeJS.WritableStream) => Promise<void>): Promise<void> {
  const child = spawn(cmd, args, { env, stdio: [feed ? 'pipe' : 'ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = once(child, 'close') as Promise<[number | null]>;
  const failed = once(child, 'error').then(([err]) => Promise.reject(err as Error));
  if (feed) {
    child.stdin!.on('error', () => undefined); // the exit code tells what went wrong
    await Promise.race([feed(child.stdin!).finally(() => child.stdin!.end()), failed]);
  }
  const [code] = await Promise.race([exited, failed]);
  if (code !== 0) throw new Error(`${cmd} failed (${code}): ${stderr.trim()}`);
}

/**
 * Loads a dump made by snapshotPostgres() into `schema` (migrated to the dump's level, empty) in
 * one transaction: all or nothing. Names of the source schema are rewritten to the target's on
 * the COPY and setval lines only; rows (between COPY and "\.") pass untouched. Anything else
 * than what pg_dump writes in a data-only dump is refused. Triggers stay off while loading: the
 * search index table is in the dump, the trigger that fills it must not add its rows a second time.
 */
export async function loadPostgresDump(databaseUrl: string, dumpFile: string, from: string, schema: string, tables: string[]): Promise<void> {
  const { url, env } = libpqArgs(databaseUrl);
  const copy = new RegExp(`^COPY ${from}\\.("?[a-z0-9_]+"?) `);
  const setval = new RegExp(`^SELECT pg_catalog\\.setval\\('${from}\\.`);
  const allowed = /^(--|SET |SELECT pg_catalog\.set_config\(|\\restrict |\\unrestrict |$)/;
  await run('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '--single-transaction', `--dbname=${url}`, '-f', '-'], env, async (stdin) => {
    const write = async (s: string) => {
      if (!stdin.write(s)) await once(stdin, 'drain');
    };
    for (const t of tables) await write(`ALTER TABLE "${schema}"."${t}" DISABLE TRIGGER USER;\n`);
    let inCopy = false;
    for await (const line of createInterface({ input: createReadStream(dumpFile), crlfDelay: Infinity })) {
      if (inCopy) {
        if (line === '\\.') inCopy = false;
        await write(`${line}\n`);
      } else if (copy.test(line)) {
        inCopy = true;
        await write(`${line.replace(`COPY ${from}.`, `COPY "${schema}".`)}\n`);
      } else if (setval.test(line)) {
        await write(`${line.replace(`setval('${from}.`, `setval('"${schema}".`)}\n`);
      } else if (allowed.test(line)) {
        await write(`${line}\n`);
      } else {
        throw new Error(`unexpected line in the database dump: ${line.slice(0, 80)}`);
      }
    }
    for (const t of tables) await write(`ALTER TABLE "${schema}"."${t}" ENABLE TRIGGER USER;\n`);
  });
}

/** Rows in the schema's tables other than the migrations' bookkeeping: is the target in use? */
export async function pgTargetState(client: pg.Client, schema: string): Promise<{ rows: number; migrations: string[] }> {
  const facts = await pgFacts(client, schema);
  const rows = Object.entries(facts.rowCounts)
    .filter(([t]) => !t.startsWith('kysely_migration'))
    .reduce((n, [, c]) => n + c, 0);
  return { rows, migrations: facts.migrations };
}

export { PLAIN_SCHEMA };
