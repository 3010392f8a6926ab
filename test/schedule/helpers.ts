import type { Db } from '../../src/kernel/db/connection.js';

/** A published entry of site 1 unless told otherwise, written straight to the table. */
export async function addEntry(db: Db, over: Partial<{ site_id: number; day: string; start_time: string; end_time: string; content: string; participants: string; place: string; leader: string; note: string; published: number }>) {
  const stamp = '2026-12-20T01:00:00.000Z';
  const { id } = await db
    .insertInto('schedule_entries')
    .values({ site_id: 1, day: '2026-12-30', start_time: '08:00', end_time: '', content: 'Họp', participants: '', place: '', leader: '', note: '', published: 1, created_at: stamp, updated_at: stamp, ...over })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** The HTML of one day's section of the public week page. */
export function daySection(html: string, day: string): string {
  const m = new RegExp(`<section class="schedule-day" aria-labelledby="ngay-${day}">[\\s\\S]*?</section>`).exec(html);
  if (!m) throw new Error(`no section for ${day}`);
  return m[0];
}
