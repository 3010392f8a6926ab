import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ROOT } from '../helpers/app.js';

const dataDir = mkdtempSync(join(tmpdir(), 'cong-create-site-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

function cong(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, CONG_DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '' },
  });
}

const csv = (name: string, text: string | Buffer) => {
  const path = join(dataDir, name);
  writeFileSync(path, text);
  return path;
};

test('cong create-site on an empty installation, then with --from; each prints its address', () => {
  const first = cong('create-site', 'phuongdau', 'Cổng thông tin điện tử phường Đầu', '--host', 'phuongdau.hatinh.gov.vn');
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /^Đã tạo trang phuongdau – Cổng thông tin điện tử phường Đầu: http:\/\/phuongdau\.hatinh\.gov\.vn\/$/m);
  const copy = cong('create-site', 'phuongsau', 'Cổng thông tin điện tử phường Sau', '--host', 'phuongsau.vn', '--host', 'www.phuongsau.vn', '--from', 'phuongdau');
  assert.equal(copy.status, 0, copy.stderr);
  assert.match(copy.stdout, /^Đã tạo trang phuongsau – Cổng thông tin điện tử phường Sau: http:\/\/phuongsau\.vn\/ \(theo mẫu: 2 chuyên mục, 1 trang tĩnh, 0 thủ tục, 0 đơn vị\)$/m);
  const sites = cong('sites');
  assert.match(sites.stdout, /\tphuongdau\t[\s\S]*\tphuongsau\t/);
});

test('cong create-site: bad arguments get the usage or a Vietnamese message, and nothing is created', () => {
  const usage = cong('create-site', 'phuongx');
  assert.equal(usage.status, 1);
  assert.match(usage.stderr, /Cách dùng: cong create-site <mã> "<tên>" --host/);
  const missing = cong('create-site', 'phuongx', 'Phường X', '--host');
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /Thiếu giá trị sau --host\./);
  const taken = cong('create-site', 'phuongx', 'Phường X', '--host', 'PHUONGDAU.hatinh.gov.vn', '--from', 'khongco');
  assert.equal(taken.status, 1);
  assert.match(taken.stderr, /Chưa tạo trang nào: có 2 lỗi\./);
  assert.match(taken.stderr, /Tên miền “phuongdau\.hatinh\.gov\.vn” đã thuộc trang “Cổng thông tin điện tử phường Đầu”\./);
  assert.match(taken.stderr, /Không có trang mẫu mã “khongco”\./);
  assert.doesNotMatch(cong('sites').stdout, /phuongx/);
});

test('cong create-sites: a file with a BOM and Vietnamese names creates every site, with progress and a summary', () => {
  const file = csv('moi.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(
    'ma,ten,ten_mien,mau\r\n' +
    'phuongdong,"Cổng thông tin điện tử phường Đông Hồng Lĩnh","phuongdong.hatinh.gov.vn; www.phuongdong.vn",phuongdau\r\n' +
    'phuongtay,Cổng thông tin điện tử phường Tây Hồng Lĩnh,phuongtay.hatinh.gov.vn,\r\n' +
    '\r\n' +
    'xaxuan,"Cổng thông tin điện tử xã Xuân ""Mới""",xaxuan.hatinh.gov.vn\r\n',
  )]));
  const r = cong('create-sites', file);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /^Đang tạo 1\/3: phuongdong$/m);
  assert.match(r.stderr, /^Đang tạo 3\/3: xaxuan$/m);
  assert.match(r.stdout, /^Đã tạo trang phuongdong – Cổng thông tin điện tử phường Đông Hồng Lĩnh: http:\/\/phuongdong\.hatinh\.gov\.vn\/ \(theo mẫu: /m);
  assert.match(r.stdout, /^Đã tạo trang xaxuan – Cổng thông tin điện tử xã Xuân "Mới": http:\/\/xaxuan\.hatinh\.gov\.vn\/$/m);
  assert.match(r.stdout, /^Tổng cộng: đã tạo 3 trang trong [\d.]+ giây\.$/m);
});

test('cong create-sites: one bad row and no site of the file is created', () => {
  const file = csv('sai.csv', 'ma,ten,ten_mien,mau\nphuongmot,Phường Một,phuongmot.vn,\nphuongmot,Phường Một lặp,phuonghai.vn,\nphuongba,Phường Ba,phuongdong.hatinh.gov.vn,\n');
  const r = cong('create-sites', file);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /^Chưa tạo trang nào: có 2 lỗi\.$/m);
  assert.match(r.stderr, /^  Dòng 3: Mã “phuongmot” đã có ở dòng 2\.$/m);
  assert.match(r.stderr, /^  Dòng 4: Tên miền “phuongdong\.hatinh\.gov\.vn” đã thuộc trang “Cổng thông tin điện tử phường Đông Hồng Lĩnh”\.$/m);
  assert.doesNotMatch(cong('sites').stdout, /phuongmot/);
  const columns = cong('create-sites', csv('cot.csv', 'ma,ten\nphuongbon,Phường Bốn\n'));
  assert.match(columns.stderr, /Dòng 2: cần 3 hoặc 4 cột \(mã, tên, tên miền, mã trang mẫu\), có 2\./);
  const latin1 = cong('create-sites', csv('latin1.csv', Buffer.from('ma,ten,ten_mien\nphuongnam,Ph\xf0\xf4\xf4ng,a.vn\n', 'latin1')));
  assert.match(latin1.stderr, /Tệp không phải văn bản UTF-8/);
  const quote = cong('create-sites', csv('ngoac.csv', 'ma,ten,ten_mien\nphuongsau,"Phường Sáu,a.vn\n'));
  assert.match(quote.stderr, /Tệp CSV không hợp lệ\. Dòng 2: thiếu dấu " đóng\./);
  assert.equal(cong('create-sites', join(dataDir, 'khong-co.csv')).status, 1);
  assert.doesNotMatch(cong('sites').stdout, /phuongbon|phuongnam\t|phuongsau\tPhường Sáu/);
});
