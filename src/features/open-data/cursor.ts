import { ApiError } from './errors.js';

/**
 * Opaque cursors: the sort key of the last item of a page (its date, then its id, which no two
 * items share), as base64url JSON tagged with the resource. The next page is "what comes after
 * this key" (keyset paging), so items added or removed meanwhile neither repeat nor hide others.
 */
export type KeyPart = 'text' | 'id';
export type Key = (string | number)[];

const BAD_CURSOR = 'Tham số cursor không hợp lệ: hãy dùng nguyên giá trị nextCursor của trang trước.';

export function encodeCursor(resource: string, key: Key): string {
  return Buffer.from(JSON.stringify([resource, ...key]), 'utf8').toString('base64url');
}

/** The key a cursor carries, checked against the resource's key shape; null without a cursor. */
export function decodeCursor(resource: string, raw: string | undefined, shape: readonly KeyPart[]): Key | null {
  if (raw === undefined) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw new ApiError(BAD_CURSOR, 'cursor');
  }
  if (!Array.isArray(value) || value.length !== shape.length + 1 || value[0] !== resource) throw new ApiError(BAD_CURSOR, 'cursor');
  const key = value.slice(1) as unknown[];
  const fits = shape.every((part, i) => {
    const v = key[i];
    return part === 'id' ? typeof v === 'number' && Number.isSafeInteger(v) && v > 0 : typeof v === 'string' && v.length <= 64;
  });
  if (!fits) throw new ApiError(BAD_CURSOR, 'cursor');
  return key as Key;
}
