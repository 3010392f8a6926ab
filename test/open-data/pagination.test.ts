import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Db } from '../../src/kernel/db/connection.js';
import type { Database } from '../../src/kernel/db/schema.js';
import { buildTestApp, NAM_HONG_LINH, BAC_HONG_LINH } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';
import { assertNoRepeats, cloneRow, idsOf, walk } from './helpers.js';

/**
 * Every list of the API, on both sites: a walk along the `next` links gives each published item
 * of the site exactly once, in the documented order, while another client adds items at the top,
 * at the bottom and next to the cursor; drafts and unpublished rows never show; the other
 * site's rows never show.
 */
interface Resource {
  path: string;
  table: keyof Database;
  /** The ids the site publishes, read straight from the table (the oracle). */
  visible(db: Db, siteId: number): Promise<Set<number>>;
  /** Rows the API must never show (drafts, unpublished, scheduled later). */
  hidden: ((n: number) => Record<string, unknown>)[];
  /** A new published row whose sort key is at the top, the bottom or the middle of the list. */
  fresh(n: number, where: 'top' | 'bottom' | 'middle'): Record<string, unknown>;
  /** The sort key of an item as the API shows it, compared as the list orders (ascending). */
  order(item: Record<string, unknown>): string;
}

const NOW = Date.now();
const iso = (offsetDays: number) => new Date(NOW + offsetDays * 86_400_000).toISOString();
const day = (offsetDays: number) => iso(offsetDays).slice(0, 10);
const pad = (id: unknown) => String(id).padStart(9, '0');
/** Newest first: the key sorts ascending when the date is turned around. */
const desc = (date: string, id: unknown) => `${[...date].map((c) => (/\d/.test(c) ? String(9 - Number(c)) : c)).join('')} ${pad(999_999_999 - Number(id))}`;

const ids = async (db: Db, q: Promise<{ id: number }[]>) => new Set((await q).map((r) => Number(r.id)));

const RESOURCES: Resource[] = [
  {
    path: '/api/v1/articles',
    table: 'articles',
    visible: (db, s) => ids(db, db.selectFrom('articles').select('id').where('site_id', '=', s).where('status', '=', 'published').where('published_at', '<=', new Date().toISOString()).execute()),
    hidden: [
      (n) => ({ status: 'draft', slug: `nhap-${n}`, legacy_id: null, published_at: iso(-1) }),
      (n) => ({ status: 'published', slug: `hen-gio-${n}`, legacy_id: null, published_at: iso(30) }),
      (n) => ({ status: 'unpublished', slug: `go-${n}`, legacy_id: null, published_at: iso(-2) }),
    ],
    fresh: (n, where) => ({ status: 'published', slug: `moi-${n}`, legacy_id: null, title: `Bài mới ${n}`, published_at: where === 'top' ? iso(-0.001) : where === 'bottom' ? iso(-5000) : '2026-11-10T01:00:00.000Z' }),
    order: (i) => desc(i.publishedAt as string, i.id),
  },
  {
    path: '/api/v1/documents',
    table: 'documents',
    visible: (db, s) => ids(db, db.selectFrom('documents').select('id').where('site_id', '=', s).where('published', '=', 1).execute()),
    hidden: [(n) => ({ published: 0, number_code: `an${n}`, issued_on: day(-1) })],
    fresh: (n, where) => ({ published: 1, number_code: `moi${n}`, number: `${n}/TEST`, issued_on: where === 'top' ? day(1) : where === 'bottom' ? '1990-01-01' : '2026-10-01' }),
    order: (i) => desc(i.issuedOn as string, i.id),
  },
  {
    path: '/api/v1/procedures',
    table: 'procedures',
    visible: (db, s) => ids(db, db.selectFrom('procedures').select('id').where('site_id', '=', s).where('published', '=', 1).execute()),
    hidden: [(n) => ({ published: 0, slug: `an-${n}` })],
    fresh: (n) => ({ published: 1, slug: `moi-${n}`, title: `Thủ tục mới ${n}` }),
    order: (i) => pad(i.id),
  },
  {
    path: '/api/v1/schedule',
    table: 'schedule_entries',
    visible: (db, s) => ids(db, db.selectFrom('schedule_entries').select('id').where('site_id', '=', s).where('published', '=', 1).execute()),
    hidden: [(n) => ({ published: 0, day: day(n % 5) })],
    fresh: (_n, where) => ({ published: 1, day: where === 'top' ? '2000-01-03' : where === 'bottom' ? '2099-12-31' : '2026-11-23', start_time: '07:30' }),
    order: (i) => `${i.day as string} ${i.startTime as string} ${pad(i.id)}`,
  },
  {
    path: '/api/v1/organisation/people',
    table: 'org_people',
    visible: (db, s) => ids(db, db.selectFrom('org_people').select('id').where('site_id', '=', s).execute()),
    hidden: [],
    fresh: (n) => ({ full_name: `Người mới ${n}` }),
    order: (i) => pad(i.id),
  },
  {
    path: '/api/v1/questions',
    table: 'questions',
    visible: (db, s) => ids(db, db.selectFrom('questions').select('id').where('site_id', '=', s).where('published', '=', 1).where('status', '=', 'answered').execute()),
    hidden: [
      (n) => ({ published: 0, status: 'answered', answered_at: iso(-1), tracking_hash: `an-${n}` }),
      (n) => ({ published: 1, status: 'processing', answered_at: iso(-1), tracking_hash: `cho-${n}` }),
    ],
    fresh: (n, where) => ({ published: 1, status: 'answered', tracking_hash: `moi-${n}`, answered_at: where === 'top' ? iso(-0.001) : where === 'bottom' ? iso(-5000) : '2026-11-10T01:00:00.000Z' }),
    order: (i) => desc(i.answeredAt as string, i.id),
  },
];

let serial = 0;

describeEachDb('open data lists: paging, publication and tenancy', async (db) => {
  const app = await buildTestApp(db);
  const hiddenIds = new Map<string, number[]>();
  for (const r of RESOURCES) {
    const hidden: number[] = [];
    for (const site of [1, 2]) for (const make of r.hidden) hidden.push(await cloneRow(db.db, r.table, site, make(++serial)));
    hiddenIds.set(r.path, hidden);
  }
  return { app, hiddenIds };
}, (ctx) => {
  for (const r of RESOURCES) {
    test(`${r.path}: a walk gives every published item once, in order, while items are added; nothing hidden, nothing of the other site`, async () => {
      const { app, db, hiddenIds } = ctx();
      const expected = await r.visible(db.db, 1);
      assert.ok(expected.size > 3, `${r.path}: the demo has more than one page of items`);
      const added: number[] = [];
      const items = await walk(app, `${r.path}?limit=3`, NAM_HONG_LINH, async () => {
        if (added.length >= 30) return;
        added.push(...(await Promise.all((['top', 'bottom', 'middle'] as const).map((w) => cloneRow(db.db, r.table, 1, r.fresh(++serial, w))))));
      });
      const got = assertNoRepeats(items, r.path);
      for (const id of expected) assert.ok(got.includes(id), `${r.path}: published item ${id} was skipped`);
      for (const id of got) assert.ok(expected.has(id) || added.includes(id), `${r.path}: item ${id} is neither published nor added`);
      for (const id of hiddenIds.get(r.path)!) assert.ok(!got.includes(id), `${r.path}: hidden row ${id} was shown`);
      const keys = items.filter((i) => expected.has(i.id as number)).map(r.order);
      assert.deepEqual(keys, [...keys].sort(), `${r.path}: in the documented order`);
    });

    test(`${r.path}: site B's API shows only site B's published rows`, async () => {
      const { app, db, hiddenIds } = ctx();
      const [mine, theirs, expected] = await Promise.all([idsOf(db.db, r.table, 2), idsOf(db.db, r.table, 1), r.visible(db.db, 2)]);
      assert.ok(expected.size > 0, `${r.path}: site B publishes some`);
      const got = assertNoRepeats(await walk(app, `${r.path}?limit=7`, BAC_HONG_LINH), r.path);
      assert.deepEqual(new Set(got), expected);
      for (const id of got) assert.ok(mine.has(id) && !theirs.has(id), `${r.path}: id ${id} is not site B's`);
      for (const id of hiddenIds.get(r.path)!) assert.ok(!got.includes(id));
    });
  }
});
