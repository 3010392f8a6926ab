import assert from 'node:assert/strict';
import https from 'node:https';
import { codeAt, secretOnSetupPage } from '../helpers/totp.js';
import type { LoadTarget } from './load.js';

/**
 * An editor in the back office through nginx (https on loopback): signs in (the session lives in
 * Redis, so any instance knows it), writes drafts and sends them for review, then publishes them
 * while the fault tests break things. Each publication answered 303 is acknowledged.
 */
interface Answer {
  status: number;
  body: string;
  location: string;
  cookies: string[];
}

export class Publisher {
  private cookie = '';
  private csrf = '';
  private constructor(private readonly t: LoadTarget) {}

  private send(method: string, path: string, form?: Record<string, string>): Promise<Answer | null> {
    const body = form ? new URLSearchParams(form).toString() : undefined;
    return new Promise((resolve) => {
      const req = https.request(
        {
          host: '127.0.0.1', port: this.t.port, method, path, agent: false, localAddress: '127.0.0.99', rejectUnauthorized: false, timeout: 15_000,
          headers: {
            host: this.t.host, accept: 'text/html', cookie: this.cookie, 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/124.0',
            ...(body !== undefined ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } : {}),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (d) => (text += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, location: String(res.headers.location ?? ''), cookies: res.headers['set-cookie'] ?? [] }));
          res.on('error', () => resolve(null));
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => resolve(null));
      req.end(body);
    });
  }

  static async signIn(t: LoadTarget, login: string, password: string): Promise<Publisher> {
    const p = new Publisher(t);
    const form = (await p.send('GET', '/quan-tri/dang-nhap'))!;
    p.cookie = form.cookies.map((c) => c.split(';')[0]).join('; ');
    const signed = (await p.send('POST', '/quan-tri/dang-nhap', { _csrf: csrfOf(form.body), login, password }))!;
    assert.equal(signed.status, 303, `sign-in: ${signed.body.slice(0, 300)}`);
    p.cookie = signed.cookies.map((c) => c.split(';')[0]).filter((c) => c.startsWith('cong_sid=')).join('; ');
    // Those who publish must have a second factor: set up at the first sign-in, as a person must.
    if (signed.location.startsWith('/quan-tri/tai-khoan/hai-lop')) {
      const setup = (await p.send('GET', signed.location))!;
      const secret = secretOnSetupPage(setup.body);
      const done = (await p.send('POST', signed.location, { _csrf: csrfOf(setup.body), code: await codeAt(secret, new Date()) }))!;
      assert.equal(done.status, 200, `two-factor set-up: ${done.body.slice(0, 300)}`);
    }
    p.csrf = csrfOf((await p.send('GET', '/quan-tri'))!.body);
    return p;
  }

  /** A new draft, sent for review: its id. */
  async draft(title: string, categoryId: number): Promise<number> {
    const made = (await this.send('POST', '/quan-tri/bai-viet/moi', {
      _csrf: this.csrf, title, sapo: 'Bài viết thử khi một tiến trình bị dừng.', body: '<p>Nội dung bài viết thử.</p>', category_id: String(categoryId), author: 'Biên tập viên',
    }))!;
    const id = Number(/\/quan-tri\/bai-viet\/(\d+)\?tb=da-tao/.exec(made.location)?.[1]);
    assert.ok(id > 0, `draft created: ${made.status} ${made.body.slice(0, 300)}`);
    assert.equal((await this.send('POST', `/quan-tri/bai-viet/${id}/gui-duyet`, { _csrf: this.csrf }))?.status, 303);
    return id;
  }

  /** The answer's status (0: none). */
  async publish(id: number): Promise<number> {
    return (await this.send('POST', `/quan-tri/bai-viet/${id}/xuat-ban`, { _csrf: this.csrf }))?.status ?? 0;
  }
}

function csrfOf(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  assert.ok(m, 'the page has a CSRF token');
  return m[1]!;
}
