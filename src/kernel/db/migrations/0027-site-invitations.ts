import type { Kysely } from 'kysely';
import type { Dialect } from '../connection.js';

/**
 * Invitations to a site (issue 16 item 7): a site administrator invites an existing account and
 * the role exists only once its holder accepts. Row types in src/kernel/db/tables/invitations.ts.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  await db.schema
    .createTable('site_invitations')
    .addColumn('id', idType, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id').onDelete('cascade'))
    .addColumn('login', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('invited_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .execute();
  await db.schema.createIndex('site_invitations_user').on('site_invitations').columns(['user_id', 'status']).execute();
  await db.schema.createIndex('site_invitations_site').on('site_invitations').columns(['site_id', 'status']).execute();
}
