import assert from 'node:assert/strict';
import { it } from 'node:test';
import { markArchived } from '../../src/kernel/sites/archive.js';
import { insertSite, listSites } from '../../src/kernel/sites/repo.js';
import { SiteResolver } from '../../src/kernel/sites/resolver.js';
import { describeEachDb } from '../helpers/db.js';
import { sites as sitesCommand } from '../../src/cli/commands/sites.js';

const settings = { publisher: {} } as never;

describeEachDb(
  'a site loads its archive state',
  async (db) => {
    const now = new Date().toISOString();
    const old = await insertSite(db.db, { code: 'cu', name: 'Thị xã Cũ', isDefault: true, settings, counterBase: 0, hosts: ['cu.example'] }, now);
    const a = await insertSite(db.db, { code: 'a', name: 'Phường A', isDefault: false, settings, counterBase: 0, hosts: ['a.example'] }, now);
    const b = await insertSite(db.db, { code: 'b', name: 'Phường B', isDefault: false, settings, counterBase: 0, hosts: ['b.example'] }, now);
    return { old, a, b };
  },
  (get) => {
    it('a live site has no archive date and no successors', async () => {
      const sites = await listSites(get().db.db);
      assert.deepEqual(sites.map((s) => [s.code, s.archivedAt, s.successors]), [['cu', null, []], ['a', null, []], ['b', null, []]]);
    });

    it('markArchived sets both, the resolver serves them, and making it live clears them', async () => {
      const { db, old, a, b } = get();
      await markArchived(db.db, old, [b, a], new Date('2025-07-01T00:00:00.000Z'));
      const resolver = new SiteResolver(db.db);
      await resolver.load();
      const site = resolver.resolve('cu.example')!;
      assert.equal(site.archivedAt, '2025-07-01T00:00:00.000Z');
      assert.deepEqual(site.successors, [b, a]);
      assert.equal(resolver.resolve('a.example')!.archivedAt, null);
      // `cong sites` shows the archive and its successors.
      const lines: string[] = [];
      const log = console.log;
      console.log = (line: string) => lines.push(line);
      try {
        assert.equal(await sitesCommand.run([], { database: db, config: null as never }), 0);
      } finally {
        console.log = log;
      }
      assert.deepEqual(lines, [`${old}\tcu\tThị xã Cũ\t(mặc định)\t(lưu trữ từ 01/07/2025, tiếp nhận: b, a)`, `${a}\ta\tPhường A`, `${b}\tb\tPhường B`]);
      await markArchived(db.db, old, null, new Date());
      await resolver.load();
      assert.equal(resolver.resolve('cu.example')!.archivedAt, null);
      assert.deepEqual(resolver.resolve('cu.example')!.successors, []);
    });
  },
);
