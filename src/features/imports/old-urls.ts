import type { Db } from '../../kernel/db/connection.js';
import { oldAddressHost, oldAddressKey } from '../../kernel/sites/old-addresses.js';

const CHUNK = 400;

/**
 * The old addresses an import records, as `recordOldAddress` would one by one (same key, same
 * host rule, the same address again now leads to the new place), but batched: the site's rows
 * are read once, new ones inserted by `flush` in multi-row statements, changed ones updated.
 */
export class OldUrlWriter {
  private readonly pending = new Map<string, { host: string; from_key: string; from_url: string; to_path: string }>();

  private constructor(
    private readonly siteId: number,
    private readonly defaultHost: string,
    private readonly existing: Map<string, { id: number; to_site_id: number; to_path: string; from_url: string; source: string }>,
  ) {}

  static async load(db: Db, siteId: number, defaultHost: string): Promise<OldUrlWriter> {
    const rows = await db.selectFrom('old_addresses').select(['id', 'host', 'from_key', 'from_url', 'to_site_id', 'to_path', 'source']).where('owner_site_id', '=', siteId).execute();
    return new OldUrlWriter(siteId, defaultHost, new Map(rows.map((r) => [`${r.host}\n${r.from_key}`, r])));
  }

  /** Whether the address is already recorded for this site (before this run or by it). */
  has(fromUrl: string): boolean {
    const key = this.keyOf(fromUrl);
    return this.existing.has(key) || this.pending.has(key);
  }

  /** A whole URL is keyed by its own host, a path by the source's old host. */
  add(fromUrl: string, toPath: string): void {
    const host = oldAddressHost(fromUrl) || this.defaultHost;
    const from_key = oldAddressKey(fromUrl);
    this.pending.set(`${host}\n${from_key}`, { host, from_key, from_url: fromUrl, to_path: toPath });
  }

  private keyOf(fromUrl: string): string {
    return `${oldAddressHost(fromUrl) || this.defaultHost}\n${oldAddressKey(fromUrl)}`;
  }

  async flush(tx: Db, now: Date): Promise<void> {
    const at = now.toISOString();
    const inserts = [];
    for (const [key, p] of this.pending) {
      const found = this.existing.get(key);
      if (!found) {
        inserts.push({ ...p, owner_site_id: this.siteId, to_site_id: this.siteId, source: 'import', created_at: at });
        continue;
      }
      if (found.to_site_id === this.siteId && found.to_path === p.to_path && found.from_url === p.from_url && found.source === 'import') continue;
      // tenancy: the row was read above among the site's own (owner_site_id).
      await tx.updateTable('old_addresses').set({ from_url: p.from_url, to_site_id: this.siteId, to_path: p.to_path, source: 'import' }).where('id', '=', found.id).execute();
    }
    for (let i = 0; i < inserts.length; i += CHUNK) await tx.insertInto('old_addresses').values(inserts.slice(i, i + CHUNK)).execute();
    this.pending.clear();
  }
}
