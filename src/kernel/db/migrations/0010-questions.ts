import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { Dialect } from '../connection.js';

type Col = (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;

/** Hỏi đáp (citizens' questions and answers): tables in src/kernel/db/tables/questions.ts. */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const pk: Col = (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  const site: Col = (c) => c.notNull().references('sites.id').onDelete('cascade');
  const text: Col = (c) => c.notNull().defaultTo('');
  const user: Col = (c) => c.references('users.id').onDelete('set null');

  await db.schema
    .createTable('question_topics')
    .addColumn('id', idType, pk)
    .addColumn('site_id', 'integer', site)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('question_topics_slug', ['site_id', 'slug'])
    .execute();

  await db.schema
    .createTable('questions')
    .addColumn('id', idType, pk)
    .addColumn('site_id', 'integer', site)
    .addColumn('topic_id', 'integer', (c) => c.references('question_topics.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('body_hash', 'text', (c) => c.notNull())
    .addColumn('asker_name', 'text', (c) => c.notNull())
    .addColumn('asker_phone', 'text', text)
    .addColumn('asker_email', 'text', text)
    .addColumn('asker_address', 'text', text)
    .addColumn('tracking_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reject_reason', 'text', text)
    .addColumn('answer', 'text', text)
    .addColumn('answered_at', 'text')
    .addColumn('answered_by', 'integer', user)
    .addColumn('assignee_id', 'integer', user)
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('published_at', 'text')
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', text)
    .addColumn('visitor', 'text', text)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('questions_tracking', ['site_id', 'tracking_hash'])
    .execute();
  await db.schema.createIndex('questions_queue').on('questions').columns(['site_id', 'status', 'created_at']).execute();
  await db.schema.createIndex('questions_public').on('questions').columns(['site_id', 'published', 'answered_at']).execute();
  await db.schema.createIndex('questions_duplicate').on('questions').columns(['site_id', 'body_hash']).execute();

  await db.schema
    .createTable('question_settings')
    .addColumn('site_id', 'integer', (c) => c.primaryKey().references('sites.id').onDelete('cascade'))
    .addColumn('overdue_days', 'integer', (c) => c.notNull())
    .execute();
}
