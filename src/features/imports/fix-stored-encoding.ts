import type { Kysely } from 'kysely';
import { writeAudit } from '../../kernel/audit.js';
import type { Db } from '../../kernel/db/connection.js';
import { detectLegacyEncoding, fixLegacyHtml, fixLegacyTextAs, type LegacyEncoding } from '../../kernel/lib/legacy-encoding.js';
import { syncArticleIndex } from '../search/indexer.js';
import { STORED_TEXT_TABLES, type Row, type StoredTextTable } from './stored-text-columns.js';

/**
 * `cong fix-encoding` for one site: every stored text of the site that is TCVN3/VNI mojibake is
 * converted to Unicode, in one transaction with its audit row and the search index of the changed
 * articles; a dry run reads the same rows and writes nothing.
 */
export interface TableReport {
  table: string;
  label: string;
  /** Rows changed (or that a dry run would change). */
  rows: number;
  /** Up to three "before → after" pairs, the first changed field of a row. */
  examples: { before: string; after: string }[];
}

export interface SiteEncodingReport {
  siteId: number;
  scanned: number;
  changed: number;
  tables: TableReport[];
  /** Documents whose corrected number is already another document's (their number is kept). */
  skipped: { table: string; id: number; reason: string }[];
}

export interface FixOptions {
  dryRun: boolean;
  now: Date;
  progress?: (done: number, total: number) => void;
}

const BATCH = 500;
const EXAMPLES = 3;

export async function fixSiteEncoding(db: Db, siteId: number, opts: FixOptions): Promise<SiteEncodingReport> {
  const run = async (tx: Db) => {
    const report: SiteEncodingReport = { siteId, scanned: 0, changed: 0, tables: [], skipped: [] };
    const total = await countRows(tx, siteId);
    const changedArticles: number[] = [];
    const typeNames = new Map<number, string>();
    opts.progress?.(0, total);
    for (const t of STORED_TEXT_TABLES) {
      const tr: TableReport = { table: t.table, label: t.label, rows: 0, examples: [] };
      await eachBatch(tx, siteId, t, async (rows) => {
        for (const row of rows) {
          const fixed = fixRow(t, row);
          if (t.table === 'document_types') typeNames.set(Number(row.id), String((fixed ?? row).name));
          if (!fixed) continue;
          const derive = () => ({ ...fixed, ...(t.derive?.({ ...row, ...fixed }, typeNames) ?? {}) });
          let update = derive();
          if (t.table === 'documents' && fixed.number !== undefined && (await numberTaken(tx, siteId, Number(row.id), String(update.number_code)))) {
            // Numbers are unique per site: the corrected one is another document's, so this one keeps its number.
            report.skipped.push({ table: t.table, id: Number(row.id), reason: `số hiệu sau khi sửa (${String(update.number)}) trùng với một văn bản khác, giữ số hiệu cũ` });
            delete fixed.number;
            if (!Object.keys(fixed).length) continue;
            update = derive();
          }
          tr.rows++;
          if (tr.examples.length < EXAMPLES) tr.examples.push(example(row, fixed));
          if (opts.dryRun) continue;
          await (tx as unknown as Kysely<any>).updateTable(t.table).set(update).where('site_id', '=', siteId).where('id', '=', row.id).execute();
          if (t.table === 'articles') changedArticles.push(Number(row.id));
        }
        report.scanned += rows.length;
        opts.progress?.(Math.min(report.scanned, total), total);
      });
      report.changed += tr.rows;
      report.tables.push(tr);
    }
    // A run that changed nothing changed nothing to audit.
    if (!opts.dryRun && report.changed) {
      for (const id of changedArticles) await syncArticleIndex(tx, id);
      const counts = Object.fromEntries(report.tables.filter((t) => t.rows).map((t) => [t.table, t.rows]));
      await writeAudit(tx, { siteId, userId: null, action: 'site.fix_encoding', entityType: 'site', entityId: siteId, after: { changed: counts, skipped: report.skipped } }, opts.now);
    }
    return report;
  };
  return opts.dryRun ? run(db) : db.transaction().execute(run);
}

/** The fixed values of the row's columns that change, or null when none does. */
function fixRow(t: StoredTextTable, row: Row): Row | null {
  const html = new Set(t.html ?? []);
  const columns = [...t.text, ...html];
  // A field too short to prove anything ("Q§", "Thèng kª") follows its row's longer texts.
  const hint = rowEncoding(columns.map((c) => (html.has(c) ? String(row[c] ?? '').replace(/<[^>]*>/g, ' ') : String(row[c] ?? ''))));
  const out: Row = {};
  for (const c of columns) {
    const before = row[c];
    if (typeof before !== 'string' || !before) continue;
    const after = html.has(c) ? fixLegacyHtml(before) : fixLegacyTextAs(before, hint);
    if (after !== before) out[c] = after;
  }
  return Object.keys(out).length ? out : null;
}

function rowEncoding(texts: string[]): LegacyEncoding | null {
  for (const text of texts) {
    const e = detectLegacyEncoding(text);
    if (e) return e;
  }
  return null;
}

function example(row: Row, fixed: Row): { before: string; after: string } {
  const column = Object.keys(fixed)[0]!;
  const cut = (v: unknown) => {
    const one = String(v ?? '').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
    return one.length > 70 ? `${one.slice(0, 69)}…` : one;
  };
  return { before: cut(row[column]), after: cut(fixed[column]) };
}

async function eachBatch(db: Db, siteId: number, t: StoredTextTable, fn: (rows: Row[]) => Promise<void>): Promise<void> {
  const columns = ['id', ...t.text, ...(t.html ?? []), ...(t.extra ?? [])];
  let after = 0;
  for (;;) {
    const rows = (await (db as unknown as Kysely<any>)
      .selectFrom(t.table)
      .select(columns)
      .where('site_id', '=', siteId)
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute()) as Row[];
    if (!rows.length) return;
    await fn(rows);
    after = Number(rows[rows.length - 1]!.id);
  }
}

async function countRows(db: Db, siteId: number): Promise<number> {
  let n = 0;
  for (const t of STORED_TEXT_TABLES) {
    const r = await (db as unknown as Kysely<any>).selectFrom(t.table).select((eb) => eb.fn.countAll<number>().as('n')).where('site_id', '=', siteId).executeTakeFirstOrThrow();
    n += Number(r.n);
  }
  return n;
}

async function numberTaken(db: Db, siteId: number, id: number, code: string): Promise<boolean> {
  const other = await db.selectFrom('documents').select('id').where('site_id', '=', siteId).where('number_code', '=', code).where('id', '!=', id).executeTakeFirst();
  return Boolean(other);
}
