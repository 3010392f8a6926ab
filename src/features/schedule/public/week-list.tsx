import type { ScheduleEntryRow } from '../../../kernel/db/tables/schedule.js';
import { dayLabel, sessionOf, timeRange, type Week } from '../week.js';

/** Entries of one day, by session (Sáng / Chiều / Tối), in time order. */
function bySession(entries: ScheduleEntryRow[]): { session: string; items: ScheduleEntryRow[] }[] {
  const out: { session: string; items: ScheduleEntryRow[] }[] = [];
  for (const e of entries) {
    const s = sessionOf(e.start_time);
    const last = out[out.length - 1];
    if (last?.session === s) last.items.push(e);
    else out.push({ session: s, items: [e] });
  }
  return out;
}

/** Text with line breaks kept (participants are often one unit per line). */
function Lines({ text }: { text: string }) {
  const lines = text.split('\n');
  return <>{lines.map((l, i) => (i ? <><br />{l}</> : l))}</>;
}

/**
 * The week as Vietnamese schedules print it: a heading per day ("Thứ Hai, 23/11/2026"), the
 * morning and afternoon under it, each entry with its time, content and details. List markup,
 * so it reads top to bottom on a phone and in a screen reader.
 */
export function WeekList({ week, entries, headingLevel = 2 }: { week: Week; entries: ScheduleEntryRow[]; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const S = headingLevel === 2 ? 'h3' : 'h4';
  return (
    <div class="schedule-week">
      {week.days.map((day) => {
        const items = entries.filter((e) => e.day === day);
        const id = `ngay-${day}`;
        return (
          <section class="schedule-day" aria-labelledby={id}>
            <H id={id} class="schedule-day-title">{dayLabel(day)}</H>
            {items.length === 0 ? (
              <p class="schedule-empty">Không có lịch công tác.</p>
            ) : (
              bySession(items).map((g) => (
                <div class="schedule-session">
                  <S class="schedule-session-title">{g.session}</S>
                  <ul class="schedule-list">
                    {g.items.map((e) => (
                      <li class="schedule-item">
                        <p class="schedule-time"><span class="visually-hidden">Thời gian: </span>{timeRange(e.start_time, e.end_time)}</p>
                        <div class="schedule-body">
                          <p class="schedule-content"><Lines text={e.content} /></p>
                          <dl class="schedule-details">
                            {e.leader && <><dt>Chủ trì</dt><dd>{e.leader}</dd></>}
                            {e.participants && <><dt>Thành phần</dt><dd><Lines text={e.participants} /></dd></>}
                            {e.place && <><dt>Địa điểm</dt><dd>{e.place}</dd></>}
                            {e.note && <><dt>Ghi chú</dt><dd><Lines text={e.note} /></dd></>}
                          </dl>
                        </div>
                      </li>
                    ))}
                  </ul>
                </div>
              ))
            )}
          </section>
        );
      })}
    </div>
  );
}
