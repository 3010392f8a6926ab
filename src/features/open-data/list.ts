import type { FastifyRequest } from 'fastify';
import { originOf } from '../../kernel/http/render.js';
import { fromLocalTime } from '../../kernel/lib/format.js';
import { decodeCursor, encodeCursor, type Key, type KeyPart } from './cursor.js';
import { ApiError, echo } from './errors.js';
import { DEFAULT_LIMIT } from './schemas.js';

/** How one resource is listed a page at a time. */
export interface ListSpec<Row> {
  /** The resource's name, also the tag of its cursors ("articles"). */
  resource: string;
  /** The kinds of the parts of its sort key (its cursor's shape). */
  shape: readonly KeyPart[];
  keyOf(row: Row): Key;
  /** Up to `n` rows after the key (from the first without one), in the list's order. */
  fetch(after: Key | null, n: number): Promise<Row[]>;
  present(row: Row): unknown;
}

export interface PageQuery {
  cursor?: string;
  limit?: number;
  [key: string]: unknown;
}

/** One page of a list: asks for one row more than the page holds to know whether another page follows. */
export async function listPage<Row>(request: FastifyRequest, query: PageQuery, spec: ListSpec<Row>) {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const after = decodeCursor(spec.resource, query.cursor, spec.shape);
  const rows = await spec.fetch(after, limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor(spec.resource, spec.keyOf(last)) : null;
  return { data: page.map((r) => spec.present(r)), nextCursor, next: nextCursor ? nextAddress(request, query, nextCursor) : null };
}

/** The full address of the next page: the same filters and limit, the new cursor. */
function nextAddress(request: FastifyRequest, query: PageQuery, cursor: string): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (k !== 'cursor' && v !== undefined) params.set(k, String(v));
  params.set('cursor', cursor);
  return `${originOf(request)}${request.url.split('?', 1)[0]}?${params}`;
}

/** Rows held in memory (a few hundred at most: procedures, people), paged by id. */
export function pageById<Row extends { id: number }>(rows: Row[], after: Key | null, n: number): Row[] {
  const afterId = after ? (after[0] as number) : 0;
  return rows.filter((r) => r.id > afterId).sort((a, b) => a.id - b.id).slice(0, n);
}

/** from/to as days, checked to be in order. */
export function dayRange(query: { from?: string; to?: string }): { from?: string; to?: string } {
  if (query.from && query.to && query.from > query.to) {
    throw new ApiError(`Ngày from (${query.from}) phải trước hoặc trùng ngày to (${query.to}).`, 'from');
  }
  return { from: query.from, to: query.to };
}

/** from/to as instants: from the start of the first Vietnamese day to the start of the day after the last. */
export function instantRange(query: { from?: string; to?: string }): { since?: string; before?: string } {
  const { from, to } = dayRange(query);
  return { since: from ? fromLocalTime(`${from}T00:00`) : undefined, before: to ? fromLocalTime(`${dayAfter(to)}T00:00`) : undefined };
}

function dayAfter(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The value a filter names among the site's own (by slug); a value the site does not have is refused. */
export function choose<T>(parameter: string, given: string | undefined, options: { slug: string; value: T }[], what: string): T | undefined {
  if (given === undefined) return undefined;
  const hit = options.find((o) => o.slug === given);
  if (hit) return hit.value;
  const known = options.map((o) => o.slug);
  const listed = known.length ? `${known.slice(0, 30).join(', ')}${known.length > 30 ? ', …' : ''}` : '(trang này chưa có)';
  throw new ApiError(`Không có ${what} ${echo(given)} trên trang này. Các giá trị dùng được cho ${parameter}: ${listed}.`, parameter);
}
