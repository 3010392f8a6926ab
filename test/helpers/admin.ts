import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { createUser } from '../../src/features/back-office/commands/create-user.js';
import type { Db } from '../../src/kernel/db/connection.js';
import type { Role } from '../../src/kernel/db/schema.js';
import { codeAt, freshCodeFor, secretOnSetupPage } from './totp.js';

export const PASSWORD = 'mat-khau-thu-nghiem-2026';

export async function makeUser(db: Db, username: string, roles: { siteId: number; role: Role }[], isSystemAdmin = false): Promise<number> {
  return createUser(db, { email: `${username}@honglinh.gov.vn`, username, displayName: `Người dùng ${username}`, password: PASSWORD, roles, isSystemAdmin }, null, new Date());
}

/** `name=value` of the cookie, under its plain or `__Host-` name (an https site's). */
export function cookiePair(setCookie: string | string[] | undefined, name: string): string | undefined {
  for (const n of [name, `__Host-${name}`]) {
    const v = cookieValue(setCookie, n);
    if (v !== undefined) return `${n}=${v}`;
  }
  return undefined;
}

function cookieValue(setCookie: string | string[] | undefined, name: string): string | undefined {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  for (const c of all) {
    const m = new RegExp(`^${name}=([^;]*)`).exec(c);
    if (m) return m[1];
  }
  return undefined;
}

export function csrfFrom(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  assert.ok(m, 'the page has a CSRF token');
  return m[1]!;
}

/** A signed-in browser-like client: keeps the session cookie and the CSRF token. */
export class AdminClient {
  cookie = '';
  csrf = '';
  constructor(readonly app: FastifyInstance, readonly host: string, readonly ip = '127.0.0.1') {}

  static async login(app: FastifyInstance, host: string, login: string, password = PASSWORD): Promise<AdminClient> {
    const c = new AdminClient(app, host);
    const res = await c.loginAttempt(login, password);
    assert.equal(res.statusCode, 303, `login of ${login} succeeds: ${res.body.slice(0, 200)}`);
    const sid = cookiePair(res.headers['set-cookie'], 'cong_sid');
    assert.ok(sid);
    c.cookie = sid;
    const to = String(res.headers.location);
    // Two factors are required of most roles: the client enrols at first sign-in, as a person must, and gives a code later.
    if (to.startsWith('/quan-tri/dang-nhap/xac-thuc')) await c.secondStep(login);
    else if (to.startsWith('/quan-tri/tai-khoan/hai-lop')) await c.enrolTotp();
    const home = await c.get('/quan-tri');
    if (home.statusCode === 200) c.csrf = csrfFrom(home.body);
    return c;
  }

  /** Sets up TOTP on the forced set-up screen; returns the secret (the client's session stays). */
  async enrolTotp(): Promise<string> {
    const setup = await this.get('/quan-tri/tai-khoan/hai-lop?batbuoc=1');
    assert.equal(setup.statusCode, 200, 'the set-up screen is shown');
    const secret = secretOnSetupPage(setup.body);
    this.csrf = csrfFrom(setup.body);
    const done = await this.post('/quan-tri/tai-khoan/hai-lop?batbuoc=1', { code: await codeAt(secret, this.app.cong.now()) });
    assert.equal(done.statusCode, 200, `TOTP enrolment succeeds: ${done.body.slice(0, 200)}`);
    return secret;
  }

  /** Gives the second step a current code; keeps the new session cookie it sets. */
  async secondStep(login: string): Promise<void> {
    const form = await this.get('/quan-tri/dang-nhap/xac-thuc');
    assert.equal(form.statusCode, 200, 'the second-step form is shown');
    this.csrf = csrfFrom(form.body);
    const res = await this.post('/quan-tri/dang-nhap/xac-thuc', { code: await freshCodeFor(this.app, login) });
    assert.equal(res.statusCode, 303, `second step of ${login} succeeds: ${res.body.slice(0, 200)}`);
    const sid = cookiePair(res.headers['set-cookie'], 'cong_sid');
    assert.ok(sid, 'a new session cookie after the second step');
    this.cookie = sid;
  }

  /** GET the login form, then POST the credentials with the form's CSRF cookie and token. */
  async loginAttempt(login: string, password: string, extra: Record<string, string> = {}) {
    const form = await this.app.inject({ url: '/quan-tri/dang-nhap', headers: { host: this.host }, remoteAddress: this.ip });
    const lcsrf = cookiePair(form.headers['set-cookie'], 'cong_lcsrf')!;
    return this.app.inject({
      method: 'POST',
      url: '/quan-tri/dang-nhap',
      remoteAddress: this.ip,
      headers: { host: this.host, cookie: lcsrf, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrfFrom(form.body), login, password, ...extra }).toString(),
    });
  }

  get(url: string) {
    return this.app.inject({ url, headers: { host: this.host, cookie: this.cookie } });
  }

  post(url: string, fields: Record<string, string | string[]> = {}, opts: { csrf?: string | null } = {}) {
    const params = new URLSearchParams();
    const token = opts.csrf === undefined ? this.csrf : opts.csrf;
    if (token !== null) params.append('_csrf', token);
    for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) params.append(k, x);
    return this.app.inject({
      method: 'POST',
      url,
      headers: { host: this.host, cookie: this.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: params.toString(),
    });
  }
}
