import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Rendered } from '../../../kernel/http/page-cache.js';
import { frameFor, originOf, permanentRedirect, renderHtml, HTML, PUBLIC_HTML_CACHE } from '../../../kernel/http/render.js';
import { renderCalendar } from '../ical.js';
import { feedKey, SCHEDULE_FEED_PATH, SCHEDULE_PATH, SCHEDULE_PRINT_PATH, sendCachedAs, sendFresh } from '../page-keys.js';
import { listEntries } from '../repo.js';
import { SchedulePage, SchedulePrintPage } from './schedule-page.js';
import { addWeeks, currentWeek, parseWeek, secondsUntilNextWeek, type Week } from '../week.js';

/** The feed covers four weeks back and eight ahead of the current week. */
export const FEED_WEEKS_BACK = 4;
export const FEED_WEEKS_AHEAD = 8;

/** Which week a request asks for: this week (bare URL), a valid ?tuan=, a non-canonical spelling, or nonsense. */
type WeekChoice =
  | { kind: 'current'; week: Week }
  | { kind: 'explicit'; week: Week }
  | { kind: 'redirect'; week: Week }
  | { kind: 'bad'; week: Week; message: string };

/**
 * ?tuan=2026-W48; an unreadable week shows this week with a message, it is never refused. A week
 * given twice is unreadable too (which of them was meant?), so the list reaches chooseWeek as is.
 */
const WeekQuery = Type.Object({ tuan: Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())])) });

function chooseWeek(raw: string | string[] | undefined, now: Date): WeekChoice {
  if (raw === undefined || raw === '') return { kind: 'current', week: currentWeek(now) };
  const week = parseWeek(raw);
  if (!week) {
    const shown = typeof raw === 'string' ? raw.replace(/\p{C}/gu, '').slice(0, 40) : '';
    return {
      kind: 'bad',
      week: currentWeek(now),
      message: `Không đọc được tuần “${shown}”: hãy chọn tuần dạng năm-W số tuần, ví dụ ${currentWeek(now).key}. Đang hiển thị lịch tuần này.`,
    };
  }
  return raw === week.key ? { kind: 'explicit', week } : { kind: 'redirect', week };
}

/** The current week's pages change at midnight on Monday (Vietnam): no copy may outlive that. */
function untilNextWeek(now: Date): string {
  const s = secondsUntilNextWeek(now);
  return `public, max-age=${Math.min(60, s)}, s-maxage=${Math.min(300, s)}`;
}

/** Public pages of Lịch công tác (leaders' weekly work schedule). */
export async function scheduleRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;

  /** Bad ?tuan= values are answered fresh, never stored: anyone could invent endless variants. */
  const sendUncached = (_request: FastifyRequest, reply: FastifyReply, r: Rendered) => sendFresh(reply, r);

  const weekPage = async (request: FastifyRequest, reply: FastifyReply, print: boolean, tuan: string | string[] | undefined) => {
    const now = ctx.now();
    const choice = chooseWeek(tuan, now);
    const base = print ? SCHEDULE_PRINT_PATH : SCHEDULE_PATH;
    if (choice.kind === 'redirect') return sendUncached(request, reply, permanentRedirect(`${base}?tuan=${choice.week.key}`));
    const render = async (): Promise<Rendered> => {
      const { week } = choice;
      const entries = await listEntries(ctx.db, request.site.id, week.days[0]!, week.days[6]!);
      const body = print
        ? renderHtml(<SchedulePrintPage siteName={request.site.name} assets={ctx.assets} week={week} entries={entries} origin={originOf(request)} />)
        : renderHtml(
            <SchedulePage
              frame={await frameFor(ctx, request)}
              data={{ week, entries, isCurrent: choice.kind === 'current', badWeek: choice.kind === 'bad' ? choice.message : undefined }}
            />,
          );
      const cacheControl = choice.kind === 'explicit' ? PUBLIC_HTML_CACHE : untilNextWeek(now);
      return { status: 200, contentType: HTML, body, cacheControl };
    };
    if (choice.kind === 'bad') return sendUncached(request, reply, await render());
    const key = choice.kind === 'current' ? `${base}?nay=${choice.week.key}` : `${base}?tuan=${choice.week.key}`;
    return sendCachedAs(app, request, reply, key, render, choice.kind === 'current' ? untilNextWeek(now) : undefined);
  };

  for (const [path, print] of [[SCHEDULE_PATH, false], [SCHEDULE_PRINT_PATH, true]] as const) {
    app.get(path, { schema: { querystring: WeekQuery } }, async (request, reply) => weekPage(request, reply, print, request.query.tuan));
  }

  app.get(SCHEDULE_FEED_PATH, async (request, reply) => {
    const now = ctx.now();
    const week = currentWeek(now);
    return sendCachedAs(app, request, reply, feedKey(week.key), async () => {
      const from = addWeeks(week, -FEED_WEEKS_BACK).days[0]!;
      const to = addWeeks(week, FEED_WEEKS_AHEAD).days[6]!;
      const entries = await listEntries(ctx.db, request.site.id, from, to);
      const body = renderCalendar(
        { name: `Lịch công tác - ${request.site.name}`, uidDomain: `${request.site.code}.cong`, pageUrl: `${originOf(request)}${SCHEDULE_PATH}` },
        entries,
      );
      return {
        status: 200,
        contentType: 'text/calendar; charset=utf-8',
        body,
        cacheControl: untilNextWeek(now),
        headers: { 'content-disposition': 'inline; filename="lich-cong-tac.ics"' },
      };
    }, untilNextWeek(now));
  });
}
