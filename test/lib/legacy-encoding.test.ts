import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { decodeLegacyBytes, detectLegacyEncoding, fixLegacyHtml, fixLegacyText, fixLegacyTextAs } from '../../src/kernel/lib/legacy-encoding.js';
import { applyReplacements, legacyReplacements, type LegacyEncoding } from '../../src/kernel/lib/legacy-text.js';
import { isVietnameseSyllable } from '../../src/kernel/lib/vietnamese-syllable.js';
import { ROOT } from '../helpers/app.js';

const DIR = join(ROOT, 'test/fixtures/encodings');
const bytes = (name: string) => readFileSync(join(DIR, name));
const utf8 = (name: string) => readFileSync(join(DIR, name), 'utf8');
/** Legacy bytes as a database or an export holds them: each byte read as its Latin-1 character. */
const asLatin1 = (name: string) => bytes(name).toString('latin1');
const lines = (s: string) => s.split('\n').slice(0, -1);
const decodeAs = (s: string, e: LegacyEncoding) => applyReplacements(s, legacyReplacements(s, e));

test('every VNI letter, 67 lowercase and 67 capitals with đ/Đ, decodes as the xvnkb keyboard table writes it', () => {
  const expected = lines(utf8('alphabet.expected.txt'));
  const table = lines(asLatin1('vni-xvnkb-table.vni'));
  assert.equal(table.length, 146);
  const wrong = table.map((seq, i) => [seq, decodeAs(seq, 'vni'), expected[i]]).filter(([, got, want]) => got !== want);
  assert.deepEqual(wrong, []);
  assert.equal(new Set(expected).size, 146, 'every letter appears once');
});

test('every TCVN3 letter that ABC fonts have (67 lowercase, Ă Â Ê Ô Ơ Ư Đ) decodes as glibc TCVN5712-1 encodes it', () => {
  const expected = lines(utf8('tcvn3-glibc-letters.expected.txt'));
  const got = lines(asLatin1('tcvn3-glibc-letters.tcvn3')).map((s) => decodeAs(s, 'tcvn3'));
  assert.equal(got.length, 74);
  assert.deepEqual(got, expected);
});

test('TCVN3 capitals (typed with the lowercase byte in a .VnTimeH caps font) come back as capitals inside a word in capitals', () => {
  const capitals = lines(utf8('alphabet.expected.txt')).slice(0, 73).filter((c) => !/^[AEIOUY]$/.test(c));
  assert.equal(capitals.length, 67);
  const byteOf = new Map([...decodeTable('tcvn3')].map(([byte, letter]) => [letter, byte]));
  for (const capital of capitals) {
    const byte = byteOf.get(capital.toLowerCase());
    assert.ok(byte, `${capital.toLowerCase()} has a TCVN3 byte`);
    assert.equal(decodeAs(`NG${byte}NG`, 'tcvn3'), `NG${capital}NG`);
  }
  assert.equal(fixLegacyText('CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM'), 'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  assert.equal(fixLegacyText('Hµ Néi'), 'Hà Nội', 'one capital letter proves nothing');
});

function* decodeTable(e: LegacyEncoding): Generator<[string, string]> {
  for (let b = 0xa1; b <= 0xff; b++) {
    const c = String.fromCharCode(b);
    const [r] = legacyReplacements(c, e);
    if (r) yield [c, r.out];
  }
}

test('a live glibc iconv agrees with the TCVN3 table on every lowercase letter (skipped without iconv)', (t) => {
  if (!existsSync('/usr/bin/iconv')) return t.skip('no /usr/bin/iconv');
  for (const [byte, letter] of decodeTable('tcvn3')) {
    if (letter === letter.toUpperCase()) continue;
    const r = spawnSync('/usr/bin/iconv', ['-f', 'UTF-8', '-t', 'TCVN5712-1'], { input: letter });
    assert.equal(r.status, 0);
    assert.equal(r.stdout.toString('latin1'), byte, `${letter}`);
  }
});

test('real TCVN3 text (a 2002 Ministry of Finance decision) is detected and converted, lowercase where the caps font hid capitals', () => {
  const text = asLatin1('tcvn3-mof-2002.tcvn3');
  assert.equal(detectLegacyEncoding(text), 'tcvn3');
  assert.equal(fixLegacyText(text), utf8('tcvn3-mof-2002.expected.txt'));
  const sentence = asLatin1('tcvn3-glibc-sentence.tcvn3');
  assert.equal(detectLegacyEncoding(sentence), 'tcvn3');
  assert.equal(fixLegacyText(sentence), utf8('tcvn3-glibc-sentence.expected.txt'));
});

test('real VNI text is detected and converted', () => {
  const text = asLatin1('vni-samples.vni');
  assert.equal(detectLegacyEncoding(text), 'vni');
  assert.equal(fixLegacyText(text), utf8('vni-samples.expected.txt'));
});

test('each line of the real samples is detected on its own, short titles included', () => {
  for (const [name, enc] of [['tcvn3-mof-2002', 'tcvn3'], ['vni-samples', 'vni'], ['tcvn3-glibc-sentence', 'tcvn3']] as const) {
    const ext = enc === 'vni' ? 'vni' : 'tcvn3';
    const want = lines(utf8(`${name}.expected.txt`));
    lines(asLatin1(`${name}.${ext}`)).forEach((line, i) => {
      assert.equal(detectLegacyEncoding(line), enc, line);
      assert.equal(fixLegacyText(line), want[i]);
    });
  }
  assert.equal(fixLegacyText('§¶ng'), 'Đảng');
  assert.equal(fixLegacyText('Tin töùc'), 'Tin tức');
  assert.equal(fixLegacyText('Haø Noäi'), 'Hà Nội');
});

test('correct Vietnamese, English, French, German and Spanish text is left byte-identical', () => {
  const keep = utf8('unchanged.txt');
  assert.equal(fixLegacyText(keep), keep);
  for (const line of lines(keep)) {
    assert.equal(detectLegacyEncoding(line), null, line);
    assert.equal(fixLegacyText(line), line);
    for (const word of line.split(/\s+/)) assert.equal(fixLegacyText(word), word, word);
  }
  const seed: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') seed.push(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(JSON.parse(readFileSync(join(ROOT, 'test/fixtures/hong-linh-seed.json'), 'utf8')));
  assert.ok(seed.length > 30);
  for (const s of seed) assert.equal(s.includes('<') ? fixLegacyHtml(s) : fixLegacyText(s), s.normalize('NFC'));
  assert.equal(fixLegacyText('plain ASCII text'), 'plain ASCII text');
  assert.equal(fixLegacyText(''), '');
});

test('the output is always NFC: decomposed Unicode is composed, never converted', () => {
  const nfd = 'Tiếng Việt có dấu'.normalize('NFD');
  assert.equal(detectLegacyEncoding(nfd), null);
  assert.equal(fixLegacyText(nfd), 'Tiếng Việt có dấu');
  assert.equal(fixLegacyText(asLatin1('vni-samples.vni')), fixLegacyText(asLatin1('vni-samples.vni')).normalize('NFC'));
});

test('HTML: text and alt/title are converted; tags, URLs, entities, comments and scripts are not', () => {
  const html =
    '<p class="lead">H&micro; N&eacute;i, ngµy 22 th¸ng 11 n¨m 2002 &amp; &lt;b&gt;</p>' +
    '<p><a href="/tin-tuc/H%C3%A0?a=1&amp;b=µ" title="Th«ng b¸o">®äc thªm</a></p>' +
    '<img src="/media/¶nh.jpg" alt=\'¶nh minh häa\'><!-- gi÷ nguyªn --><script>var µ = "·";</script>';
  assert.equal(
    fixLegacyHtml(html),
    '<p class="lead">Hà Nội, ngày 22 tháng 11 năm 2002 &amp; &lt;b&gt;</p>' +
      '<p><a href="/tin-tuc/H%C3%A0?a=1&amp;b=µ" title="Thông báo">đọc thêm</a></p>' +
      '<img src="/media/¶nh.jpg" alt=\'ảnh minh họa\'><!-- gi÷ nguyªn --><script>var µ = "·";</script>',
  );
  const vni = '<h2 title="Tin töùc">Coäng hoøa xaõ hoäi</h2><p>Ñoäc laäp&nbsp;- Töï do</p>';
  assert.equal(fixLegacyHtml(vni), '<h2 title="Tin tức">Cộng hòa xã hội</h2><p>Độc lập&nbsp;- Tự do</p>');
  const unicode = '<p title="Café « crème »">Cộng hòa <b>xã hội</b> &eacute;t&eacute; où</p>';
  assert.equal(fixLegacyHtml(unicode), unicode);
});

test('raw files: UTF-8, TCVN3, VNI and Windows-1258 bytes are told apart', () => {
  assert.deepEqual(decodeLegacyBytes(bytes('tcvn3-mof-2002.tcvn3')), { text: utf8('tcvn3-mof-2002.expected.txt'), encoding: 'tcvn3' });
  assert.deepEqual(decodeLegacyBytes(bytes('vni-samples.vni')), { text: utf8('vni-samples.expected.txt'), encoding: 'vni' });
  assert.deepEqual(decodeLegacyBytes(bytes('unchanged.txt')), { text: utf8('unchanged.txt'), encoding: 'utf8' });
  const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Hồng Lĩnh')]);
  assert.deepEqual(decodeLegacyBytes(withBom), { text: 'Hồng Lĩnh', encoding: 'utf8' });
  // Windows-1258 writes "Việt Nam" as V i ê + combining dot below (0xF2) + t.
  const cp1258 = Buffer.from([0x56, 0x69, 0xea, 0xf2, 0x74, 0x20, 0x4e, 0x61, 0x6d, 0x20, 0x48, 0xe0, 0x20, 0x54, 0x69, 0xde, 0x6e, 0x68]);
  assert.deepEqual(decodeLegacyBytes(cp1258), { text: 'Việt Nam Hà Tĩnh', encoding: 'windows-1258' });
  // Mojibake that was saved as UTF-8 (the usual state of an old database dump) is still fixed.
  assert.deepEqual(decodeLegacyBytes(Buffer.from('Hµ Néi', 'utf8')), { text: 'Hà Nội', encoding: 'tcvn3' });
});

test('the syllable check accepts Vietnamese words and rejects mojibake and foreign words', () => {
  for (const w of ['người', 'nghĩa', 'quyết', 'khuya', 'thuyền', 'giữa', 'gì', 'Việt', 'HỒNG', 'uỷ', 'ủy', 'hoà', 'hòa', 'được'])
    assert.ok(isVietnameseSyllable(w), w);
  for (const w of ['céng', 'néi', 'coäng', 'vaø', 'café', 'kinh tế', 'ca', 'ce', 'ki', 'ka', 'ghe', 'gha', 'ngè', 'quu', 'hàt', 'strong', 'München'])
    assert.equal(isVietnameseSyllable(w), ['ca', 'ki', 'ghe'].includes(w), w);
});

test('a short field follows the encoding of its row only when every word of it then becomes Vietnamese', () => {
  assert.equal(fixLegacyText('Thèng kª: 2.763.801'), 'Thèng kª: 2.763.801', 'too short to prove anything alone');
  assert.equal(fixLegacyTextAs('Thèng kª: 2.763.801', 'tcvn3'), 'Thống kê: 2.763.801');
  assert.equal(fixLegacyTextAs('77/2002/Q§-BTC', 'tcvn3'), '77/2002/QĐ-BTC', 'abbreviations count as words');
  assert.equal(fixLegacyTextAs('Tin töùc', 'tcvn3'), 'Tin tức', 'its own evidence wins over the hint');
  for (const keep of ['Café', 'Noël à Montréal', 'ESPAÑA', 'Số 12/HÑND', 'Hà Nam']) {
    assert.equal(fixLegacyTextAs(keep, 'tcvn3'), keep);
    assert.equal(fixLegacyTextAs(keep, 'vni'), keep);
  }
  assert.equal(fixLegacyTextAs('Thèng kª', null), 'Thèng kª');
});
