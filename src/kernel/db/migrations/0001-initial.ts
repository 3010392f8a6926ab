import { sql, type Kysely, type ColumnDefinitionBuilder } from 'kysely';
import type { Dialect } from '../connection.js';

type Col = (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;

/** The first schema: sites and their hosts, content, the page-frame widgets, counters. */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const pk: Col = (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  const siteRef: Col = (c) => c.notNull().references('sites.id').onDelete('cascade');
  const float = sql`double precision`;

  await db.schema
    .createTable('sites')
    .addColumn('id', idType, pk)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('counter_base', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('site_hosts')
    .addColumn('host', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'integer', siteRef)
    .execute();

  await db.schema
    .createTable('categories')
    .addColumn('id', idType, pk)
    .addColumn('site_id', 'integer', siteRef)
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('categories_site_slug', ['site_id', 'slug'])
    .execute();

  await db.schema
    .createTable('articles')
    .addColumn('id', idType, pk)
    .addColumn('site_id', 'integer', siteRef)
    .addColumn('category_id', 'integer', (c) => c.notNull().references('categories.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('sapo', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('featured', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('legacy_id', 'text')
    .execute();
  await db.schema
    .createIndex('articles_site_published')
    .on('articles')
    .columns(['site_id', 'status', 'published_at', 'id'])
    .execute();
  await db.schema
    .createIndex('articles_category_published')
    .on('articles')
    .columns(['category_id', 'status', 'published_at', 'id'])
    .execute();
  await db.schema
    .createIndex('articles_site_legacy')
    .on('articles')
    .columns(['site_id', 'legacy_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('pages')
    .addColumn('id', idType, pk)
    .addColumn('site_id', 'integer', siteRef)
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('pages_site_slug', ['site_id', 'slug'])
    .execute();

  await db.schema
    .createTable('links')
    .addColumn('id', idType, pk)
    .addColumn('site_id', 'integer', siteRef)
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('links_site').on('links').columns(['site_id', 'position']).execute();

  await db.schema
    .createTable('map_offices')
    .addColumn('id', idType, pk)
    .addColumn('site_id', 'integer', siteRef)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('lat', float, (c) => c.notNull())
    .addColumn('lng', float, (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('map_offices_site').on('map_offices').columns(['site_id', 'position']).execute();

  await db.schema
    .createTable('songs')
    .addColumn('id', idType, pk)
    .addColumn('site_id', 'integer', siteRef)
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('artist', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('file_path', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('songs_site').on('songs').columns(['site_id', 'position']).execute();

  await db.schema
    .createTable('site_stats')
    .addColumn('site_id', 'integer', (c) => c.primaryKey().references('sites.id').onDelete('cascade'))
    .addColumn('page_views', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('online_visitors')
    .addColumn('site_id', 'integer', siteRef)
    .addColumn('visitor', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('online_visitors_pk', ['site_id', 'visitor'])
    .execute();
  await db.schema
    .createIndex('online_visitors_seen')
    .on('online_visitors')
    .columns(['site_id', 'last_seen_at'])
    .execute();
}
