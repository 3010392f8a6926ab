import type { Kysely } from 'kysely';
import type { Dialect } from '../connection.js';

/** Site management: category tree, menu, site settings kept in columns where needed. */
export async function up(_db: Kysely<any>, _dialect: Dialect): Promise<void> {}
