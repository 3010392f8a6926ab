import type { FastifyRequest, RouteOptions } from 'fastify';
import { Type } from 'typebox';
import { ID_PATTERN, SLUG_ID_PATTERN } from '../lib/ids.js';

/**
 * The route schemas every feature shares (TypeBox, checked by Fastify before the handler runs).
 *
 * Paths are strict: a path part that does not fit its schema ("/bai-viet/abc") names nothing, and
 * the error handler answers it with the ordinary 404 page (error-routes.tsx). Query strings are
 * lenient: every value is optional text and a route ignores what it cannot use (?trang=abc is the
 * first page), because old links and hand-typed addresses must still show a page.
 */

/** A row id in the path ("/quan-tri/bai-viet/42"). Text, converted with Number() where it is used. */
export const Id = Type.String({ pattern: ID_PATTERN });
export const IdParams = Type.Object({ id: Id });
/** "/<slug>-<id>" pages; the handler splits it with splitSlugId (lib/ids.ts). */
export const SlugIdParams = Type.Object({ slugId: Type.String({ pattern: SLUG_ID_PATTERN }) });
export const SlugParams = Type.Object({ slug: Type.String() });
/** "/<id>/len" and "/<id>/xuong": move a row of an ordered list up or down. */
export const MoveParams = Type.Object({ id: Id, dir: Type.Union([Type.Literal('len'), Type.Literal('xuong')]) });
export const DIRECTIONS = { len: 'up', xuong: 'down' } as const;
/** The rest of the path after a "/*" route ("/media/*"). */
export const WildcardParams = Type.Object({ '*': Type.String() });

/** An optional query-string value: never refused, parsed by the route. */
export const QueryText = Type.Optional(Type.String());

/** The page a ?trang=<n> asks for: 1 to `max`; anything else (missing, "abc", "-1") is the first page. */
export function pageNumber(raw: string | undefined, max = 100_000): number {
  const s = raw?.trim() ?? '';
  if (!/^\d{1,6}$/.test(s)) return 1;
  const n = Number(s);
  return n >= 1 && n <= max ? n : 1;
}

/**
 * "?q=a&q=b" arrives as a list. No form of ours sends a key twice, and the routes read the first
 * of them (or choked on the list): for a key the schema declares as plain text (QueryText), the
 * first value is the value, so a repeated key is never refused. A route that must see the list
 * declares the key as text or list. An `onRoute` hook: only routes with a query-string schema
 * get the step (before validation); the others, the beacon among them, pay nothing.
 */
export function takeFirstQueryValues(route: RouteOptions): void {
  if (!route.schema?.querystring) return;
  const own = route.preValidation;
  route.preValidation = own ? [firstQueryValues, ...(Array.isArray(own) ? own : [own])] : firstQueryValues;
}

async function firstQueryValues(request: FastifyRequest): Promise<void> {
  const schema: unknown = request.routeOptions.schema?.querystring;
  const query: unknown = request.query;
  if (!isObject(schema) || !isObject(schema.properties) || !isObject(query)) return;
  for (const [key, value] of Object.entries(query)) {
    const declared = schema.properties[key];
    if (Array.isArray(value) && isObject(declared) && declared.type === 'string') query[key] = value[0];
  }
}

/** One query-string value of any request, for helpers that serve every route (flash.ts). */
export function queryValue(request: FastifyRequest, key: string): string | undefined {
  const query: unknown = request.query;
  const value = isObject(query) && Object.hasOwn(query, key) ? query[key] : undefined;
  return typeof value === 'string' ? value : undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}
