import type { Kysely } from 'kysely';
import type { Dialect } from '../connection.js';

/**
 * Every absolute URL of a site (canonical, feeds, sitemap, robots.txt…) is built from its primary
 * host and scheme, never from the request's Host (issue 13). `primary_host` null: the first of its
 * hosts; `scheme` null: https in production, http elsewhere. A user created with a generated
 * password (the first administrator) must choose a new one at first sign-in.
 */
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('sites').addColumn('primary_host', 'text').execute();
  await db.schema.alterTable('sites').addColumn('scheme', 'text').execute();
  await db.schema.alterTable('users').addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}
