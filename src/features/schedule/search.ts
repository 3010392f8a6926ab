import { searchFold } from '../../kernel/lib/text.js';
import type { SectionSearch } from '../../kernel/search/groups.js';
import { listEntries } from './repo.js';
import { SCHEDULE_PATH } from './page-keys.js';
import { addDays, currentWeek, dayLabel, timeRange, weekOfDate } from './week.js';

/** How far the search looks: half a year back, two months ahead (a ward has ~10 entries a week). */
const WEEKS_BACK = 26;
const WEEKS_AHEAD = 8;

/**
 * "Lịch công tác" group on /tim-kiem: published entries of the recent and coming weeks whose
 * content, participants, place or leader hold every word, newest first, linked to their week.
 */
export const searchSchedule: SectionSearch = async (db, siteId, query, now, limit) => {
  const week = currentWeek(now);
  const rows = await listEntries(db, siteId, addDays(week.days[0]!, -7 * WEEKS_BACK), addDays(week.days[6]!, 7 * WEEKS_AHEAD));
  const terms = query.terms.slice(0, 12);
  const hits = rows
    .filter((e) => {
      const text = ` ${searchFold([e.content, e.participants, e.place, e.leader].join(' '))} `;
      return terms.every((t) => text.includes(` ${t} `));
    })
    .sort((a, b) => b.day.localeCompare(a.day) || b.start_time.localeCompare(a.start_time));
  if (!hits.length) return null;
  return {
    heading: 'Lịch công tác',
    items: hits.slice(0, limit).map((e) => ({
      title: e.content,
      href: `${SCHEDULE_PATH}?tuan=${weekOfDate(e.day).key}`,
      meta: `${dayLabel(e.day)}, ${timeRange(e.start_time, e.end_time)}${e.place ? ` · ${e.place}` : ''}`,
    })),
    total: hits.length,
  };
};
