import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema, RawRequestDefaultExpression, RawServerDefault, RouteGenericInterface } from 'fastify';
import { pickEncoding } from './accept-encoding.js';
import { sendEntry } from './cache-reply.js';
import { PageCache, type Rendered } from './page-cache.js';

/** A request whose params and query are typed by the route's TypeBox schema. */
export type TypedRequest<S extends FastifySchema> = FastifyRequest<RouteGenericInterface, RawServerDefault, RawRequestDefaultExpression, S, TypeBoxTypeProvider>;

export type Render<S extends FastifySchema = FastifySchema> = (request: TypedRequest<S>, reply: FastifyReply) => Promise<Rendered>;
type Handler<S extends FastifySchema> = (request: TypedRequest<S>, reply: FastifyReply) => Promise<FastifyReply>;

/**
 * Wraps a renderer so that its output is served from, and stored in, the page cache (keyed by
 * site and path). With a schema, it gives the route options `{ schema, handler }` and the
 * renderer gets the typed params: `app.get('/bai-viet/:slugId', cached(app, { params: SlugIdParams }, render))`.
 */
export function cached(app: FastifyInstance, render: Render): Handler<FastifySchema>;
export function cached<S extends FastifySchema>(app: FastifyInstance, schema: S, render: Render<S>): { schema: S; handler: Handler<S> };
export function cached<S extends FastifySchema>(app: FastifyInstance, a: S | Render<S>, b?: Render<S>) {
  const render = (typeof a === 'function' ? a : b)!;
  const handler: Handler<S> = async (request, reply) => {
    const path = request.url.split('?', 1)[0]!;
    const key = PageCache.key(request.site.id, path);
    const entry = await app.cong.pageCache.getOrRender(key, () => render(request, reply), pickEncoding(request.headers['accept-encoding']));
    return sendEntry(request, reply, entry);
  };
  return typeof a === 'function' ? handler : { schema: a, handler };
}
