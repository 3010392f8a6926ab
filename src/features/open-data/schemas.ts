import { Type, type TSchema } from 'typebox';

/** The route schemas shared by every list of the open data API (also the OpenAPI document's source). */

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

export const Limit = Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_LIMIT, description: `Số mục mỗi trang, từ 1 đến ${MAX_LIMIT} (mặc định ${DEFAULT_LIMIT}).` }));

export const Cursor = Type.Optional(
  Type.String({ pattern: '^[A-Za-z0-9_-]{1,400}$', description: 'Giá trị nextCursor của trang trước (bỏ trống: trang đầu). Không tự tạo giá trị này.' }),
);

export const From = Type.Optional(Type.String({ format: 'date', description: 'Từ ngày (YYYY-MM-DD, giờ Việt Nam), tính cả ngày này.' }));
export const To = Type.Optional(Type.String({ format: 'date', description: 'Đến ngày (YYYY-MM-DD, giờ Việt Nam), tính cả ngày này.' }));

/** A filter by one of a list of values (slugs): a value the site does not have is refused. */
export function Choice(description: string) {
  return Type.Optional(Type.String({ maxLength: 200, description }));
}

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
export const NullableString = (options: { description?: string; format?: string } = {}) => Nullable(Type.String(options));

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Mã lỗi ổn định: bad_request, not_found, rate_limited…' }),
      message: Type.String({ description: 'Thông báo lỗi bằng tiếng Việt.' }),
      parameter: Type.Optional(Type.String({ description: 'Tham số gây lỗi.' })),
    }),
  },
  { description: 'Lỗi' },
);

/** One page of a list: the items, and how to ask for the next page (null on the last page). */
export function PageOf<T extends TSchema>(item: T) {
  return Type.Object(
    {
      data: Type.Array(item),
      nextCursor: NullableString({ description: 'Truyền vào tham số cursor để lấy trang sau; null khi đã hết.' }),
      next: NullableString({ format: 'uri', description: 'Địa chỉ đầy đủ của trang sau; null khi đã hết.' }),
    },
    { description: 'Một trang kết quả' },
  );
}

/** Route-schema keys the OpenAPI document reads (Fastify ignores them). */
export interface Described {
  summary: string;
  description?: string;
  tags: string[];
  operationId: string;
}
