import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { SecretBox } from '../../src/kernel/lib/secret-box.js';
import { loadSecretKey, SECRET_KEY_FILE } from '../../src/kernel/lib/secret-key.js';

test('a sealed value opens with its key only, and any change of it is detected', () => {
  const box = new SecretBox(Buffer.alloc(32, 1));
  const sealed = box.seal('JBSWY3DPEHPK3PXP');
  assert.match(sealed, /^v1:/);
  assert.notEqual(box.seal('JBSWY3DPEHPK3PXP'), sealed, 'a fresh IV each time');
  assert.equal(box.open(sealed), 'JBSWY3DPEHPK3PXP');
  assert.throws(() => new SecretBox(Buffer.alloc(32, 2)).open(sealed));
  // Flip one bit of each part in turn (a changed last base64 character may touch only padding bits).
  const parts = sealed.slice('v1:'.length).split('.');
  for (let i = 0; i < parts.length; i++) {
    const bytes = Buffer.from(parts[i]!, 'base64url');
    bytes[0]! ^= 1;
    const altered = parts.map((p, j) => (j === i ? bytes.toString('base64url') : p));
    assert.throws(() => box.open(`v1:${altered.join('.')}`), `a change in part ${i} is detected`);
  }
});

test('the key file is generated once with mode 0600, read back, and tightened if loosened', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cong-key-'));
  try {
    const key = loadSecretKey(null, join(dir, 'data'));
    const file = join(dir, 'data', SECRET_KEY_FILE);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.deepEqual(loadSecretKey(null, join(dir, 'data')), key, 'the same key on the next start');
    chmodSync(file, 0o644);
    assert.deepEqual(loadSecretKey(null, join(dir, 'data')), key);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const given = Buffer.alloc(32, 3);
    assert.equal(loadSecretKey(given, join(dir, 'other')), given, 'CONG_SECRET_KEY wins, no file');
    assert.throws(() => statSync(join(dir, 'other', SECRET_KEY_FILE)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
