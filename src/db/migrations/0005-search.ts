import type { Kysely } from 'kysely';
import type { Dialect } from '../connection.js';

/** The search index (SQLite FTS5 | PostgreSQL tsvector + GIN over folded text). */
export async function up(_db: Kysely<any>, _dialect: Dialect): Promise<void> {}
