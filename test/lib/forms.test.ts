import assert from 'node:assert/strict';
import { test } from 'node:test';
import { email, EMAIL_MAX, fail, id, isEmail, line, phone, postedId, phoneDigits, take, text, type FieldErrors } from '../../src/kernel/forms.js';

test('e-mail: one rule for every form, addresses trimmed and lowercased', () => {
  for (const ok of [
    'lan.nguyen@gmail.com',
    'vanphong@hatinh.gov.vn',
    'nguyen.van+tin@gmail.com',
    'motcua@namhonglinh.hatinh.gov.vn',
    'a_b-c@phuong-nam.vn',
    'x@xn--hng-lnh-xya.vn',
  ]) {
    assert.ok(isEmail(ok), ok);
  }
  assert.deepEqual(email('  UBND@BacHongLinh.HaTinh.gov.vn '), { value: 'ubnd@bachonglinh.hatinh.gov.vn' });
  for (const bad of ['khong-phai-email', 'lan@', '@gmail.com', 'a@@b.vn', 'a b@x.vn', 'a@b@c.vn', 'a;b@x.vn', 'a<b>@x.vn', '"a"@x.vn', '"><img src=x onerror=alert(1)>@x.vn', 'a\u0000b@x.vn']) {
    assert.ok(!isEmail(bad), bad);
  }
});

test('e-mail: the addresses the old per-form checks disagreed on get one answer', () => {
  // Accepted by the back-office users form and the CLI, refused by the rest: no domain dot.
  assert.ok(!isEmail('x@x'));
  assert.ok(!isEmail('admin@localhost'));
  // Accepted by the comment, question and feedback forms and the settings: a one-letter or numeric top-level domain.
  assert.ok(!isEmail('a@b.c'));
  assert.ok(!isEmail('a@x.123'));
  assert.ok(!isEmail('a@1.2.3.4'));
  // Accepted by the comment forms: empty labels, a trailing dot, an underscore or accents in the domain.
  assert.ok(!isEmail('a@x..vn'));
  assert.ok(!isEmail('a@.x.vn'));
  assert.ok(!isEmail('a@x.vn.'));
  assert.ok(!isEmail('a@x_y.vn'));
  assert.ok(!isEmail('vanphong@hà-tĩnh.vn'));
  // Accepted by the settings and organisation forms: a label starting or ending with a hyphen.
  assert.ok(!isEmail('a@-x.vn'));
  assert.ok(!isEmail('a@x-.vn'));
  // Accepted by the settings and users forms: parentheses and commas in the local part.
  assert.ok(!isEmail('a(b)@x.vn'));
  assert.ok(!isEmail('a,b@x.vn'));
  // Refused by the organisation forms only: other characters in the local part.
  assert.ok(isEmail("o'brien@example.vn"));
  assert.ok(isEmail('nguyễn@hatinh.gov.vn'));
  assert.ok(isEmail('a&b@x.vn'));
});

test('e-mail: at most 254 characters; the message names the field and an example', () => {
  const domain = '@hatinh.gov.vn';
  assert.ok(isEmail('a'.repeat(EMAIL_MAX - domain.length) + domain));
  assert.ok(!isEmail('a'.repeat(EMAIL_MAX - domain.length + 1) + domain));
  assert.equal(email('ubnd@namhonglinh', { label: 'địa chỉ thư điện tử', example: 'vanphong@hatinh.gov.vn' }).error, 'Địa chỉ thư điện tử không hợp lệ, ví dụ vanphong@hatinh.gov.vn.');
  assert.equal(email('khong-phai-email').error, 'Email không hợp lệ.');
  assert.equal(email('  ').error, 'Vui lòng nhập email.');
  assert.deepEqual(email('  ', { optional: true }), { value: '' });
});

test('phone: Vietnamese numbers as people write them, reduced to their digits', () => {
  assert.equal(phoneDigits('0912 345 678'), '0912345678');
  assert.equal(phoneDigits('0912.345.678'), '0912345678');
  assert.equal(phoneDigits('0912-345-678'), '0912345678');
  assert.equal(phoneDigits('(0239) 3831 248'), '02393831248');
  assert.equal(phoneDigits('+84 912 345 678'), '+84912345678');
  assert.equal(phoneDigits('+84 239 3831 248'), '+842393831248');
  assert.equal(phoneDigits('1900 1234'), '19001234');
  assert.equal(phoneDigits('1800 123 456'), '1800123456');
  for (const bad of ['12345', '0239 383', '0912 345 678 9012', 'gọi tôi', '0239 ABC 248', '0912+345678', '84912345678', '+1 202 555 0100', '1900 12345', `0912 345 678${' '.repeat(40)}1`]) {
    assert.equal(phoneDigits(bad), null, bad);
  }
  assert.deepEqual(phone(' 0239  3831 248 '), { value: '0239 3831 248', digits: '02393831248' });
});

test('phone: messages name the field and show an example', () => {
  assert.equal(phone('0239 ABC 248', { example: '0239 3831 248' }).error, 'Số điện thoại không hợp lệ (chỉ gồm chữ số, dấu cách, dấu chấm, gạch ngang, ví dụ 0239 3831 248).');
  assert.equal(phone('12', { label: 'số fax', example: '0239 3831 248' }).error, 'Số fax không hợp lệ (chỉ gồm chữ số, dấu cách, dấu chấm, gạch ngang, ví dụ 0239 3831 248).');
  assert.match(phone('12345').error!, /ví dụ 0912 345 678\)\.$/);
  assert.equal(phone('').error, 'Vui lòng nhập số điện thoại.');
  assert.deepEqual(phone('', { optional: true }), { value: '', digits: '' });
});

test('text: trimmed, NFC, required unless optional, at most max characters with the label in the message', () => {
  const decomposed = 'Hồng Lĩnh'.normalize('NFD');
  assert.equal(text(`  ${decomposed}  `, { label: 'tên', max: 20 }).value, 'Hồng Lĩnh'.normalize('NFC'));
  assert.equal(text('   ', { label: 'tên cơ quan', max: 200 }).error, 'Vui lòng nhập tên cơ quan.');
  assert.deepEqual(text('   ', { label: 'tên cơ quan', max: 200, optional: true }), { value: '' });
  assert.equal(text('x'.repeat(301), { label: 'địa chỉ bằng tiếng Anh', max: 300 }).error, 'Địa chỉ bằng tiếng Anh dài tối đa 300 ký tự (hiện có 301).');
  assert.equal(text('ơ'.repeat(10_001), { label: 'chức năng, nhiệm vụ', max: 10_000 }).error, 'Chức năng, nhiệm vụ dài tối đa 10.000 ký tự (hiện có 10.001).');
  // Counted in characters as people see them: a decomposed "ơ" is one, so is an emoji.
  assert.equal(text('ơ'.normalize('NFD').repeat(5), { label: 'tên', max: 5 }).error, undefined);
  assert.equal(text('👍'.repeat(5), { label: 'tên', max: 5 }).error, undefined);
});

test('text keeps paragraphs: line ends unified, spaces collapsed, at most one blank line, invisible characters dropped', () => {
  assert.equal(text('Dòng một  \r\n  dòng\u00a0\u00a0hai\r\n\r\n\r\n\r\nĐoạn  sau\u202e ', { label: 'nội dung', max: 100 }).value, 'Dòng một\ndòng hai\n\nĐoạn sau');
});

test('line: one line, spaces collapsed, a line break refused rather than silently joined', () => {
  assert.deepEqual(line('  Phòng   Văn hoá\tvà Thông tin ', { label: 'tên đơn vị', max: 200 }), { value: 'Phòng Văn hoá và Thông tin' });
  assert.equal(line('Dòng một\nDòng hai', { label: 'tên đơn vị', max: 200 }).error, 'Tên đơn vị chỉ được viết trên một dòng.');
  assert.equal(line('Dòng một\r\nDòng hai', { label: 'tên đơn vị', max: 200 }).error, 'Tên đơn vị chỉ được viết trên một dòng.');
  assert.equal(line('Tên đơn vị\n', { label: 'tên đơn vị', max: 200 }).error, undefined, 'a trailing line end is only trimmed');
  assert.equal(line(' \n ', { label: 'tên đơn vị', max: 200 }).error, 'Vui lòng nhập tên đơn vị.');
  assert.equal(line('ab\u202ecd', { label: 'tên', max: 10 }).value, 'ab cd', 'a bidirectional override cannot reorder what is shown');
  assert.equal(line('x'.repeat(121), { label: 'họ và tên', max: 120 }).error, 'Họ và tên dài tối đa 120 ký tự (hiện có 121).');
});

test('id: a positive integer of at most 12 digits, or the label in the message', () => {
  assert.equal(postedId('12'), 12);
  assert.equal(postedId(' 7 '), 7);
  for (const bad of ['', '0', '-3', '1.5', '1e3', '0x10', 'abc', '1234567890123', undefined, 5, ['3']]) assert.equal(postedId(bad), null, String(bad));
  assert.deepEqual(id('42', { label: 'chuyên mục' }), { value: 42 });
  assert.deepEqual(id('', { label: 'đơn vị cấp trên', optional: true }), { value: null });
  assert.deepEqual(id(' ', { label: 'chuyên mục' }), { value: null, error: 'Vui lòng chọn chuyên mục.' });
  assert.deepEqual(id('abc', { label: 'đơn vị cấp trên', optional: true }), { value: null, error: 'Đơn vị cấp trên không hợp lệ.' });
});

test('take keeps a rule\'s message under the field and returns the value; fail builds the refusal', () => {
  const errors: FieldErrors = {};
  assert.equal(take(errors, 'name', line('  Nam Hồng ', { label: 'tên', max: 20 })), 'Nam Hồng');
  assert.equal(take(errors, 'email', email('lan@')), 'lan@');
  assert.deepEqual(errors, { email: 'Email không hợp lệ.' });
  assert.deepEqual(fail(errors), { ok: false, errors: { email: 'Email không hợp lệ.' } });
});
