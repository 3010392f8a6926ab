import { Type } from 'typebox';
import { limitedTo } from '../../../kernel/http/limits.js';
import { originOf } from '../../../kernel/http/render.js';
import { csvText } from '../../../kernel/lib/csv.js';
import { slugify } from '../../../kernel/lib/text.js';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../../kernel/db/connection.js';
import { filterOptions, listDocumentsAfter, listTypes, type DocumentFilter, type DocumentListItem } from '../../documents/repo.js';
import { documentUrls } from '../../documents/urls.js';
import { choose, dayRange, listPage } from '../list.js';
import { API_LIMIT } from '../limits.js';
import { Choice, Cursor, ErrorBody, From, Limit, NullableString, PageOf, To } from '../schemas.js';
import { sendCsv, sendJson } from '../send.js';
import type { Api } from '../routes.js';

const STATUSES = [
  { slug: 'con-hieu-luc', value: 'con-hieu-luc', label: 'Còn hiệu lực' },
  { slug: 'het-hieu-luc', value: 'het-hieu-luc', label: 'Hết hiệu lực' },
  { slug: 'du-thao', value: 'du-thao', label: 'Dự thảo' },
];

const Document = Type.Object({
  id: Type.Integer(),
  number: Type.String({ description: 'Số, ký hiệu.' }),
  title: Type.String({ description: 'Trích yếu.' }),
  type: Type.String({ description: 'Loại văn bản.' }),
  issuer: Type.String({ description: 'Cơ quan ban hành.' }),
  field: Type.String({ description: 'Lĩnh vực.' }),
  status: Type.String({ description: 'con-hieu-luc, het-hieu-luc hoặc du-thao.' }),
  issuedOn: Type.String({ format: 'date', description: 'Ngày ban hành.' }),
  effectiveOn: NullableString({ format: 'date', description: 'Ngày có hiệu lực.' }),
  updatedAt: Type.String({ format: 'date-time' }),
  url: Type.String({ format: 'uri' }),
});

const filters = {
  from: From,
  to: To,
  type: Choice('Loại văn bản (slug của tên loại, như "quyet-dinh").'),
  field: Choice('Lĩnh vực (slug, như "dat-dai").'),
  status: Choice('Hiệu lực: con-hieu-luc, het-hieu-luc hoặc du-thao.'),
};
const Query = Type.Object({ ...filters, cursor: Cursor, limit: Limit }, { additionalProperties: false });
const CsvQuery = Type.Object(filters, { additionalProperties: false });

/** The CSV holds every document that fits; a ward's library is a few thousand at most. */
const CSV_MAX_ROWS = 50_000;

const CSV_HEADER = ['Số, ký hiệu', 'Trích yếu', 'Loại văn bản', 'Cơ quan ban hành', 'Lĩnh vực', 'Hiệu lực', 'Ngày ban hành', 'Ngày có hiệu lực', 'Địa chỉ'];

/** The filter a query names; a type, field or status the site does not have is refused. */
async function filterOf(db: Db, siteId: number, q: { from?: string; to?: string; type?: string; field?: string; status?: string }): Promise<DocumentFilter> {
  const [types, options] = await Promise.all([listTypes(db, siteId), filterOptions(db, siteId)]);
  const { from, to } = dayRange(q);
  return {
    typeId: choose('type', q.type, types.map((t) => ({ slug: slugify(t.name), value: t.id })), 'loại văn bản'),
    field: choose('field', q.field, options.fields.map((f) => ({ slug: slugify(f), value: f })), 'lĩnh vực'),
    status: choose('status', q.status, STATUSES, 'hiệu lực'),
    issuedFrom: from,
    issuedTo: to,
  };
}

function present(request: FastifyRequest) {
  const origin = originOf(request);
  return (d: DocumentListItem) => ({
    id: d.id,
    number: d.number,
    title: d.title,
    type: d.type_name,
    issuer: d.issuer,
    field: d.field,
    status: d.status,
    issuedOn: d.issued_on,
    effectiveOn: d.effective_on,
    updatedAt: d.updated_at,
    url: origin + documentUrls.document(d),
  });
}

/** Văn bản: published documents, newest issue date first; and the same list as CSV. */
export function documentRoutes(api: Api): void {
  const ctx = api.cong;
  api.get(
    '/v1/documents',
    {
      ...limitedTo(API_LIMIT),
      schema: {
        summary: 'Văn bản',
        description: 'Văn bản đã công bố, ngày ban hành mới nhất trước. Lọc theo khoảng ngày ban hành, loại, lĩnh vực, hiệu lực.',
        tags: ['Văn bản'],
        operationId: 'listDocuments',
        querystring: Query,
        response: { 200: PageOf(Document), '4xx': ErrorBody },
      },
    },
    async (request, reply) =>
      sendJson(request, reply, async () => {
        const site = request.site;
        const filter = await filterOf(ctx.db, site.id, request.query);
        return listPage(request, request.query, {
          resource: 'documents',
          shape: ['text', 'id'],
          keyOf: (d: DocumentListItem) => [d.issued_on, d.id],
          fetch: (after, n) => listDocumentsAfter(ctx.db, site.id, filter, after ? { issuedOn: after[0] as string, id: after[1] as number } : null, n),
          present: present(request),
        });
      }),
  );

  api.get(
    '/v1/documents.csv',
    {
      ...limitedTo(API_LIMIT),
      schema: {
        summary: 'Văn bản (CSV)',
        description: 'Toàn bộ văn bản phù hợp bộ lọc, dạng CSV UTF-8 (có BOM) mở được bằng Excel.',
        tags: ['Văn bản'],
        operationId: 'downloadDocumentsCsv',
        produces: 'text/csv',
        querystring: CsvQuery,
        response: { 200: Type.String({ description: 'Tệp CSV' }), '4xx': ErrorBody },
      },
    },
    async (request, reply) =>
      sendCsv(request, reply, 'van-ban.csv', async () => {
        const site = request.site;
        const filter = await filterOf(ctx.db, site.id, request.query);
        const rows = (await listDocumentsAfter(ctx.db, site.id, filter, null, CSV_MAX_ROWS)).map(present(request));
        const label = new Map(STATUSES.map((s) => [s.value, s.label]));
        return csvText(
          CSV_HEADER,
          rows.map((d) => [d.number, d.title, d.type, d.issuer, d.field, label.get(d.status) ?? d.status, d.issuedOn, d.effectiveOn, d.url]),
        );
      }),
  );
}
