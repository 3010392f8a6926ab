import type { RouteOptions } from 'fastify';
import type { Described } from './schemas.js';

/**
 * The OpenAPI 3.1 document of the API, made from the schemas of the routes as they are registered
 * (an onRoute hook collects them): what Fastify validates is what the document says. A route is
 * documented when its schema has a summary; JSON Schema 2020-12 (TypeBox's output) is OpenAPI
 * 3.1's own schema language, so the schemas go in as they are.
 */
type Schema = Record<string, unknown>;
interface Documented {
  url: string;
  schema: Partial<Described> & { querystring?: Schema; params?: Schema; response?: Record<string, Schema>; produces?: string };
}

export class OpenApiCollector {
  private readonly routes: Documented[] = [];

  /** For `api.addHook('onRoute', …)`. */
  readonly collect = (route: RouteOptions): void => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const schema = route.schema as Documented['schema'] | undefined;
    if (!methods.includes('GET') || !schema?.summary) return;
    this.routes.push({ url: route.url, schema });
  };

  document(origin: string, info: { title: string; description: string }): object {
    const paths: Record<string, object> = {};
    for (const { url, schema } of this.routes) {
      const path = url.replace(/:([A-Za-z_]+)/g, '{$1}');
      paths[path] = {
        get: {
          operationId: schema.operationId,
          summary: schema.summary,
          ...(schema.description ? { description: schema.description } : {}),
          tags: schema.tags,
          parameters: [...parametersOf(schema.params, 'path'), ...parametersOf(schema.querystring, 'query')],
          responses: responsesOf(schema.response ?? {}, schema.produces),
        },
      };
    }
    return {
      openapi: '3.1.0',
      info: { title: info.title, version: '1.0.0', description: info.description },
      servers: [{ url: origin }],
      paths,
    };
  }
}

function parametersOf(object: Schema | undefined, place: 'query' | 'path'): object[] {
  const properties = (object?.properties ?? {}) as Record<string, Schema>;
  const required = new Set((object?.required ?? []) as string[]);
  return Object.entries(properties).map(([name, { description, ...schema }]) => ({
    name,
    in: place,
    required: place === 'path' || required.has(name),
    ...(description ? { description } : {}),
    schema,
  }));
}

const STATUS_TEXT: Record<string, string> = { '200': 'Thành công', '4XX': 'Yêu cầu không hợp lệ, không tìm thấy hoặc quá giới hạn tần suất' };

function responsesOf(response: Record<string, Schema>, produces = 'application/json'): Record<string, object> {
  const out: Record<string, object> = {};
  for (const [status, schema] of Object.entries(response)) {
    const code = status.toUpperCase();
    const { description, ...body } = schema;
    const type = code === '200' ? produces : 'application/json';
    out[code] = { description: (description as string | undefined) ?? STATUS_TEXT[code] ?? code, content: { [type]: { schema: body } } };
  }
  out['304'] = { description: 'Không thay đổi so với bản có ETag gửi trong If-None-Match.' };
  return out;
}
