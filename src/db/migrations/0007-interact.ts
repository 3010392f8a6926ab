import type { Kysely } from 'kysely';
import type { Dialect } from '../connection.js';

/** Ratings (vote log + counters on the article), comments, captcha replay store. */
export async function up(_db: Kysely<any>, _dialect: Dialect): Promise<void> {}
