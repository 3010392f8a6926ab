import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { buildTestApp, NAM_HONG_LINH, onePathPerKind, ROOT, sitemapPaths } from '../helpers/app.js';
import { makeUser, PASSWORD } from '../helpers/admin.js';
import { describeEachDb, PG_URL } from '../helpers/db.js';
import { BACK_OFFICE_PACKAGES, type PublicProcessInput, type PublicProcessOutput } from '../helpers/public-process.js';

const run = promisify(execFile);

describeEachDb('a process serving public pages loads none of the back office\'s packages', async (db) => {
  const app = await buildTestApp(db);
  await makeUser(db.db, 'congtacvien', [{ siteId: 1, role: 'contributor' }]);
  return { app };
}, (get) => {
  test('password hashing, two-factor codes, the revision diff and the HTML sanitiser load on first use, not with the public site', async () => {
    const { app, db } = get();
    const listed = await sitemapPaths(app, NAM_HONG_LINH);
    assert.ok(listed.length > 20, `the sitemap lists the demo's pages (${listed.length})`);
    // Pages the sitemap lists (one of each kind, and the first 120), search, the feed, a 404 and
    // the sign-in form: what crawlers and readers ask.
    const pages = [...new Set([...onePathPerKind(listed), ...listed.slice(0, 120)])];
    const paths = [...pages, '/tim-kiem?q=nam+hong', '/rss.xml', '/khong-co-trang-nay', '/quan-tri/dang-nhap'];
    const input: PublicProcessInput = {
      dataDir: db.dataDir,
      databaseUrl: db.dialect === 'postgres' ? PG_URL : null,
      schema: db.schema,
      host: NAM_HONG_LINH,
      paths,
      login: 'congtacvien',
      password: PASSWORD,
    };
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'test/helpers/public-process.ts', JSON.stringify(input)], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
    const out = JSON.parse(stdout) as PublicProcessOutput;
    const served = Object.entries(out.statuses).filter(([, status]) => status === 200).length;
    assert.ok(served >= pages.length, `the listed pages were served: ${JSON.stringify(out.statuses)}`);
    for (const path of ['/tim-kiem?q=nam+hong', '/rss.xml', '/quan-tri/dang-nhap']) assert.equal(out.statuses[path], 200, path);
    assert.equal(out.statuses['/khong-co-trang-nay'], 404);
    assert.equal(out.statuses['POST /quan-tri/dang-nhap'], 303, 'the contributor is signed in');
    assert.deepEqual(out.afterPublic, [], 'none loaded by public pages or the sign-in form');
    // Signing in checks a password: argon2 is loaded then, and only then.
    assert.deepEqual(out.afterSignIn, ['@node-rs/argon2']);
    assert.deepEqual(BACK_OFFICE_PACKAGES, ['@node-rs/argon2', 'otplib', 'qrcode', 'diff', 'sanitize-html'], 'the packages watched');
  });
});
