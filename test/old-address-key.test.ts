import { test } from 'node:test';
import assert from 'node:assert/strict';
import { oldAddressHost, oldAddressKey } from '../src/kernel/sites/old-addresses.js';

test('SharePoint article addresses are keyed by their id, whatever the case, date folder or slug', () => {
  assert.equal(oldAddressKey('/portal/pages/2021-10-15/Hoi-nghi-tong-ket-123456.aspx'), 'aspx:123456');
  assert.equal(oldAddressKey('/Portal/Pages/2022-01-01/khac-123456.ASPX'), 'aspx:123456');
  // A section page has no item id: its path is its key (else "tin-tuc-su-kien" and "su-kien" met as "kien").
  assert.equal(oldAddressKey('/portal/pages/tin-tuc-su-kien.aspx'), '/portal/pages/tin-tuc-su-kien.aspx');
  assert.notEqual(oldAddressKey('/portal/Pages/Gioi-thieu.aspx'), oldAddressKey('/portal/pages/thieu.aspx'));
  assert.equal(oldAddressKey('https://honglinh.hatinh.gov.vn/portal/Pages/Ubnd-tinh-CAhvbq96.aspx?utm_source=zalo'), 'aspx:cahvbq96');
});

test('paths are decoded, NFC, lowercase, without trailing slash or index file; queries sorted without tracking', () => {
  assert.equal(oldAddressKey('/2019/05/tin-tuc/'), '/2019/05/tin-tuc');
  assert.equal(oldAddressKey('/index.php?page_id=7&utm_source=x'), '/?page_id=7');
  assert.equal(oldAddressKey('/?p=12'), '/?p=12');
  assert.equal(oldAddressKey('http://old.example/?p=12#comments'), '/?p=12');
  assert.equal(oldAddressKey('/Uploads/V%C4%83n%20b%E1%BA%A3n/QD-01.PDF'), '/uploads/văn bản/qd-01.pdf');
  assert.equal(oldAddressKey('/index.php?op=news&nv=tin-tuc&language=vi'), '/?language=vi&nv=tin-tuc&op=news');
  assert.equal(oldAddressKey('/'), '/');
  // A malformed escape is kept as typed rather than thrown.
  assert.equal(oldAddressKey('/a%zz'), '/a%zz');
});

test('the host of a whole URL, lowercase without port or user', () => {
  assert.equal(oldAddressHost('https://HongLinh.HaTinh.gov.vn:443/portal'), 'honglinh.hatinh.gov.vn');
  assert.equal(oldAddressHost('/portal/pages/x-1.aspx'), '');
});
