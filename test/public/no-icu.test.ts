import assert from 'node:assert/strict';
import { test } from 'node:test';

/**
 * The first Intl formatter or locale comparison a process makes loads several MB of ICU data
 * into it (7.5 MB for a vi-VN NumberFormat, 8 MB for a DateTimeFormat with a time zone). A worker
 * that only serves public pages needs none: their numbers and dates are written by hand
 * (kernel/lib/format.ts). This counts every way into ICU's formatters while the application's
 * modules load and while one page of each kind on the sitemap is rendered.
 */
const calls: string[] = [];
let counting = true;
function watchConstructor(name: 'NumberFormat' | 'DateTimeFormat' | 'Collator' | 'PluralRules' | 'RelativeTimeFormat' | 'ListFormat' | 'Segmenter') {
  const Original = Intl[name] as unknown as new (...a: unknown[]) => object;
  const Watched = function (this: unknown, ...args: unknown[]) {
    if (counting) calls.push(`new Intl.${name}(${JSON.stringify(args[0] ?? '')}) ${new Error().stack?.split('\n')[2]?.trim()}`);
    return new Original(...args);
  } as unknown as typeof Intl.NumberFormat;
  Object.defineProperty(Intl, name, { value: Watched, configurable: true, writable: true });
}
function watchMethod(proto: object, name: string) {
  const original = (proto as Record<string, (...a: unknown[]) => unknown>)[name]!;
  Object.defineProperty(proto, name, {
    configurable: true,
    writable: true,
    value: function (this: unknown, ...args: unknown[]) {
      if (counting) calls.push(`${name} ${new Error().stack?.split('\n')[2]?.trim()}`);
      return original.apply(this, args);
    },
  });
}
for (const c of ['NumberFormat', 'DateTimeFormat', 'Collator', 'PluralRules', 'RelativeTimeFormat', 'ListFormat', 'Segmenter'] as const) watchConstructor(c);
watchMethod(String.prototype, 'localeCompare');
watchMethod(Number.prototype, 'toLocaleString');
for (const m of ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString']) watchMethod(Date.prototype, m);

// Only now the application: a formatter made as a module loads would be counted.
const { buildTestApp, NAM_HONG_LINH, onePathPerKind, sitemapPaths } = await import('../helpers/app.js');
const { describeEachDb } = await import('../helpers/db.js');

describeEachDb('public pages load no ICU formatter', async (db) => {
  const loaded = calls.splice(0);
  counting = false;
  // The demo's seeding (an editor's work) may sort and format as it likes.
  const app = await buildTestApp(db);
  return { app, loaded };
}, (get) => {
  test('no module makes an Intl formatter as it loads', () => {
    assert.deepEqual(get().loaded, []);
  });

  test('one page of each kind on the sitemap, the home page and the 404 page render without ICU', async () => {
    const { app } = get();
    const get200 = async (url: string) => {
      const res = await app.inject({ url, headers: { host: NAM_HONG_LINH } });
      assert.ok(res.statusCode < 400, `${url}: ${res.statusCode}`);
      return res.body;
    };
    const pages = onePathPerKind(await sitemapPaths(app, NAM_HONG_LINH));
    assert.ok(pages.length >= 15, `only ${pages.length} kinds of page on the sitemap`);
    calls.length = 0;
    counting = true;
    try {
      for (const url of ['/', ...pages]) await get200(url);
      const missing = await app.inject({ url: '/khong-co-trang-nay', headers: { host: NAM_HONG_LINH } });
      assert.equal(missing.statusCode, 404);
    } finally {
      counting = false;
    }
    assert.deepEqual(calls, [], `ICU formatters used while rendering ${pages.length + 2} pages`);
  });
});
