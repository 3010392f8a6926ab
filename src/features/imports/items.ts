import type { Db } from '../../kernel/db/connection.js';

/**
 * What earlier runs of the same source made (import_items): (kind, source's id) → entity id, so
 * a re-run updates the same rows instead of adding new ones. Loaded once; written through.
 * Kinds: category, media, document, document_file ("<document>/<file>"), page, article, comment;
 * and two that hold a number instead of an id: counter and views (what was added last time, so
 * a re-run adds only the difference).
 */
export class ImportItems {
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

  async set(tx: Db, kind: string, sourceId: string, entityId: number, now: Date): Promise<void> {
    const key = `${kind}\n${sourceId}`;
    const had = this.map.has(key);
    this.map.set(key, entityId);
    const at = now.toISOString();
    if (had) {
      await tx.updateTable('import_items').set({ entity_id: entityId, updated_at: at })
        .where('site_id', '=', this.siteId).where('source', '=', this.source).where('kind', '=', kind).where('source_id', '=', sourceId).execute();
    } else {
      await tx.insertInto('import_items').values({ site_id: this.siteId, source: this.source, kind, source_id: sourceId, entity_id: entityId, updated_at: at }).execute();
    }
  }
}
