import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { limitedTo } from '../../../kernel/http/limits.js';
import { originOf } from '../../../kernel/http/render.js';
import { csvText } from '../../../kernel/lib/csv.js';
import type { ProcedureRow } from '../../../kernel/db/tables/procedures.js';
import { fieldSlug, ONLINE_LEVELS, PROCEDURE_FIELDS, procedureUrl } from '../../procedures/fields.js';
import { listProcedures } from '../../procedures/repo.js';
import { choose, listPage, pageById } from '../list.js';
import { API_LIMIT } from '../limits.js';
import { Choice, Cursor, ErrorBody, Limit, PageOf } from '../schemas.js';
import { sendCsv, sendJson } from '../send.js';
import type { Api } from '../routes.js';

const Procedure = Type.Object({
  id: Type.Integer(),
  code: Type.String({ description: 'Mã thủ tục trên Cơ sở dữ liệu quốc gia về thủ tục hành chính.' }),
  title: Type.String(),
  field: Type.String({ description: 'Lĩnh vực.' }),
  level: Type.String({ description: 'Cấp thực hiện.' }),
  duration: Type.String({ description: 'Thời hạn giải quyết.' }),
  fee: Type.String({ description: 'Phí, lệ phí.' }),
  dossier: Type.String({ description: 'Thành phần hồ sơ.' }),
  method: Type.String({ description: 'Cách thức thực hiện.' }),
  onlineLevel: Type.String({ description: '"" (chưa trực tuyến), toan-trinh hoặc mot-phan.' }),
  portalUrl: Type.String({ description: 'Trang của thủ tục trên Cổng Dịch vụ công quốc gia.' }),
  updatedAt: Type.String({ format: 'date-time' }),
  url: Type.String({ format: 'uri' }),
});

const FieldFilter = Choice(`Lĩnh vực (slug): ${PROCEDURE_FIELDS.map(fieldSlug).join(', ')}.`);
const Query = Type.Object({ field: FieldFilter, cursor: Cursor, limit: Limit }, { additionalProperties: false });
const CsvQuery = Type.Object({ field: FieldFilter }, { additionalProperties: false });

const CSV_HEADER = ['Mã thủ tục', 'Tên thủ tục', 'Lĩnh vực', 'Cấp thực hiện', 'Thời hạn giải quyết', 'Phí, lệ phí', 'Thành phần hồ sơ', 'Cách thức thực hiện', 'Mức độ trực tuyến', 'Cổng Dịch vụ công', 'Địa chỉ'];

const fieldOf = (given: string | undefined) => choose('field', given, PROCEDURE_FIELDS.map((f) => ({ slug: fieldSlug(f), value: f as string })), 'lĩnh vực');

function present(request: FastifyRequest) {
  const origin = originOf(request);
  return (p: ProcedureRow) => ({
    id: p.id,
    code: p.code,
    title: p.title,
    field: p.field,
    level: p.level,
    duration: p.duration,
    fee: p.fee,
    dossier: p.dossier,
    method: p.method,
    onlineLevel: p.online_level,
    portalUrl: p.portal_url,
    updatedAt: p.updated_at,
    url: origin + procedureUrl(p),
  });
}

/** Thủ tục hành chính: published procedures by id (a site has a few hundred at most); and as CSV. */
export function procedureRoutes(api: Api): void {
  const ctx = api.cong;
  api.get(
    '/v1/procedures',
    {
      ...limitedTo(API_LIMIT),
      schema: {
        summary: 'Thủ tục hành chính',
        description: 'Thủ tục hành chính đã công bố, theo thứ tự mã số nội bộ (id). Lọc theo lĩnh vực.',
        tags: ['Thủ tục hành chính'],
        operationId: 'listProcedures',
        querystring: Query,
        response: { 200: PageOf(Procedure), '4xx': ErrorBody },
      },
    },
    async (request, reply) =>
      sendJson(request, reply, async () => {
        const field = fieldOf(request.query.field);
        const rows = await listProcedures(ctx.db, request.site.id, { field });
        return listPage(request, request.query, {
          resource: 'procedures',
          shape: ['id'],
          keyOf: (p: ProcedureRow) => [p.id],
          fetch: async (after, n) => pageById(rows, after, n),
          present: present(request),
        });
      }),
  );

  api.get(
    '/v1/procedures.csv',
    {
      ...limitedTo(API_LIMIT),
      schema: {
        summary: 'Thủ tục hành chính (CSV)',
        description: 'Toàn bộ thủ tục phù hợp bộ lọc, theo thứ tự của trang Thủ tục hành chính, dạng CSV UTF-8 (có BOM) mở được bằng Excel.',
        tags: ['Thủ tục hành chính'],
        operationId: 'downloadProceduresCsv',
        produces: 'text/csv',
        querystring: CsvQuery,
        response: { 200: Type.String({ description: 'Tệp CSV' }), '4xx': ErrorBody },
      },
    },
    async (request, reply) =>
      sendCsv(request, reply, 'thu-tuc-hanh-chinh.csv', async () => {
        const field = fieldOf(request.query.field);
        const rows = (await listProcedures(ctx.db, request.site.id, { field })).map(present(request));
        return csvText(
          CSV_HEADER,
          rows.map((p) => [p.code, p.title, p.field, p.level, p.duration, p.fee, p.dossier, p.method, ONLINE_LEVELS[p.onlineLevel] ?? p.onlineLevel, p.portalUrl, p.url]),
        );
      }),
  );
}
