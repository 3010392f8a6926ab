import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { questionOf } from '../interact/helpers.js';
import { buildTestApp, NAM_HONG_LINH, BAC_HONG_LINH } from '../helpers/app.js';
import type { TestDb } from '../helpers/db.js';

export { freshIp, get, post, questionOf, solvedAltcha, text } from '../interact/helpers.js';

/** Shared set-up of the Hỏi đáp tests: the app on the demo content, both sites' ids. */
export interface Env {
  app: FastifyInstance;
  siteId: number;
  otherSiteId: number;
}

export async function setup(db: TestDb, opts: { cacheSeconds?: number; now?: () => Date } = {}): Promise<Env> {
  const app = await buildTestApp(db, { cacheSeconds: opts.cacheSeconds ?? 0, now: opts.now });
  const ids = async (host: string) => (await db.db.selectFrom('site_hosts').select('site_id').where('host', '=', host).executeTakeFirstOrThrow()).site_id;
  return { app, siteId: await ids(NAM_HONG_LINH), otherSiteId: await ids(BAC_HONG_LINH) };
}

export const ASK = '/hoi-dap/gui-cau-hoi';
export const LOOKUP = '/hoi-dap/tra-cuu';

let n = 0;
/** A valid question; the body differs on every call (duplicates are refused). */
export function validQuestion(topicId: number, extra: Record<string, string> = {}): Record<string, string> {
  n += 1;
  return {
    ho_ten: 'Nguyễn Thị Lan',
    dien_thoai: '0912 345 678',
    email: 'lan.nguyen@gmail.com',
    dia_chi: 'Tổ dân phố 6, phường Bắc Hồng',
    chu_de: String(topicId),
    loai: 'cau-hoi',
    tieu_de: `Hỏi về thủ tục đăng ký thường trú lần ${n}`,
    noi_dung: `Xin hỏi hồ sơ đăng ký thường trú cho con mới sinh gồm những gì (câu hỏi số ${n} ${Date.now()})?`,
    ...extra,
  };
}

/** A fresh question and its answer from the form page, as a person without JavaScript reads it. */
export async function formQuestion(app: FastifyInstance, host = NAM_HONG_LINH, ip?: string) {
  const { get } = await import('../interact/helpers.js');
  const res = await get(app, ASK, { host, ip });
  assert.equal(res.statusCode, 200);
  return questionOf(res.body);
}

export async function firstTopic(db: TestDb, siteId: number): Promise<number> {
  return (await db.db.selectFrom('question_topics').select('id').where('site_id', '=', siteId).orderBy('position').executeTakeFirstOrThrow()).id;
}

/** Sends a valid question without JS; returns the displayed code ("HD-XXXX-XXXX"). */
export async function ask(app: FastifyInstance, db: TestDb, siteId: number, o: { host?: string; ip: string; extra?: Record<string, string> }): Promise<{ code: string; fields: Record<string, string> }> {
  const { post } = await import('../interact/helpers.js');
  const q = await formQuestion(app, o.host, o.ip);
  const fields = validQuestion(await firstTopic(db, siteId), o.extra);
  const res = await post(app, ASK, { ...fields, ma_cau_hoi: q.token, dap_an: q.answer }, { host: o.host, ip: o.ip });
  assert.equal(res.statusCode, 200, res.body.slice(0, 300));
  const m = /<p class="qa-code-value"><strong>(HD-[2-9A-Z]{4}-[2-9A-Z]{4})<\/strong><\/p>/.exec(res.body);
  assert.ok(m, 'the page shows the tracking code');
  return { code: m[1]!, fields };
}
