import type { Db } from '../../kernel/db/connection.js';
import type { LinkRow, MapOfficeRow, SongRow } from '../../kernel/db/schema.js';

/** Data behind the page-frame widgets, scoped by site like every repository. */
export async function listLinks(db: Db, siteId: number): Promise<LinkRow[]> {
  return db.selectFrom('links').selectAll().where('site_id', '=', siteId).orderBy('position').orderBy('id').execute();
}

export async function findLink(db: Db, siteId: number, id: number): Promise<LinkRow | undefined> {
  return db.selectFrom('links').selectAll().where('site_id', '=', siteId).where('id', '=', id).executeTakeFirst();
}

export async function listOffices(db: Db, siteId: number): Promise<MapOfficeRow[]> {
  return db.selectFrom('map_offices').selectAll().where('site_id', '=', siteId).orderBy('position').orderBy('id').execute();
}

export async function listSongs(db: Db, siteId: number): Promise<SongRow[]> {
  return db.selectFrom('songs').selectAll().where('site_id', '=', siteId).orderBy('position').orderBy('id').execute();
}

export async function findSong(db: Db, siteId: number, id: number): Promise<SongRow | undefined> {
  return db.selectFrom('songs').selectAll().where('site_id', '=', siteId).where('id', '=', id).executeTakeFirst();
}
