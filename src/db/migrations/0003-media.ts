import type { Kysely } from 'kysely';
import type { Dialect } from '../connection.js';

/** The media library. */
export async function up(_db: Kysely<any>, _dialect: Dialect): Promise<void> {}
