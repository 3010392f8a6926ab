import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { codeAt, secretOnSetupPage } from '../helpers/totp.js';
import { ClusterServer, clientPerWorker, eventually, request, type PinnedClient } from '../helpers/cluster.js';

/**
 * Settings changed in the back office through one worker (the site's name: the site table is
 * reloaded; the counter's imported base) reach the other worker's cached pages and live counters
 * at once: through the primary, no Redis.
 */
function cookieOf(setCookie: string | string[] | undefined, name: string): string {
  const line = [setCookie ?? []].flat().find((c) => c.startsWith(`${name}=`));
  assert.ok(line, `a ${name} cookie`);
  return line.split(';')[0]!;
}

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

describe('a setting changed through one worker', () => {
  let server: ClusterServer;
  let clients: PinnedClient[];
  before(async () => {
    server = await ClusterServer.start();
    clients = await clientPerWorker(server, 2);
  });
  after(async () => {
    for (const c of clients ?? []) c.agent.destroy();
    await server?.cleanup();
  });

  test("renames the site on the other worker's cached pages and moves its counter base", async () => {
    const [a, b] = clients as [PinnedClient, PinnedClient];
    const host = `127.0.0.1:${server.port}`;
    const home = async () => (await request(server.port, { path: '/', agent: b.agent, headers: { host } })).body;
    assert.match(await home(), /Cổng thông tin điện tử phường Nam Hồng Lĩnh/);
    await home();
    const counters = async () => JSON.parse((await request(server.port, { path: '/thong-ke/so-lieu', agent: b.agent, headers: { host } })).body) as { total: number };
    assert.ok((await counters()).total < 5_000_000, 'the demo base is 184.250');

    // The first administrator's password is in a file of the data directory (only its path is printed).
    const password = /Mật khẩu: (\S+)/.exec(readFileSync(join(server.dataDir, 'mat-khau-quan-tri-dau-tien.txt'), 'utf8'))?.[1];
    assert.ok(password, 'the first administrator was written to its file');
    const form = await request(server.port, { path: '/quan-tri/dang-nhap', agent: a.agent, headers: { host } });
    const signIn = await request(server.port, {
      method: 'POST',
      path: '/quan-tri/dang-nhap',
      agent: a.agent,
      headers: { host, cookie: cookieOf(form.headers['set-cookie'], 'cong_lcsrf'), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrfOf(form.body), login: 'quantri', password }).toString(),
    });
    assert.equal(signIn.status, 303, signIn.body.slice(0, 300));
    const session = cookieOf(signIn.headers['set-cookie'], 'cong_sid');
    // The generated password must be replaced before anything else opens.
    const account = await request(server.port, { path: '/quan-tri/tai-khoan', agent: a.agent, headers: { host, cookie: session } });
    const changed = await request(server.port, {
      method: 'POST',
      path: '/quan-tri/tai-khoan/mat-khau',
      agent: a.agent,
      headers: { host, cookie: session, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrfOf(account.body), current: password, next: 'mat-khau-moi-cua-quan-tri-2026', confirm: 'mat-khau-moi-cua-quan-tri-2026' }).toString(),
    });
    assert.equal(changed.status, 303, changed.body.slice(0, 300));
    // Then a system administrator must set up a second factor before anything else opens.
    const setupPath = '/quan-tri/tai-khoan/hai-lop?batbuoc=1';
    const setup = await request(server.port, { path: setupPath, agent: a.agent, headers: { host, cookie: session } });
    const enrolled = await request(server.port, {
      method: 'POST',
      path: setupPath,
      agent: a.agent,
      headers: { host, cookie: session, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrfOf(setup.body), code: await codeAt(secretOnSetupPage(setup.body), new Date()) }).toString(),
    });
    assert.equal(enrolled.status, 200, enrolled.body.slice(0, 300));

    const path = '/quan-tri/trang-web/cai-dat';
    const settings = await request(server.port, { path, agent: a.agent, headers: { host, cookie: session } });
    assert.equal(settings.status, 200, settings.body.slice(0, 300));
    const fields = new URLSearchParams();
    for (const m of settings.body.matchAll(/<input id="f-([a-z_]+)" name="[a-z_]+"[^>]*?value="([^"]*)"/g)) fields.set(m[1]!, m[2]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"'));
    for (const m of settings.body.matchAll(/<textarea id="f-([a-z_]+)"[^>]*>([^<]*)<\/textarea>/g)) fields.set(m[1]!, m[2]!);
    for (const m of settings.body.matchAll(/<input type="checkbox" id="f-([a-z_]+)" name="[a-z_]+" value="1"( checked)?/g)) if (m[2]) fields.set(m[1]!, '1');
    fields.set('name', 'Cổng thông tin điện tử phường Bắc Hồng Lĩnh');
    fields.set('counter_base', '5000000');
    fields.set('_csrf', csrfOf(settings.body));
    const saved = await request(server.port, {
      method: 'POST',
      path,
      agent: a.agent,
      headers: { host, cookie: session, origin: `http://${host}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: fields.toString(),
    });
    assert.equal(saved.status, 303, saved.body.slice(0, 500));

    await eventually(async () => (await home()).includes('phường Bắc Hồng Lĩnh'), 2000);
    const page = await home();
    assert.match(page, /Cổng thông tin điện tử phường Bắc Hồng Lĩnh/, 'the other worker shows the new name');
    assert.doesNotMatch(page, /Cổng thông tin điện tử phường Nam Hồng Lĩnh/);
    // The other worker's live counters start from the new base too (not after their 5 s cache).
    assert.ok((await counters()).total >= 5_000_000, 'the other worker counts from the new base');
  });
});
