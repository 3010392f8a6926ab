import type { Kysely } from 'kysely';
import type { Dialect } from '../connection.js';

/**
 * Thư viện ảnh (photo albums), Video and Bản tin phát thanh (audio bulletins): tables in
 * src/kernel/db/tables/gallery.ts. The pictures and files themselves are rows of `media`.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  const id = (c: any) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());
  await db.schema
    .createTable('albums')
    .addColumn('id', idType, id)
    .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('taken_on', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('albums_site_published').on('albums').columns(['site_id', 'published', 'taken_on', 'id']).execute();
  await db.schema
    .createTable('album_photos')
    .addColumn('id', idType, id)
    .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id').onDelete('cascade'))
    .addColumn('album_id', 'integer', (c) => c.notNull().references('albums.id').onDelete('cascade'))
    .addColumn('media_id', 'integer', (c) => c.notNull().references('media.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('caption', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('alt', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('album_photos_album').on('album_photos').columns(['album_id', 'position']).execute();
  await db.schema.createIndex('album_photos_media').on('album_photos').columns(['site_id', 'media_id']).execute();
  await db.schema
    .createTable('clips')
    .addColumn('id', idType, id)
    .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('youtube_id', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('media_id', 'integer', (c) => c.references('media.id'))
    .addColumn('poster_media_id', 'integer', (c) => c.references('media.id'))
    .addColumn('recorded_on', 'text', (c) => c.notNull())
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('clips_site_kind').on('clips').columns(['site_id', 'kind', 'published', 'recorded_on', 'id']).execute();
}
