import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import { perMinute } from '../../kernel/http/limits.js';
import { originOf } from '../../kernel/http/render.js';
import { AppError } from '../../kernel/lib/errors.js';
import { openToEveryOrigin } from './cors.js';
import { jsonErrors, NO_SUCH_RESOURCE } from './errors.js';
import { OpenApiCollector } from './openapi.js';
import { articleRoutes } from './resources/articles.js';
import { documentRoutes } from './resources/documents.js';
import { organisationRoutes } from './resources/organisation.js';
import { procedureRoutes } from './resources/procedures.js';
import { questionRoutes } from './resources/questions.js';
import { scheduleRoutes } from './resources/schedule.js';
import { sendJson } from './send.js';

/** The API's routes' instance: TypeBox types the query strings. */
export type Api = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

/** Where the API lives; its answers are dropped by any purge of their site (PageCache.dropWithEverySitePurge). */
export const API_PREFIX = '/api';

/**
 * Dữ liệu mở (Thông tư 22/2023/TT-BTTTT: information kept as structured data and shared as web
 * services): a read-only JSON API of what the site publishes, under /api/v1, described by
 * /api/openapi.json. Its own error handler and 404 answer JSON whatever the Accept header.
 */
export async function openDataRoutes(app: FastifyInstance): Promise<void> {
  app.cong.pageCache.dropWithEverySitePurge(`${API_PREFIX}/`);
  await app.register(
    async (root) => {
      const api = root.withTypeProvider<TypeBoxTypeProvider>();
      const openApi = new OpenApiCollector();
      api.addHook('onRoute', openApi.collect);
      jsonErrors(api);
      openToEveryOrigin(api);
      api.setNotFoundHandler({ preHandler: api.rateLimit(perMinute(120)) }, async () => {
        throw new AppError('not_found', NO_SUCH_RESOURCE);
      });
      articleRoutes(api);
      documentRoutes(api);
      procedureRoutes(api);
      scheduleRoutes(api);
      organisationRoutes(api);
      questionRoutes(api);
      api.get('/openapi.json', async (request, reply) =>
        sendJson(request, reply, async () =>
          openApi.document(originOf(request), {
            title: `Dữ liệu mở – ${request.site.name}`,
            description:
              'API chỉ đọc, dữ liệu đã công bố của trang thông tin điện tử (Thông tư 22/2023/TT-BTTTT). Phân trang bằng cursor, ETag/304, CORS mở cho GET; lỗi trả JSON kèm thông báo tiếng Việt.',
          }),
        ),
      );
    },
    { prefix: API_PREFIX },
  );
}
