import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { Dialect } from '../connection.js';

type Col = (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;

/**
 * Ratings (vote log + counters on the article), comments, captcha replay store and the
 * interaction secrets (src/kernel/db/tables/interact.ts).
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const pk: Col = (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  const zero: Col = (c) => c.notNull().defaultTo(0);
  const site: Col = (c) => c.notNull().references('sites.id').onDelete('cascade');
  const article: Col = (c) => c.notNull().references('articles.id').onDelete('cascade');

  // One column per statement: SQLite's ALTER TABLE adds one at a time.
  await db.schema.alterTable('articles').addColumn('rating_count', 'integer', zero).execute();
  await db.schema.alterTable('articles').addColumn('rating_sum', 'integer', zero).execute();
  await db.schema.alterTable('articles').addColumn('comments_closed', 'integer', zero).execute();

  await db.schema
    .createTable('rating_votes')
    .addColumn('article_id', 'integer', article)
    .addColumn('site_id', 'integer', site)
    .addColumn('voter', 'text', (c) => c.notNull())
    .addColumn('visitor', 'text', (c) => c.notNull())
    .addColumn('stars', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('rating_votes_pk', ['article_id', 'voter'])
    .execute();
  await db.schema.createIndex('rating_votes_visitor').on('rating_votes').columns(['article_id', 'visitor']).execute();

  await db.schema
    .createTable('comments')
    .addColumn('id', idType, pk)
    .addColumn('site_id', 'integer', site)
    .addColumn('article_id', 'integer', article)
    .addColumn('parent_id', 'integer', (c) => c.references('comments.id').onDelete('cascade'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('author_email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('hold_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('official', 'integer', zero)
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('visitor', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('moderated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('moderated_at', 'text')
    .execute();
  await db.schema.createIndex('comments_article').on('comments').columns(['article_id', 'status', 'created_at']).execute();
  await db.schema.createIndex('comments_queue').on('comments').columns(['site_id', 'status', 'id']).execute();
  await db.schema.createIndex('comments_duplicate').on('comments').columns(['article_id', 'content_hash']).execute();
  await db.schema.createIndex('comments_parent').on('comments').column('parent_id').execute();

  await db.schema
    .createTable('captcha_used')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('captcha_used_expires').on('captcha_used').column('expires_at').execute();

  await db.schema
    .createTable('interact_secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
