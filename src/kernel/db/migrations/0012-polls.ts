import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { Dialect } from '../connection.js';

type Col = (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;

/**
 * Thăm dò ý kiến (polls: the poll, its options with their counters, the vote log) and the
 * feedback citizens send on a draft open for comment (Góp ý dự thảo; the drafts themselves are
 * documents with status 'du-thao', migration 0009). Row types in src/kernel/db/tables/polls.ts.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const pk: Col = (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  const zero: Col = (c) => c.notNull().defaultTo(0);
  const site: Col = (c) => c.notNull().references('sites.id').onDelete('cascade');
  const user: Col = (c) => c.references('users.id').onDelete('set null');

  await db.schema
    .createTable('polls')
    .addColumn('id', idType, pk)
    .addColumn('site_id', 'integer', site)
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('multiple', 'integer', zero)
    .addColumn('max_choices', 'integer', zero)
    .addColumn('opens_at', 'text', (c) => c.notNull())
    .addColumn('closes_at', 'text')
    .addColumn('published', 'integer', zero)
    .addColumn('results_visibility', 'text', (c) => c.notNull().defaultTo('always'))
    .addColumn('total_votes', 'integer', zero)
    .addColumn('created_by', 'integer', user)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('polls_site').on('polls').columns(['site_id', 'published', 'opens_at']).execute();

  await db.schema
    .createTable('poll_options')
    .addColumn('id', idType, pk)
    .addColumn('poll_id', 'integer', (c) => c.notNull().references('polls.id').onDelete('cascade'))
    .addColumn('site_id', 'integer', site)
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', zero)
    .addColumn('votes', 'integer', zero)
    .execute();
  await db.schema.createIndex('poll_options_poll').on('poll_options').columns(['poll_id', 'position']).execute();

  await db.schema
    .createTable('poll_votes')
    .addColumn('poll_id', 'integer', (c) => c.notNull().references('polls.id').onDelete('cascade'))
    .addColumn('site_id', 'integer', site)
    .addColumn('voter', 'text', (c) => c.notNull())
    .addColumn('visitor', 'text', (c) => c.notNull())
    .addColumn('choices', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('poll_votes_pk', ['poll_id', 'voter'])
    .execute();
  await db.schema.createIndex('poll_votes_visitor').on('poll_votes').columns(['poll_id', 'visitor']).execute();

  // Góp ý dự thảo: what citizens send about a draft document (documents.status 'du-thao').
  await db.schema
    .createTable('draft_feedback')
    .addColumn('id', idType, pk)
    .addColumn('site_id', 'integer', site)
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('contact', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('visitor', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('processed', 'integer', zero)
    .addColumn('processed_by', 'integer', user)
    .addColumn('processed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('draft_feedback_document').on('draft_feedback').columns(['document_id', 'created_at']).execute();
  await db.schema.createIndex('draft_feedback_duplicate').on('draft_feedback').columns(['document_id', 'content_hash']).execute();
}
