import { Type } from 'typebox';
import { limitedTo } from '../../../kernel/http/limits.js';
import type { ScheduleEntryRow } from '../../../kernel/db/tables/schedule.js';
import { listEntriesAfter } from '../../schedule/repo.js';
import { dayRange, listPage } from '../list.js';
import { API_LIMIT } from '../limits.js';
import { Cursor, ErrorBody, From, Limit, PageOf, To } from '../schemas.js';
import { sendJson } from '../send.js';
import type { Api } from '../routes.js';

const Entry = Type.Object({
  id: Type.Integer(),
  day: Type.String({ format: 'date', description: 'Ngày (giờ Việt Nam).' }),
  startTime: Type.String({ description: 'Giờ bắt đầu, HH:mm.' }),
  endTime: Type.String({ description: 'Giờ kết thúc, HH:mm, hoặc trống.' }),
  content: Type.String({ description: 'Nội dung.' }),
  participants: Type.String({ description: 'Thành phần.' }),
  place: Type.String({ description: 'Địa điểm.' }),
  leader: Type.String({ description: 'Lãnh đạo chủ trì.' }),
  note: Type.String({ description: 'Ghi chú.' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

const Query = Type.Object({ from: From, to: To, cursor: Cursor, limit: Limit }, { additionalProperties: false });

/** Lịch công tác: published entries in time order. */
export function scheduleRoutes(api: Api): void {
  const ctx = api.cong;
  api.get(
    '/v1/schedule',
    {
      ...limitedTo(API_LIMIT),
      schema: {
        summary: 'Lịch công tác',
        description: 'Lịch công tác đã công bố, theo thứ tự thời gian. Lọc theo khoảng ngày.',
        tags: ['Lịch công tác'],
        operationId: 'listSchedule',
        querystring: Query,
        response: { 200: PageOf(Entry), '4xx': ErrorBody },
      },
    },
    async (request, reply) =>
      sendJson(request, reply, async () => {
        const { from, to } = dayRange(request.query);
        return listPage(request, request.query, {
          resource: 'schedule',
          shape: ['text', 'text', 'id'],
          keyOf: (e: ScheduleEntryRow) => [e.day, e.start_time, e.id],
          fetch: (after, n) =>
            listEntriesAfter(ctx.db, request.site.id, { from, to, after: after ? { day: after[0] as string, startTime: after[1] as string, id: after[2] as number } : null, limit: n }),
          present: (e) => ({
            id: e.id,
            day: e.day,
            startTime: e.start_time,
            endTime: e.end_time,
            content: e.content,
            participants: e.participants,
            place: e.place,
            leader: e.leader,
            note: e.note,
            updatedAt: e.updated_at,
          }),
        });
      }),
  );
}
