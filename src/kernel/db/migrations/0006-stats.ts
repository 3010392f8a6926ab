import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from 'kysely';
import type { Dialect } from '../connection.js';

type Col = (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;

/**
 * Visitor statistics (src/kernel/db/tables/stats.ts): daily aggregates per site, article, referrer domain
 * and device class; running totals; per-site counter settings; the daily salts; the log of
 * batches flushed from Redis. Counters are bigint on PostgreSQL.
 */
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  const site: Col = (c) => c.notNull().references('sites.id').onDelete('cascade');
  const count: Col = (c) => c.notNull().defaultTo(0);
  const table = (name: string) => db.schema.createTable(name).addColumn('site_id', 'integer', site);
  const run = (b: CreateTableBuilder<string, never>) => b.execute();

  await db.schema
    .createTable('stats_salts')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('salt', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await run(
    table('stats_daily')
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('page_views', 'bigint', count)
      .addColumn('visits', 'bigint', count)
      .addColumn('visitors', 'bigint', count)
      .addPrimaryKeyConstraint('stats_daily_pk', ['site_id', 'day']),
  );
  await run(
    table('stats_article_daily')
      .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('views', 'bigint', count)
      .addPrimaryKeyConstraint('stats_article_daily_pk', ['site_id', 'day', 'article_id']),
  );
  await db.schema.createIndex('stats_article_daily_article').on('stats_article_daily').column('article_id').execute();
  await run(
    table('stats_article_totals')
      .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('views', 'bigint', count)
      .addPrimaryKeyConstraint('stats_article_totals_pk', ['site_id', 'article_id']),
  );
  await db.schema.createIndex('stats_article_totals_article').on('stats_article_totals').column('article_id').execute();
  await run(
    table('stats_referrers')
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('domain', 'text', (c) => c.notNull())
      .addColumn('hits', 'bigint', count)
      .addPrimaryKeyConstraint('stats_referrers_pk', ['site_id', 'day', 'domain']),
  );
  await run(
    table('stats_devices')
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('device', 'text', (c) => c.notNull())
      .addColumn('hits', 'bigint', count)
      .addPrimaryKeyConstraint('stats_devices_pk', ['site_id', 'day', 'device']),
  );
  await db.schema
    .createTable('stats_totals')
    .addColumn('site_id', 'integer', (c) => c.primaryKey().references('sites.id').onDelete('cascade'))
    .addColumn('visits', 'bigint', count)
    .addColumn('visitors', 'bigint', count)
    .execute();
  await db.schema
    .createTable('stats_settings')
    .addColumn('site_id', 'integer', (c) => c.primaryKey().references('sites.id').onDelete('cascade'))
    .addColumn('count_mode', 'text', (c) => c.notNull().defaultTo('page_views'))
    .addColumn('widget', 'text', (c) => c.notNull().defaultTo('simple'))
    .addColumn('show_article_views', 'integer', count)
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('stats_flush_log')
    .addColumn('batch_id', 'text', (c) => c.primaryKey())
    .addColumn('flushed_at', 'text', (c) => c.notNull())
    .execute();
}
