import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import * as content from '../src/features/articles/repo.js';
import * as widgets from '../src/features/sites/widgets-repo.js';
import { readCounters } from '../src/features/stats/repo.js';
import { seedDemoIfEmpty } from '../src/demo.js';
import { describeEachDb, type TestDb } from './helpers/db.js';
import { checkSource, declaredFunctions, isRepoOrCommandModule, reexports, serverSources, type Finding } from './helpers/tenancy-check.js';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * The tenancy rule: every repository function takes the site and never returns another site's
 * rows. Each function is called for each demo site and the ids it returns are checked against
 * the ids that belong to that site.
 */
describeEachDb('no repository returns another site\'s rows', async (db) => {
  await seedDemoIfEmpty(db, db.media);
  return {};
}, (get) => {
  const now = new Date('2030-01-01T00:00:00.000Z').toISOString();

  async function owned(table: 'articles' | 'categories' | 'pages' | 'links' | 'songs' | 'map_offices', siteId: number) {
    const rows = await get().db.db.selectFrom(table).select(['id', 'site_id']).execute();
    const mine = new Set(rows.filter((r) => r.site_id === siteId).map((r) => r.id));
    const theirs = new Set(rows.filter((r) => r.site_id !== siteId).map((r) => r.id));
    assert.ok(mine.size > 0 && theirs.size > 0, `${table} has rows on both sites`);
    return { mine, theirs };
  }

  for (const siteId of [1, 2]) {
    test(`site ${siteId}: articles, categories and pages`, async () => {
      const db = get().db.db;
      const articles = await owned('articles', siteId);
      const categories = await owned('categories', siteId);
      const check = (ids: number[], set: { mine: Set<number> }, what: string) => {
        assert.ok(ids.length > 0, `${what} returned something`);
        for (const id of ids) assert.ok(set.mine.has(id), `${what} returned id ${id} of another site`);
      };
      check((await content.listPublished(db, siteId, now, { limit: 1000 })).map((a) => a.id), articles, 'listPublished');
      check((await content.listFeatured(db, siteId, now, 100)).map((a) => a.id), articles, 'listFeatured');
      check((await content.listForSitemap(db, siteId, now, 1000)).map((a) => a.id), articles, 'listForSitemap');
      check((await content.listCategories(db, siteId)).map((c) => c.id), categories, 'listCategories');
      assert.equal(await content.countPublished(db, siteId, now), articles.mine.size);
      for (const id of articles.theirs) {
        assert.equal(await content.findPublishedArticle(db, siteId, id, now), undefined, `findPublishedArticle(${id})`);
      }
      for (const c of await db.selectFrom('categories').selectAll().where('site_id', '!=', siteId).execute()) {
        const found = await content.findCategoryBySlug(db, siteId, c.slug);
        if (found) assert.ok(categories.mine.has(found.id), `findCategoryBySlug(${c.slug}) returned another site's category`);
      }
      const theirArticle = await db.selectFrom('articles').selectAll().where('site_id', '!=', siteId).where('legacy_id', 'is not', null).executeTakeFirstOrThrow();
      assert.equal(await content.findPublishedByLegacyId(db, siteId, theirArticle.legacy_id!, now), undefined);
      // An article of the site's fullest category, so that it has related articles to list.
      const rows = await db.selectFrom('articles').select(['id', 'category_id']).where('site_id', '=', siteId).where('status', '=', 'published').orderBy('id').execute();
      const sizes = new Map<number | null, number>();
      for (const r of rows) sizes.set(r.category_id, (sizes.get(r.category_id) ?? 0) + 1);
      const fullest = rows.reduce((a, b) => ((sizes.get(b.category_id) ?? 0) > (sizes.get(a.category_id) ?? 0) ? b : a));
      const mineArticle = await content.findPublishedArticle(db, siteId, fullest.id, now);
      check((await content.listRelated(db, mineArticle!, now, 50)).map((a) => a.id), articles, 'listRelated');
      const pages = await owned('pages', siteId);
      const theirPage = await db.selectFrom('pages').selectAll().where('site_id', '!=', siteId).executeTakeFirstOrThrow();
      const found = await content.findPage(db, siteId, theirPage.slug);
      if (found) assert.ok(pages.mine.has(found.id), 'findPage returns this site\'s page of the same slug');
      const listed = await content.listPages(db, siteId);
      assert.equal(listed.length, pages.mine.size);
    });

    test(`site ${siteId}: links, songs, map offices, counters`, async () => {
      const db = get().db.db;
      const links = await owned('links', siteId);
      const songs = await owned('songs', siteId);
      const offices = await owned('map_offices', siteId);
      assert.deepEqual(new Set((await widgets.listLinks(db, siteId)).map((l) => l.id)), links.mine);
      assert.deepEqual(new Set((await widgets.listSongs(db, siteId)).map((l) => l.id)), songs.mine);
      assert.deepEqual(new Set((await widgets.listOffices(db, siteId)).map((l) => l.id)), offices.mine);
      for (const id of links.theirs) assert.equal(await widgets.findLink(db, siteId, id), undefined);
      for (const id of songs.theirs) assert.equal(await widgets.findSong(db, siteId, id), undefined);
      const site = await db.selectFrom('sites').selectAll().where('id', '=', siteId).executeTakeFirstOrThrow();
      const counters = await readCounters(db, siteId, Number(site.counter_base), new Date());
      assert.equal(counters.total, Number(site.counter_base));
    });
  }
});

/**
 * Tables that belong to a site: those with a site_id column, read from the migrated schema. On
 * PostgreSQL from information_schema (our search-path introspector lists tables, not columns).
 */
async function siteOwnedTables(db: TestDb): Promise<Set<string>> {
  if (db.dialect === 'postgres') {
    const r = await sql<{ name: string }>`select distinct table_name as name from information_schema.columns where table_schema = any (current_schemas(false)) and column_name = 'site_id'`.execute(db.db);
    return new Set(r.rows.map((t) => t.name));
  }
  const tables = await db.db.introspection.getTables();
  return new Set(tables.filter((t) => t.columns.some((c) => c.name === 'site_id')).map((t) => t.name));
}

const show = (findings: Finding[]) => findings.map((f) => `  ${f.file}:${f.line} ${f.fn}: ${f.op}(${f.table}) with no site_id filter and no "// tenancy:" comment\n    ${f.text}`).join('\n');

/**
 * The tenancy rule by structure. Every query of a site-owned table in the server code filters on
 * site_id or says in a `// tenancy:` comment why it does not (test/helpers/tenancy-check.ts).
 * Nothing is listed by hand: the tables come from the database schema, the modules from the file
 * system, so a new table, repository or command is checked as soon as it exists.
 */
describeEachDb('every query of a site-owned table is scoped by site', async (db) => ({ tables: await siteOwnedTables(db) }), (get) => {
  test('the site-owned tables are read from the schema', () => {
    const { tables } = get();
    for (const t of ['articles', 'comments', 'poll_votes', 'rating_votes', 'search_documents', 'site_hosts']) assert.ok(tables.has(t), t);
    for (const t of ['sites', 'users', 'sessions']) assert.ok(!tables.has(t), t);
    assert.ok(tables.size > 30, [...tables].join(', '));
  });

  test('each repository and command module is found, imported, and its exported functions are in the source checked', async (t) => {
    const modules = serverSources(ROOT).filter((f) => isRepoOrCommandModule(relative(ROOT, f).split('\\').join('/'), readFileSync(f, 'utf8')));
    const rel = modules.map((f) => relative(ROOT, f).split('\\').join('/'));
    for (const known of ['src/features/articles/repo.ts', 'src/features/sites/widgets-repo.ts', 'src/features/sites/commands/delete-link.ts', 'src/features/comments/moderate.ts', 'src/features/polls/vote.ts', 'src/kernel/sites/repo.ts']) {
      assert.ok(rel.includes(known), `${known} is discovered`);
    }
    let functions = 0;
    const unread: string[] = [];
    for (const file of modules) {
      const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      const source = readFileSync(file, 'utf8');
      const declared = declaredFunctions(file, source);
      const again = reexports(file, source);
      for (const [name, value] of Object.entries(mod)) {
        if (typeof value !== 'function') continue;
        functions += 1;
        if (!declared.has(name) && !again.names.has(name) && !again.star) unread.push(`${relative(ROOT, file)}: ${name}`);
      }
    }
    assert.deepEqual(unread, [], 'every exported function is declared in its module (or re-exported from another checked one)');
    t.diagnostic(`${modules.length} repository and command modules, ${functions} exported functions`);
    assert.ok(modules.length > 80 && functions > 200, `${modules.length} modules, ${functions} exported functions`);
  });

  test('every query of a site-owned table in src/ filters on site_id or says why not', (t) => {
    const { tables } = get();
    const files = serverSources(ROOT);
    const findings = files.flatMap((f) => checkSource(relative(ROOT, f), readFileSync(f, 'utf8'), tables));
    t.diagnostic(`${files.length} source files, ${tables.size} site-owned tables`);
    assert.equal(findings.length, 0, `queries without a site filter:\n${show(findings)}`);
  });

  test('the check fails on a real repository function or command whose site filter is taken out', () => {
    const { tables } = get();
    const cases: [string, string, string][] = [
      ['src/features/sites/widgets-repo.ts', 'findLink', 'selectFrom'],
      ['src/features/pages/commands/delete-page.ts', 'deletePage', 'deleteFrom'],
      ['src/features/questions/commands/answer-question.ts', 'answerQuestion', 'updateTable'],
    ];
    for (const [file, fn, op] of cases) {
      const source = readFileSync(join(ROOT, file), 'utf8');
      assert.deepEqual(checkSource(file, source, tables), [], `${file} passes as it is`);
      const start = source.indexOf(`function ${fn}(`);
      assert.ok(start >= 0, `${fn} in ${file}`);
      const end = source.indexOf('\nexport ', start + 1);
      const body = source.slice(start, end < 0 ? undefined : end);
      const mutated = source.slice(0, start) + body.replace(/\.where\('site_id', '=', [\w.]+\)/g, '') + (end < 0 ? '' : source.slice(end));
      assert.notEqual(mutated, source, `${fn} had a site filter to take out`);
      const found = checkSource(file, mutated, tables);
      assert.ok(found.some((f) => f.fn === fn && f.op === op), `${fn} without its site filter is reported:\n${show(found)}`);
    }
  });
});

/** The checker itself, on small sources: it must report what it is there to catch. */
describe('the tenancy checker', () => {
  const TABLES = new Set(['articles', 'comments', 'poll_options', 'polls']);
  const check = (source: string) => checkSource('fixture.ts', source, TABLES);

  test('reports an update, a delete and a select by id without site_id, naming the function', () => {
    const found = check(`
      export async function hide(db: Db, id: number) {
        await db.updateTable('comments').set({ status: 'hidden' }).where('id', '=', id).execute();
      }
      export async function drop(db: Db, id: number) {
        await db.deleteFrom('articles').where('id', '=', id).execute();
      }
      export const find = (db: Db, id: number) => db.selectFrom('articles as a').selectAll().where('a.id', '=', id).executeTakeFirst();
    `);
    assert.deepEqual(found.map((f) => [f.fn, f.op, f.table, f.line]), [['hide', 'updateTable', 'comments', 3], ['drop', 'deleteFrom', 'articles', 6], ['find', 'selectFrom', 'articles', 8]]);
  });

  test('accepts a site_id condition in any form', () => {
    assert.deepEqual(check(`
      async function a(db, siteId, id) { await db.updateTable('comments').set({ x: 1 }).where('site_id', '=', siteId).where('id', '=', id).execute(); }
      async function b(db, siteId, id) { return db.selectFrom('articles as a').where('a.site_id', '=', siteId).where('a.id', '=', id).execute(); }
      async function c(db, siteId, id) { return db.selectFrom('articles').where((eb) => eb.and([eb('site_id', '=', siteId), eb('id', '=', id)])).execute(); }
      async function d(db, siteId) {
        let q = db.selectFrom('articles').selectAll();
        if (x) q = q.where('status', '=', 'published');
        q = q.where('site_id', '=', siteId);
        return q.execute();
      }
      async function e(db, siteId, ids) { await db.deleteFrom('poll_options').where('poll_id', 'in', db.selectFrom('polls').select('id').where('site_id', '=', siteId)).execute(); }
      async function f(db, siteId) {
        return db.selectFrom('polls').where('site_id', '=', siteId)
          .select((eb) => eb.selectFrom('poll_options').select((x) => x.fn.countAll().as('n')).whereRef('poll_options.poll_id', '=', 'polls.id').as('n'))
          .execute();
      }
      async function g(db, siteId) { return db.selectFrom('users').innerJoin('comments', 'comments.user_id', 'users.id').where('comments.site_id', '=', siteId).execute(); }
      async function h(db, siteId) { return db.selectFrom('sites').leftJoin('polls', 'polls.site_id', 'sites.id').where('sites.id', '=', siteId).execute(); }
    `), []);
  });

  test('accepts a "// tenancy:" comment above the statement or inside the query, and no other comment', () => {
    assert.deepEqual(check(`
      async function job(db) {
        // tenancy: the job serves every site.
        const rows = await db.selectFrom('articles').selectAll().execute();
        await db
          .updateTable('articles')
          // tenancy: keyed by the parent checked above.
          .set({ x: 1 })
          .where('id', '=', 1)
          .execute();
      }
    `), []);
    const found = check(`
      async function job(db) {
        // Every site at once.
        const rows = await db.selectFrom('articles').selectAll().execute();
        // tenancy:
        await db.deleteFrom('polls').where('id', '=', 1).execute();
      }
    `);
    assert.deepEqual(found.map((f) => f.table), ['articles', 'polls'], 'a plain comment, or "tenancy:" with no reason, does not count');
  });

  test('reports what only looks scoped', () => {
    const found = check(`
      async function others(db, siteId) { return db.selectFrom('articles').where('site_id', '!=', siteId).execute(); }
      async function later(db, siteId) {
        const q = db.selectFrom('comments').selectAll();
        return q.where('status', '=', 'published').execute();
      }
      async function setsIt(db, siteId, id) { await db.updateTable('polls').set({ site_id: siteId }).where('id', '=', id).execute(); }
      async function $if(db, siteId) { return db.selectFrom('polls').$if(true, (q) => q.where('site_id', '=', siteId)).execute(); }
      async function outer(db, siteId) { return db.selectFrom('comments').where('article_id', 'in', (eb) => eb.selectFrom('articles').select('id').where('status', '=', 'x')).execute(); }
      async function generic(db, table, id) { await db.updateTable(table).set({ position: 1 }).where('id', '=', id).execute(); }
      async function notCorrelated(db) { return db.selectFrom('users').select((eb) => eb.selectFrom('comments').select('id').limit(1).as('c')).execute(); }
      async function joined(db) { return db.selectFrom('users').innerJoin('comments', 'comments.user_id', 'users.id').selectAll().execute(); }
    `);
    assert.deepEqual(found.map((f) => `${f.fn} ${f.table}`), ['others articles', 'later comments', 'setsIt polls', '$if polls', 'outer comments', 'outer articles', 'generic <dynamic>', 'notCorrelated comments', 'joined users ⋈ comments']);
  });

  test('a table without site_id: reading is fine, writing by id needs the reason', () => {
    const found = check(`
      async function a(db, id) { return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(); }
      async function b(db, id) { await db.updateTable('users').set({ x: 1 }).where('id', '=', id).execute(); }
      async function c(db, id) {
        // tenancy: users are global.
        await db.deleteFrom('users').where('id', '=', id).execute();
      }
      async function d(db, t) { await db.deleteFrom('captcha_used').where('expires_at', '<', t).execute(); }
    `);
    assert.deepEqual(found.map((f) => `${f.fn} ${f.op} ${f.table}`), ['b updateTable users (no site_id)']);
  });

  test('a new repository, command or route module is found and checked without editing the test', () => {
    const root = mkdtempSync(join(tmpdir(), 'cong-tenancy-'));
    try {
      const files: Record<string, string> = {
        'src/features/notices/repo.ts': `export function findNotice(db, id) { return db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst(); }`,
        'src/features/notices/commands/delete-notice.ts': `export async function deleteNotice(cx, id) { await cx.db.deleteFrom('comments').where('id', '=', id).execute(); }`,
        'src/features/notices/public/routes.tsx': `export async function routes(app) { app.get('/x', async () => app.db.selectFrom('polls').selectAll().execute()); }`,
        'src/kernel/notices-repo.ts': `export const countAll = (db) => db.selectFrom('poll_options').select('id').execute();`,
        'src/features/notices/notify.ts': `export async function notify(db, id) { await db.updateTable('polls').set({ x: 1 }).where('id', '=', id).execute(); }`,
        'src/features/notices/labels.ts': `export const LABEL = 'Thông báo';`,
        'src/client/notices.ts': `db.selectFrom('articles').execute();`,
      };
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), text);
      }
      const sources = serverSources(root).map((f) => relative(root, f).split('\\').join('/'));
      assert.deepEqual(sources, ['src/features/notices/commands/delete-notice.ts', 'src/features/notices/labels.ts', 'src/features/notices/notify.ts', 'src/features/notices/public/routes.tsx', 'src/features/notices/repo.ts', 'src/kernel/notices-repo.ts']);
      assert.deepEqual(sources.filter((f) => isRepoOrCommandModule(f, readFileSync(join(root, f), 'utf8'))), ['src/features/notices/commands/delete-notice.ts', 'src/features/notices/notify.ts', 'src/features/notices/repo.ts', 'src/kernel/notices-repo.ts']);
      const found = sources.flatMap((f) => checkSource(f, readFileSync(join(root, f), 'utf8'), TABLES));
      assert.deepEqual(found.map((f) => `${f.file} ${f.fn}`), [
        'src/features/notices/commands/delete-notice.ts deleteNotice',
        'src/features/notices/notify.ts notify',
        'src/features/notices/public/routes.tsx routes',
        'src/features/notices/repo.ts findNotice',
        'src/kernel/notices-repo.ts countAll',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
