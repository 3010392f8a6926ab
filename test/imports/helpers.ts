import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../src/kernel/db/connection.js';
import { listSites } from '../../src/kernel/sites/repo.js';
import type { Site } from '../../src/kernel/sites/site.js';
import type { ImportRecord } from '../../src/features/imports/records.js';
import { ROOT } from '../helpers/app.js';

export const FIXTURES = join(ROOT, 'test/fixtures/import');
export const SAMPLE = join(FIXTURES, 'sample.jsonl');
export const FILES = join(FIXTURES, 'files');

/** The sample file's records, numbered as the lines of the file. */
export function sampleRecords(): { record: ImportRecord; line: number }[] {
  return readFileSync(SAMPLE, 'utf8')
    .split('\n')
    .map((text, i) => ({ text, line: i + 1 }))
    .filter((l) => l.text.trim())
    .map((l) => ({ record: JSON.parse(l.text) as ImportRecord, line: l.line }));
}

export async function siteByCode(db: Db, code: string): Promise<Site> {
  const site = (await listSites(db)).find((s) => s.code === code);
  if (!site) throw new Error(`no site ${code}`);
  return site;
}

/** Rows of every table: what an import that fails must leave exactly as it was. */
export async function rowCounts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of await db.introspection.getTables()) {
    // FTS5's own shadow tables change shape as it merges segments; search_fts itself is counted.
    if (/^kysely_migration|^(search_fts|search_titles)_/.test(t.name)) continue;
    // tenancy: a census of every table, all sites together.
    const r = await db.selectFrom(t.name as 'sites').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    out[t.name] = Number(r.n);
  }
  return out;
}
