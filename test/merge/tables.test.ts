import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TABLE_DECISIONS } from '../../src/features/merge/kinds.js';
import { openTestDb } from '../helpers/db.js';

test('the merge has decided what happens to every table that has a site_id', async () => {
  const db = await openTestDb('sqlite');
  try {
    const owned = (await db.db.introspection.getTables()).filter((t) => t.columns.some((c) => c.name === 'site_id')).map((t) => t.name).sort();
    const missing = owned.filter((t) => !(t in TABLE_DECISIONS));
    assert.deepEqual(missing, [], 'a new site-owned table: say in src/features/merge/kinds.ts whether a merge moves, merges, sums or leaves it');
    assert.deepEqual(Object.keys(TABLE_DECISIONS).filter((t) => !owned.includes(t)), [], 'every decision names a real site-owned table');
  } finally {
    await db.cleanup();
  }
});
