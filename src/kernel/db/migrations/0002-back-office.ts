import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { Dialect } from '../connection.js';

type Col = (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;

/** Accounts, roles, sessions, login throttling, the audit log, the editorial workflow, revisions, job leases. */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const pk: Col = (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());
  const idType = dialect === 'postgres' ? 'serial' : 'integer';

  await db.schema
    .createTable('users')
    .addColumn('id', idType, pk)
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('totp_secret', 'text')
    .addColumn('totp_enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('recovery_codes', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('is_system_admin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('user_roles')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'site_id', 'role'])
    .execute();
  await db.schema.createIndex('user_roles_site').on('user_roles').columns(['site_id', 'role']).execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey()) // sha-256 of the cookie token
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('mfa_pending', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').columns(['user_id']).execute();

  await db.schema
    .createTable('login_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey()) // "account:<identifier>" or "ip:<hash>"
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', idType, pk)
    .addColumn('site_id', 'integer', (c) => c.references('sites.id').onDelete('set null'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_site_time').on('audit_log').columns(['site_id', 'created_at', 'id']).execute();

  await db.schema
    .alterTable('articles')
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.alterTable('articles').addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null')).execute();
  await db.schema.alterTable('articles').addColumn('created_at', 'text').execute();
  await db.schema.alterTable('articles').addColumn('return_reason', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('articles').addColumn('cover_media_id', 'integer').execute();
  await db.schema.alterTable('articles').addColumn('cover_alt', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('articles').addColumn('seo_title', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('articles').addColumn('seo_description', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('articles').addColumn('legacy_url', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('articles').addColumn('title_fold', 'text', (c) => c.notNull().defaultTo('')).execute();
  // Back-office lists: by status / author / category, newest change first, keyset on (updated_at, id).
  await db.schema.createIndex('articles_admin_updated').on('articles').columns(['site_id', 'updated_at', 'id']).execute();
  await db.schema.createIndex('articles_admin_status').on('articles').columns(['site_id', 'status', 'updated_at', 'id']).execute();
  await db.schema.createIndex('articles_admin_author').on('articles').columns(['site_id', 'created_by', 'updated_at', 'id']).execute();
  await db.schema.createIndex('articles_admin_category').on('articles').columns(['site_id', 'category_id', 'updated_at', 'id']).execute();
  await db.schema.createIndex('articles_admin_title').on('articles').columns(['site_id', 'title_fold', 'id']).execute();
  await db.schema.createIndex('articles_scheduled').on('articles').columns(['status', 'published_at']).execute();

  await db.schema
    .createTable('article_revisions')
    .addColumn('id', idType, pk)
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id').onDelete('cascade'))
    .addColumn('snapshot', 'text', (c) => c.notNull()) // JSON of the editable fields
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('article_revisions_article').on('article_revisions').columns(['article_id', 'id']).execute();

  await db.schema
    .createTable('job_leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
}
