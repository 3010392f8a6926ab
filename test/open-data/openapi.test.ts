import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Value } from 'typebox/value';
import { buildTestApp, NAM_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';
import { apiGet } from './helpers.js';

type Operation = {
  operationId: string;
  summary: string;
  parameters: { name: string; in: string; required: boolean; description?: string; schema: object }[];
  responses: Record<string, { description: string; content?: Record<string, { schema: object }> }>;
};
type Spec = { openapi: string; servers: { url: string }[]; paths: Record<string, { get: Operation }> };

/** The example request of each documented path, with a filter where it has one. */
const EXAMPLES: Record<string, string[]> = {
  '/api/v1/articles': ['/api/v1/articles', '/api/v1/articles?category=kinh-te&limit=3'],
  '/api/v1/documents': ['/api/v1/documents', '/api/v1/documents?status=du-thao'],
  '/api/v1/documents.csv': ['/api/v1/documents.csv'],
  '/api/v1/procedures': ['/api/v1/procedures?limit=2'],
  '/api/v1/procedures.csv': ['/api/v1/procedures.csv'],
  '/api/v1/schedule': ['/api/v1/schedule'],
  '/api/v1/organisation': ['/api/v1/organisation'],
  '/api/v1/organisation/people': ['/api/v1/organisation/people'],
  '/api/v1/questions': ['/api/v1/questions?limit=100'],
};

describeEachDb('the OpenAPI document', async (db) => ({ app: await buildTestApp(db) }), (ctx) => {
  test('it is a valid OpenAPI 3.1 document (checked by @seriousme/openapi-schema-validator) and documents every route of the API', async () => {
    const res = await apiGet(ctx().app, '/api/openapi.json');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/json; charset=utf-8');
    assert.equal(res.headers['access-control-allow-origin'], '*');
    const spec = res.json() as Spec;
    const validator = new Validator();
    const result = await validator.validate(structuredClone(spec));
    assert.deepEqual(result, { valid: true });
    assert.equal(validator.version, '3.1');
    assert.deepEqual(Object.keys(spec.paths).sort(), Object.keys(EXAMPLES).sort());
    assert.deepEqual(spec.servers, [{ url: `http://${NAM_HONG_LINH}` }]);
    const ids = Object.values(spec.paths).map((p) => p.get.operationId);
    assert.equal(new Set(ids).size, ids.length, 'operation ids are unique');
    for (const [path, { get }] of Object.entries(spec.paths)) {
      assert.ok(get.summary && get.responses['200'] && get.responses['4XX'] && get.responses['304'], path);
      for (const p of get.parameters) assert.ok(p.description, `${path} ${p.name} is described`);
    }
  });

  test('the document is the route schemas: a value the document allows passes, one it forbids is refused with the same parameter', async () => {
    const { app } = ctx();
    const spec = (await apiGet(app, '/api/openapi.json')).json() as Spec;
    const limit = spec.paths['/api/v1/articles']!.get.parameters.find((p) => p.name === 'limit')!;
    assert.deepEqual(limit.schema, { type: 'integer', minimum: 1, maximum: 100 });
    assert.equal((await apiGet(app, '/api/v1/articles?limit=100')).statusCode, 200);
    assert.equal((await apiGet(app, '/api/v1/articles?limit=101')).statusCode, 400);
    const from = spec.paths['/api/v1/documents']!.get.parameters.find((p) => p.name === 'from')!;
    assert.deepEqual(from.schema, { type: 'string', format: 'date' });
    const csv = spec.paths['/api/v1/documents.csv']!.get;
    assert.deepEqual(Object.keys(csv.responses['200']!.content!), ['text/csv']);
    assert.ok(!csv.parameters.some((p) => p.name === 'cursor'), 'the CSV is not paged');
  });

  test('every answer fits the schema the document gives for it, errors included', async () => {
    const { app } = ctx();
    const spec = (await apiGet(app, '/api/openapi.json')).json() as Spec;
    for (const [path, urls] of Object.entries(EXAMPLES)) {
      const responses = spec.paths[path]!.get.responses;
      for (const url of urls) {
        const res = await apiGet(app, url);
        assert.equal(res.statusCode, 200, url);
        const [type, { schema }] = Object.entries(responses['200']!.content!)[0]!;
        assert.equal(res.headers['content-type'], `${type}; charset=utf-8`, url);
        const body = type === 'application/json' ? res.json() : res.body;
        if (type === 'application/json' && 'data' in body) assert.ok((body.data as unknown[]).length > 0, `${url} shows items`);
        assert.ok(Value.Check(schema as never, body), `${url}: ${JSON.stringify([...Value.Errors(schema as never, body)].slice(0, 3))}`);
      }
      const bad = await apiGet(app, `${path}?limit=0&from=x`);
      if (bad.statusCode === 400) assert.ok(Value.Check(responses['4XX']!.content!['application/json']!.schema as never, bad.json()), path);
    }
  });
});
