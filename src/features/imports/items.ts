import type { Db } from '../../kernel/db/connection.js';

/** Rows per multi-row insert: well under both engines' limits on bound parameters. */
const CHUNK = 400;

/**
 * What earlier runs of the same source made (import_items): (kind, source's id) → entity id, so
 * a re-run updates the same rows instead of adding new ones. Loaded once; what this run makes is
 * kept in memory and written by `flush` in a few multi-row statements (one statement per item
 * made the import ten times slower on PostgreSQL).
 * Kinds: category, media, document, document_file ("<document>/<file>"), page, article, comment;
 * and two that hold a number instead of an id: counter and views (what was added last time, so
 * a re-run adds only the difference).
 */
export class ImportItems {
  /** Keys written by this run: new ones, and earlier ones whose entity changed or that were seen again. */
  private readonly added = new Set<string>();
  private readonly changed = new Set<string>();
  private readonly seen = new Set<string>();

  private constructor(
    private readonly siteId: number,
    private readonly source: string,
    private readonly map: Map<string, number>,
  ) {}

  static async load(db: Db, siteId: number, source: string): Promise<ImportItems> {
    const rows = await db.selectFrom('import_items').select(['kind', 'source_id', 'entity_id']).where('site_id', '=', siteId).where('source', '=', source).execute();
    return new ImportItems(siteId, source, new Map(rows.map((r) => [`${r.kind}\n${r.source_id}`, Number(r.entity_id)])));
  }

  get(kind: string, sourceId: string): number | undefined {
    return this.map.get(`${kind}\n${sourceId}`);
  }

  has(kind: string, sourceId: string): boolean {
    return this.map.has(`${kind}\n${sourceId}`);
  }

  /** Remembers what an item became; written to the table by `flush`, in the same transaction. */
  set(kind: string, sourceId: string, entityId: number): void {
    const key = `${kind}\n${sourceId}`;
    const was = this.map.get(key);
    this.map.set(key, entityId);
    if (was === undefined || this.added.has(key)) this.added.add(key);
    else if (was !== entityId) this.changed.add(key);
    else this.seen.add(key);
  }

  async flush(tx: Db, now: Date): Promise<void> {
    const at = now.toISOString();
    const split = (key: string) => key.split('\n') as [string, string];
    const rows = [...this.added].map((key) => {
      const [kind, source_id] = split(key);
      return { site_id: this.siteId, source: this.source, kind, source_id, entity_id: this.map.get(key)!, updated_at: at };
    });
    for (let i = 0; i < rows.length; i += CHUNK) await tx.insertInto('import_items').values(rows.slice(i, i + CHUNK)).execute();
    for (const key of this.changed) {
      const [kind, sourceId] = split(key);
      await tx.updateTable('import_items').set({ entity_id: this.map.get(key)!, updated_at: at })
        .where('site_id', '=', this.siteId).where('source', '=', this.source).where('kind', '=', kind).where('source_id', '=', sourceId).execute();
    }
    const byKind = new Map<string, string[]>();
    for (const key of this.seen) {
      const [kind, sourceId] = split(key);
      const list = byKind.get(kind) ?? [];
      list.push(sourceId);
      byKind.set(kind, list);
    }
    for (const [kind, ids] of byKind) {
      for (let i = 0; i < ids.length; i += CHUNK) {
        await tx.updateTable('import_items').set({ updated_at: at })
          .where('site_id', '=', this.siteId).where('source', '=', this.source).where('kind', '=', kind).where('source_id', 'in', ids.slice(i, i + CHUNK)).execute();
      }
    }
    this.added.clear();
    this.changed.clear();
    this.seen.clear();
  }
}
