import type { Kysely } from 'kysely';
import type { Dialect } from '../connection.js';

/** Visitor statistics: daily aggregates, salts. */
export async function up(_db: Kysely<any>, _dialect: Dialect): Promise<void> {}
