import { Type } from 'typebox';
import { limitedTo } from '../../../kernel/http/limits.js';
import { agencyOrDefault, listPeople, listUnits, type PersonView } from '../../organisation/repo.js';
import { ApiError, echo } from '../errors.js';
import { listPage, pageById } from '../list.js';
import { API_LIMIT } from '../limits.js';
import { Cursor, ErrorBody, Limit, NullableString, PageOf } from '../schemas.js';
import { sendJson } from '../send.js';
import type { Api } from '../routes.js';

const Organisation = Type.Object(
  {
    agency: Type.Object({
      name: Type.String(),
      address: Type.String(),
      phone: Type.String(),
      fax: Type.String(),
      email: Type.String(),
      website: Type.String(),
      hours: Type.String({ description: 'Giờ làm việc.' }),
      duties: Type.String({ description: 'Chức năng, nhiệm vụ.' }),
    }),
    units: Type.Array(
      Type.Object({
        id: Type.Integer(),
        parentId: Type.Union([Type.Integer(), Type.Null()]),
        name: Type.String(),
        duties: Type.String(),
        phone: Type.String(),
        email: Type.String(),
      }),
    ),
  },
  { description: 'Cơ quan và các đơn vị' },
);

const Person = Type.Object({
  id: Type.Integer(),
  fullName: Type.String(),
  post: Type.String({ description: 'Chức vụ.' }),
  unitId: Type.Union([Type.Integer(), Type.Null()]),
  leader: Type.Boolean({ description: 'Có trong trang Lãnh đạo.' }),
  phone: Type.String(),
  email: Type.String(),
  updatedAt: NullableString({ format: 'date-time' }),
});

const PeopleQuery = Type.Object(
  { unit: Type.Optional(Type.Integer({ minimum: 1, description: 'Chỉ người của đơn vị có id này (units[].id).' })), cursor: Cursor, limit: Limit },
  { additionalProperties: false },
);

/** Giới thiệu: the agency and its units (one small answer), and its people a page at a time. */
export function organisationRoutes(api: Api): void {
  const ctx = api.cong;
  api.get(
    '/v1/organisation',
    {
      ...limitedTo(API_LIMIT),
      schema: {
        summary: 'Cơ cấu tổ chức',
        description: 'Thông tin cơ quan (địa chỉ, liên hệ, giờ làm việc, chức năng nhiệm vụ) và các đơn vị trực thuộc (cây, qua parentId).',
        tags: ['Tổ chức'],
        operationId: 'getOrganisation',
        response: { 200: Organisation, '4xx': ErrorBody },
      },
    },
    async (request, reply) =>
      sendJson(request, reply, async () => {
        const [agency, units] = await Promise.all([agencyOrDefault(ctx.db, request.site), listUnits(ctx.db, request.site.id)]);
        return {
          agency: { name: agency.name, address: agency.address, phone: agency.phone, fax: agency.fax, email: agency.email, website: agency.website, hours: agency.hours, duties: agency.duties },
          units: units.map((u) => ({ id: u.id, parentId: u.parent_id, name: u.name, duties: u.duties, phone: u.phone, email: u.email })),
        };
      }),
  );

  api.get(
    '/v1/organisation/people',
    {
      ...limitedTo(API_LIMIT),
      schema: {
        summary: 'Cán bộ, lãnh đạo',
        description: 'Cán bộ, lãnh đạo của cơ quan và các đơn vị, theo id. Lọc theo đơn vị.',
        tags: ['Tổ chức'],
        operationId: 'listPeople',
        querystring: PeopleQuery,
        response: { 200: PageOf(Person), '4xx': ErrorBody },
      },
    },
    async (request, reply) =>
      sendJson(request, reply, async () => {
        const site = request.site;
        const unit = request.query.unit;
        const [units, people] = await Promise.all([listUnits(ctx.db, site.id), listPeople(ctx.db, site.id)]);
        if (unit !== undefined && !units.some((u) => u.id === unit)) {
          throw new ApiError(`Không có đơn vị ${echo(String(unit))} trên trang này. Danh sách đơn vị có tại /api/v1/organisation.`, 'unit');
        }
        const rows = unit === undefined ? people : people.filter((p) => p.unit_id === unit);
        return listPage(request, request.query, {
          resource: 'people',
          shape: ['id'],
          keyOf: (p: PersonView) => [p.id],
          fetch: async (after, n) => pageById(rows, after, n),
          present: (p) => ({
            id: p.id,
            fullName: p.full_name,
            post: p.post,
            unitId: p.unit_id,
            leader: p.is_leader === 1,
            phone: p.phone,
            email: p.email,
            updatedAt: p.updated_at || null,
          }),
        });
      }),
  );
}
