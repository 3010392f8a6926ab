import type { Db } from '../../kernel/db/connection.js';
import type { Values } from './fields.js';

/** The keys of the disclosure sections' settings (one JSON object each per site). */
export type SettingsKey = 'hotlines' | 'info-requests' | 'reception' | 'spokesperson';

/** A section's stored settings, or null while nobody has set them (a new site). */
export async function readSettings(db: Db, siteId: number, key: SettingsKey): Promise<Values | null> {
  const row = await db.selectFrom('disclosure_settings').select('value_json').where('site_id', '=', siteId).where('key', '=', key).executeTakeFirst();
  return row ? (JSON.parse(row.value_json) as Values) : null;
}

/** When a section's settings last changed (the sitemap's lastmod). */
export async function settingsChanged(db: Db, siteId: number, key: SettingsKey): Promise<string | undefined> {
  const row = await db.selectFrom('disclosure_settings').select('updated_at').where('site_id', '=', siteId).where('key', '=', key).executeTakeFirst();
  return row?.updated_at;
}

export async function writeSettings(db: Db, siteId: number, key: SettingsKey, values: Values, stamp: string): Promise<void> {
  const value_json = JSON.stringify(values);
  await db
    .insertInto('disclosure_settings')
    .values({ site_id: siteId, key, value_json, updated_at: stamp })
    .onConflict((oc) => oc.columns(['site_id', 'key']).doUpdateSet({ value_json, updated_at: stamp }))
    .execute();
}
