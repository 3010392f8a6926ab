import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BAC_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';
import { fieldError, publicGet, setupSiteAdmin } from '../site-admin/helpers.js';

/**
 * The national monitoring system's tracking script (EMC, Thông tư 22/2023/TT-BTTTT): a site
 * setting that, when set, puts the script on every public page of that site and lets exactly its
 * origin through the CSP (scripts and connections); unset, nothing changes.
 */
const PATH = '/quan-tri/trang-web/cai-dat';
const EMC = 'https://emc.example.gov.vn/script/tracking.js?site=namhonglinh&amp;v=2';
const EMC_TYPED = 'https://emc.example.gov.vn/script/tracking.js?site=namhonglinh&v=2';
const EMC_TAG = `<script src="${EMC}" async></script>`;

const directive = (csp: unknown, name: string) => String(csp).split('; ').find((d) => d.startsWith(`${name} `));

describeEachDb('the EMC tracking script', setupSiteAdmin, (get) => {
  async function formWith(over: Record<string, string>): Promise<Record<string, string>> {
    const html = (await get().admin.get(PATH)).body;
    const fields: Record<string, string> = {};
    for (const m of html.matchAll(/<input id="f-([a-z_]+)" name="[a-z_]+"[^>]*?value="([^"]*)"/g)) fields[m[1]!] = m[2]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"');
    for (const m of html.matchAll(/<textarea id="f-([a-z_]+)"[^>]*>([^<]*)<\/textarea>/g)) fields[m[1]!] = m[2]!;
    for (const m of html.matchAll(/<input type="checkbox" id="f-([a-z_]+)" name="[a-z_]+" value="1"( checked)?/g)) if (m[2]) fields[m[1]!] = '1';
    return { ...fields, ...over };
  }
  const pages = ['/', '/trang/gioi-thieu', '/khong-co-trang-nay'];

  test('unset (the default): no script is added and the CSP allows only this site for scripts and connections', async () => {
    const { app } = get();
    for (const path of pages) {
      const res = await publicGet(app, path);
      assert.doesNotMatch(res.body, /emc\.example/);
      assert.equal(directive(res.headers['content-security-policy'], 'script-src'), "script-src 'self'");
      assert.equal(directive(res.headers['content-security-policy'], 'connect-src'), "connect-src 'self'");
    }
    assert.match((await get().admin.get(PATH)).body, /<input id="f-emc_script" name="emc_script"[^>]*type="url" value\/>/);
  });

  test('a value that is not an https URL is refused with a Vietnamese message; the typed value is kept and nothing is stored', async () => {
    const { admin, db, app } = get();
    const before = (await db.db.selectFrom('sites').select('settings').where('id', '=', 1).executeTakeFirstOrThrow()).settings;
    for (const [typed, message] of [
      ['http://emc.example.gov.vn/tracking.js', /^Địa chỉ mã theo dõi EMC phải bắt đầu bằng https:\/\/, ví dụ https:\/\/emc\.example\.gov\.vn\/tracking\.js/],
      ['javascript:alert(1)', /^Địa chỉ mã theo dõi EMC phải bắt đầu bằng https:\/\//],
      ['emc chưa có', /^Địa chỉ mã theo dõi EMC không hợp lệ/],
      ['https://user:mat-khau@emc.example.gov.vn/t.js', /^Địa chỉ mã theo dõi EMC không hợp lệ/],
    ] as const) {
      const res = await admin.post(PATH, await formWith({ emc_script: typed }));
      assert.equal(res.statusCode, 422, typed);
      assert.match(fieldError(res.body, 'emc_script') ?? '', message, typed);
      assert.ok(res.body.includes(`value="${typed.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`), `"${typed}" is shown again`);
    }
    assert.equal((await db.db.selectFrom('sites').select('settings').where('id', '=', 1).executeTakeFirstOrThrow()).settings, before);
    assert.doesNotMatch((await publicGet(app, '/')).body, /emc\.example/);
  });

  test('set: the script is on every public page of that site, the CSP allows exactly its origin, the other site is unchanged', async () => {
    const { admin, app } = get();
    // Cached before the change: the save purges them.
    for (const path of pages) await publicGet(app, path);
    const res = await admin.post(PATH, await formWith({ emc_script: `  ${EMC_TYPED} ` }));
    assert.equal(res.statusCode, 303, res.body.slice(0, 500));
    assert.match((await admin.get(PATH)).body, new RegExp(`value="${EMC.replace(/[?.]/g, '\\$&')}"`));
    for (const path of pages) {
      const page = await publicGet(app, path);
      assert.ok(page.body.includes(EMC_TAG), `${path} carries the script`);
      assert.equal(page.body.split(EMC_TAG).length, 2, 'once');
      const csp = page.headers['content-security-policy'];
      assert.equal(directive(csp, 'script-src'), "script-src 'self' https://emc.example.gov.vn");
      assert.equal(directive(csp, 'connect-src'), "connect-src 'self' https://emc.example.gov.vn");
      assert.equal(directive(csp, 'default-src'), "default-src 'self'", 'nothing else is opened');
    }
    const other = await publicGet(app, '/', BAC_HONG_LINH);
    assert.doesNotMatch(other.body, /emc\.example/);
    assert.equal(directive(other.headers['content-security-policy'], 'script-src'), "script-src 'self'");
  });

  test('cleared: the script and the CSP exception are gone', async () => {
    const { admin, app } = get();
    assert.equal((await admin.post(PATH, await formWith({ emc_script: '' }))).statusCode, 303);
    const page = await publicGet(app, '/');
    assert.doesNotMatch(page.body, /emc\.example/);
    assert.equal(directive(page.headers['content-security-policy'], 'script-src'), "script-src 'self'");
    assert.equal(app.cong.sites.byIdOrNull(1)!.settings.emcScriptUrl, null);
  });
}, async ({ app }) => {
  await app.close();
});
