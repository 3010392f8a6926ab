import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { describeEachDb, type TestDb } from '../helpers/db.js';
import type { Env } from '../interact/helpers.js';
import { CONG_CLI, congEnv, congSync, createSchema, openRestored, plain, readMedia, readTables, type Tables } from './state.js';
import { scheduleArticles, servingApp, startWriters } from './writers.js';

const work = mkdtempSync(join(tmpdir(), 'cong-backup-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

/** Restores `file` with the CLI into a fresh data directory (and fresh schema) and reads it back. */
async function restoreFresh(db: TestDb, file: string): Promise<{ tables: Tables; media: Map<string, string>; stdout: string }> {
  const dataDir = mkdtempSync(join(work, 'restored-'));
  const target = db.dialect === 'postgres' ? await createSchema() : null;
  try {
    const r = congSync(congEnv(dataDir, target?.schema), 'restore', file);
    assert.equal(r.status, 0, r.stderr);
    const h = openRestored(db.dialect, dataDir, target?.schema);
    try {
      return { tables: await readTables(h), media: await readMedia(dataDir), stdout: r.stdout };
    } finally {
      await h.close();
    }
  } finally {
    await target?.drop();
  }
}

/** `cong backup` as its own process, while this process goes on serving. */
async function backupProcess(db: TestDb, file: string): Promise<{ stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, [...CONG_CLI, 'backup', file], { env: congEnv(db.dataDir, db.schema) });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c));
  child.stderr.on('data', (c: Buffer) => (stderr += c));
  const [code] = (await once(child, 'close')) as [number];
  assert.equal(code, 0, stderr);
  return { stdout, stderr, ms: Date.now() - started };
}

describeEachDb('backup while the portal is serving', servingApp, (get) => {
  test('a backup taken while citizens vote and comment and articles get published restores a consistent instant holding all that was committed before it began', async () => {
    const { db, app, siteId } = get() as Env & { db: TestDb };
    const targets = (await db.db.selectFrom('articles').select('id').where('site_id', '=', siteId).where('status', '=', 'published').orderBy('id').limit(3).execute()).map((r) => r.id);
    const scheduled = await scheduleArticles(db, siteId, targets, 12);
    const open = (await db.db.selectFrom('articles').select('id').where('site_id', '=', siteId).where('status', '=', 'published').execute()).map((r) => r.id);
    const writers = startWriters(get(), db, targets, open);
    while (writers.acked.rounds < 3) await new Promise((r) => setTimeout(r, 20));
    const committedBefore = await readTables(db);
    const roundsAtStart = writers.acked.rounds;
    const file = join(work, `${db.dialect}-busy.tar.gz`);
    await backupProcess(db, file);
    const roundsDuring = writers.acked.rounds - roundsAtStart;
    const roundsAtEnd = writers.acked.rounds;
    while (writers.acked.rounds < roundsAtEnd + 2) await new Promise((r) => setTimeout(r, 20));
    await writers.stop();
    assert.deepEqual(writers.acked.errors, []);
    assert.ok(roundsDuring >= 1, `writes went on while the backup ran (${roundsDuring} rounds)`);
    console.log(`# ${db.dialect}: ${roundsDuring} rounds (a vote, a comment, a publishing round) acknowledged while the backup process ran`);
    const final = await readTables(db);
    const restored = await restoreFresh(db, file);

    for (const [table, rows] of committedBefore) {
      const got = restored.tables.get(table);
      assert.ok(got, `table ${table} restored`);
      for (const [key, row] of rows) {
        // Committed before the backup began and never changed since: there, exactly.
        // (A row changed or deleted later may have changed before the snapshot: nothing to say of it.)
        if (final.get(table)?.get(key) === row) assert.equal(got.get(key), row, `${table} ${key} as committed before the backup`);
      }
    }
    for (const [table, rows] of restored.tables) {
      for (const [key, row] of rows) {
        // No row that never existed: each is the final one, or one the writers changed afterwards.
        const now = final.get(table)?.get(key);
        assert.ok(now === row || (now !== undefined && committedBefore.get(table)?.get(key) !== now) || committedBefore.get(table)?.get(key) === row, `${table} ${key} existed in the source`);
      }
    }
    // Nothing half-written: every vote is in its article's totals, every publication has its audit row.
    const votes = [...restored.tables.get('rating_votes')!.values()].map((r) => JSON.parse(r) as { article_id: number; stars: number });
    for (const id of targets) {
      const a = JSON.parse([...restored.tables.get('articles')!.values()].find((r) => JSON.parse(r).id === id)!) as { rating_count: number; rating_sum: number };
      const mine = votes.filter((v) => v.article_id === id);
      assert.equal(a.rating_count, mine.length, `article ${id}: vote count`);
      assert.equal(a.rating_sum, mine.reduce((s, v) => s + v.stars, 0), `article ${id}: sum of stars`);
    }
    const audited = new Set(
      [...restored.tables.get('audit_log')!.values()].map((r) => JSON.parse(r) as { action: string; entity_id: string }).filter((r) => r.action === 'article.publish_scheduled').map((r) => Number(r.entity_id)),
    );
    const published = [...restored.tables.get('articles')!.values()].map((r) => JSON.parse(r) as { id: number; status: string }).filter((a) => scheduled.includes(a.id));
    for (const a of published) assert.equal(a.status === 'published', audited.has(a.id), `article ${a.id}: published exactly when audited`);
    assert.ok(published.some((a) => a.status === 'published') && published.some((a) => a.status === 'scheduled'), 'the backup fell between publications');
    const comments = [...restored.tables.get('comments')!.values()].map((r) => (JSON.parse(r) as { content: string }).content);
    const commentsBefore = [...committedBefore.get('comments')!.values()].map((r) => (JSON.parse(r) as { content: string }).content);
    for (const c of commentsBefore) assert.ok(comments.includes(c), `comment "${c}" acknowledged before the backup is restored`);
    assert.ok(comments.length < final.get('comments')!.size, 'comments made after the snapshot are not in it');
    assert.deepEqual(restored.media, await readMedia(db.dataDir));
  });

  test('with the writers stopped, the restore equals the source: every table row by row, every media file byte for byte', async () => {
    const { db } = get();
    const file = join(work, `${db.dialect}-quiet.tar.gz`);
    const b = await backupProcess(db, file);
    const restoreStarted = Date.now();
    const restored = await restoreFresh(db, file);
    const restoreMs = Date.now() - restoreStarted;
    assert.deepEqual(plain(restored.tables), plain(await readTables(db)));
    const media = await readMedia(db.dataDir);
    assert.ok(media.size >= 10, 'the demo has media files');
    assert.deepEqual(restored.media, media);
    assert.match(b.stdout, /Đã sao lưu vào .*: [\d.]+ dòng dữ liệu, \d+ tệp đa phương tiện, [\d.,]+ (KB|MB), trong [\d,]+ giây\./);
    assert.match(b.stdout, /Mã kiểm tra sha256 của tệp: [0-9a-f]{64}/);
    assert.match(restored.stdout, /Đã khôi phục bản sao lưu lúc .* \(Cổng \d+\.\d+\.\d+\): 3 trang thông tin/);
    console.log(`# ${db.dialect}: demo backup ${statSync(file).size} bytes in ${b.ms} ms (process); restore ${restoreMs} ms (process)`);
  });
});
