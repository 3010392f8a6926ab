import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { sql } from 'kysely';
import pg from 'pg';
import { connect, type DatabaseHandle } from '../../src/kernel/db/connection.js';
import { listMediaFiles } from '../../src/kernel/backup/media.js';
import { ROOT } from '../helpers/app.js';
import { PG_URL } from '../helpers/db.js';

/** Every table's rows by primary key (each row as JSON of all its columns); the migrations by name only. */
export type Tables = Map<string, Map<string, string>>;

export async function readTables(h: DatabaseHandle): Promise<Tables> {
  const names =
    h.dialect === 'sqlite'
      ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(h.db)).rows
      : (await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = current_schema() order by tablename`.execute(h.db)).rows;
  const out: Tables = new Map();
  for (const { name } of names) {
    // Migrated again on a PostgreSQL restore: when each ran differs, which ran does not.
    const query = name === 'kysely_migration' ? 'select name from kysely_migration' : `select * from "${name}"`;
    const pk = name === 'kysely_migration' ? ['name'] : await primaryKey(h, name);
    const rows = new Map<string, string>();
    for (const r of (await sql.raw<Record<string, unknown>>(query).execute(h.db)).rows) {
      const json = JSON.stringify(r);
      rows.set(pk.length ? JSON.stringify(pk.map((c) => r[c])) : json, json);
    }
    out.set(name, rows);
  }
  return out;
}

async function primaryKey(h: DatabaseHandle, table: string): Promise<string[]> {
  if (h.dialect === 'sqlite') {
    const cols = (await sql.raw<{ name: string; pk: number }>(`pragma table_info("${table}")`).execute(h.db)).rows;
    return cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
  }
  const r = await sql<{ name: string }>`select a.attname as name from pg_index i
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any (i.indkey)
    where i.indrelid = (quote_ident(current_schema()) || '.' || quote_ident(${table}))::regclass and i.indisprimary order by a.attname`.execute(h.db);
  return r.rows.map((x) => x.name);
}

/** The same tables, as sorted plain arrays (for deepEqual with a readable diff). */
export function plain(t: Tables): Record<string, string[]> {
  return Object.fromEntries([...t].map(([name, rows]) => [name, [...rows.values()].sort()]));
}

/** sha256 of every file under <dataDir>/media. */
export async function readMedia(dataDir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const p of await listMediaFiles(dataDir)) out.set(p, createHash('sha256').update(readFileSync(join(dataDir, 'media', p))).digest('hex'));
  return out;
}

/** A PostgreSQL URL whose connections use `schema` (what an operator writes in DATABASE_URL). */
export function urlForSchema(schema: string): string {
  // %20, not the "+" URLSearchParams writes: libpq (pg_dump, psql) reads "+" literally.
  return `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

export async function createSchema(): Promise<{ schema: string; drop: () => Promise<void> }> {
  const schema = `r_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  await c.query(`create schema ${schema}`);
  await c.end();
  return {
    schema,
    drop: async () => {
      const d = new pg.Client({ connectionString: PG_URL });
      await d.connect();
      await d.query(`drop schema if exists ${schema} cascade`);
      await d.end();
    },
  };
}

export function openRestored(dialect: 'sqlite' | 'postgres', dataDir: string, schema?: string): DatabaseHandle {
  return dialect === 'sqlite' ? connect({ databaseUrl: null, dataDir }) : connect({ databaseUrl: PG_URL, dataDir, pgSchema: schema });
}

/** The `cong` CLI as an operator runs it, against a data directory and (PostgreSQL) a schema. */
export function congEnv(dataDir: string, schema?: string): NodeJS.ProcessEnv {
  return { ...process.env, CONG_DATA_DIR: dataDir, DATABASE_URL: schema ? urlForSchema(schema) : '' };
}

export function congSync(env: NodeJS.ProcessEnv, ...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], { encoding: 'utf8', env });
}

export const CONG_CLI = ['--import', 'tsx', join(ROOT, 'src/cli/main.ts')];
