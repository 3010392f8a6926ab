import assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { before, describe, test } from 'node:test';
import type { ArticleRecord, CategoryRecord, CommentRecord, FileRecord, ImportRecord, PageRecord, RedirectRecord } from '../../src/features/imports/records.js';
import { readWordPressExport } from '../../src/features/imports/wordpress/read-export.js';
import type { WordPressConversion } from '../../src/features/imports/wordpress/to-records.js';
const ROOT = resolve(import.meta.dirname, '..', '..');

/**
 * The records made from the export a real WordPress 6.1.9 wrote (test/fixtures/wordpress, made by
 * make.php through WordPress's own API): what the import core will be given.
 */
const FIXTURE = join(ROOT, 'test/fixtures/wordpress');
const SITE = 'https://phuongbacha.example.vn';

let conversion: WordPressConversion;
const all = <T extends ImportRecord['type']>(type: T) =>
  conversion.records.map((r) => r.record).filter((r): r is Extract<ImportRecord, { type: T }> => r.type === type);
const article = (title: string) => all('article').find((a) => a.title === title) as ArticleRecord;

before(async () => {
  conversion = await readWordPressExport(join(FIXTURE, 'export.xml'));
});

describe('a real WordPress export becomes import records', () => {
  test('the source is the old host, dates without an offset are in Asia/Ho_Chi_Minh', () => {
    assert.deepEqual(conversion.records[0], { record: { type: 'source', id: 'wordpress:phuongbacha.example.vn', host: 'phuongbacha.example.vn', timezone: 'Asia/Ho_Chi_Minh' }, line: 1 });
    assert.equal(conversion.host, 'phuongbacha.example.vn');
  });

  test('every published post and page is there with its Vietnamese text intact (NFC)', () => {
    const published = all('article').filter((a) => a.status === 'published').map((a) => a.title).sort();
    assert.deepEqual(published, [
      'Hình ảnh Ngày hội Đại đoàn kết toàn dân tộc',
      'Hội nghị tiếp xúc cử tri trước kỳ họp thứ 9',
      'Phường Bắc Hà chuẩn bị sắp xếp đơn vị hành chính năm 2025',
      'Phường Bắc Hà ra quân tổng vệ sinh môi trường',
      'Thông báo lịch tiêm chủng mở rộng tháng 5/2025',
      'Tiếp nhận ý kiến góp ý của người dân qua cổng thông tin',
      'Triển khai mô hình “Tổ công nghệ số cộng đồng”',
      'Tổ dân phố 3 họp bàn làm đường giao thông',
    ]);
    assert.deepEqual(all('page').map((p) => [p.title, p.status]), [['Giới thiệu', 'published'], ['Lịch sử', 'published'], ['Tổ chức bộ máy', 'published'], ['Liên hệ', 'published']]);
    for (const r of [...all('article'), ...all('page')]) {
      assert.equal(r.title, r.title.normalize('NFC'));
      assert.equal(r.bodyHtml, r.bodyHtml.normalize('NFC'), r.title);
    }
    const body = article('Phường Bắc Hà ra quân tổng vệ sinh môi trường').bodyHtml;
    assert.match(body, /<p>Sáng ngày 15\/3\/2025, Ủy ban nhân dân phường Bắc Hà tổ chức lễ ra quân/);
    assert.match(body, /<h2>Kết quả đạt được<\/h2>/);
    assert.equal(article('Phường Bắc Hà ra quân tổng vệ sinh môi trường').sapo, 'Hơn 300 đoàn viên, hội viên ra quân dọn vệ sinh các tuyến phố, kênh mương.');
  });

  test('drafts, pending, private, scheduled and trashed posts keep a status the core does not publish', () => {
    const statuses = Object.fromEntries(all('article').filter((a) => a.status !== 'published').map((a) => [a.title, a.status]));
    assert.deepEqual(statuses, {
      'Dự thảo kế hoạch phòng chống lụt bão': 'draft',
      'Kết quả thu ngân sách sáu tháng đầu năm': 'pending',
      'Báo cáo nội bộ quý II': 'private',
      'Kỷ niệm 86 năm Cách mạng tháng Tám và Quốc khánh 2/9': 'scheduled',
      'Tin đăng nhầm': 'trash',
    });
  });

  test('dates are the old site’s clock time with its offset; a draft without a UTC date is left in the site’s zone', () => {
    assert.equal(article('Phường Bắc Hà ra quân tổng vệ sinh môi trường').publishedAt, '2025-03-15T08:15:00+07:00');
    assert.equal(Date.parse(article('Tổ dân phố 3 họp bàn làm đường giao thông').publishedAt), Date.parse('2025-06-02T12:45:00Z'));
    assert.equal(article('Kỷ niệm 86 năm Cách mạng tháng Tám và Quốc khánh 2/9').publishedAt, '2031-08-19T07:00:00+07:00');
    assert.equal(article('Dự thảo kế hoạch phòng chống lụt bão').publishedAt, '2025-06-25T10:00:00');
  });

  test('authors are bylines by display name; the sticky post is featured; tags are names', () => {
    const ra = article('Phường Bắc Hà ra quân tổng vệ sinh môi trường');
    assert.equal(ra.author, 'Nguyễn Văn An');
    assert.equal(article('Hội nghị tiếp xúc cử tri trước kỳ họp thứ 9').author, 'Trần Thị Bình');
    assert.equal(article('Phường Bắc Hà chuẩn bị sắp xếp đơn vị hành chính năm 2025').author, 'Ban biên tập');
    assert.deepEqual(ra.tags, ['Chuyển đổi số']);
    assert.equal(article('Triển khai mô hình “Tổ công nghệ số cộng đồng”').featured, true);
    assert.equal(ra.featured, undefined);
  });

  test('the category tree keeps its parents, and a post’s deepest category comes first', () => {
    const cats = new Map(all('category').map((c) => [c.name, c]));
    const id = (name: string) => cats.get(name)!.id;
    assert.equal(cats.get('Tin tức')!.parent, null);
    assert.equal(cats.get('Tin trong phường')!.parent, id('Tin tức'));
    assert.equal(cats.get('Tổ dân phố')!.parent, id('Tin trong phường'));
    assert.equal(cats.get('Văn hóa – Xã hội')!.slug, 'van-hoa-xa-hoi');
    const order = all('category').map((c) => c.id);
    assert.ok(order.indexOf(id('Tin tức')) < order.indexOf(id('Tin trong phường')) && order.indexOf(id('Tin trong phường')) < order.indexOf(id('Tổ dân phố')), 'parents first');
    assert.deepEqual(article('Tổ dân phố 3 họp bàn làm đường giao thông').categories, [id('Tổ dân phố'), id('Tin tức')]);
    assert.deepEqual(article('Hội nghị tiếp xúc cử tri trước kỳ họp thứ 9').categories, [id('Tin trong phường')]);
  });

  test('pages keep their hierarchy and order', () => {
    const pages = new Map(all('page').map((p) => [p.title, p as PageRecord]));
    const gt = pages.get('Giới thiệu')!;
    assert.equal(gt.parent, null);
    assert.equal(pages.get('Lịch sử')!.parent, gt.id);
    assert.equal(pages.get('Tổ chức bộ máy')!.parent, gt.id);
    assert.deepEqual([pages.get('Lịch sử')!.position, pages.get('Tổ chức bộ máy')!.position], [1, 2]);
    assert.equal(pages.get('Lịch sử')!.slug, 'lich-su');
  });

  test('block-editor comments are gone, [caption] is a figure with its caption, [gallery] its images', () => {
    for (const r of [...all('article'), ...all('page')]) assert.doesNotMatch(r.bodyHtml, /<!--|\[\/?(caption|gallery|contact-form-7)/, r.title);
    assert.match(
      article('Hội nghị tiếp xúc cử tri trước kỳ họp thứ 9').bodyHtml,
      /<figure><img class="size-medium wp-image-5" src="https:\/\/phuongbacha\.example\.vn\/wp-content\/uploads\/2025\/04\/hoi-nghi-tiep-xuc-cu-tri-300x200\.jpg" alt="Quang cảnh hội nghị"[^>]*><figcaption>Quang cảnh hội nghị tiếp xúc cử tri<\/figcaption><\/figure>/,
    );
    const gallery = article('Hình ảnh Ngày hội Đại đoàn kết toàn dân tộc').bodyHtml;
    assert.equal(gallery.match(/<figure><img src="[^"]+ngay-hoi-dai-doan-ket-\d\.jpg" alt="[^"]+"><\/figure>/g)?.length, 2);
    // A classic-editor body gets its paragraphs, a single line break a <br>.
    assert.match(article('Hội nghị tiếp xúc cử tri trước kỳ họp thứ 9').bodyHtml, /<p>Cử tri đã nêu <strong>15 ý kiến<\/strong>, [^<]*<br>\nCác ý kiến/);
    assert.match(article('Thông báo lịch tiêm chủng mở rộng tháng 5/2025').bodyHtml, /^<p>Trạm Y tế[^<]*<\/p>\n<ul>\n<li>/);
  });

  test('other shortcodes are taken out and reported with the post they were in', () => {
    assert.equal(article('Tiếp nhận ý kiến góp ý của người dân qua cổng thông tin').bodyHtml, '<p>Người dân có thể gửi ý kiến góp ý đến Ủy ban nhân dân phường qua biểu mẫu dưới đây.</p>');
    assert.deepEqual(
      conversion.notes.map((n) => [n.kind, n.id]),
      [['article', article('Tiếp nhận ý kiến góp ý của người dân qua cổng thông tin').id], ['page', all('page').find((p) => p.title === 'Liên hệ')!.id]],
    );
    assert.match(conversion.notes[0]!.reason, /^Đã bỏ mã rút gọn \[contact-form-7\] trong bài "Tiếp nhận ý kiến góp ý/);
  });

  test('comments keep their threads and moderation states; WordPress leaves spam out of its export', () => {
    const comments = all('comment') as CommentRecord[];
    const ra = article('Phường Bắc Hà ra quân tổng vệ sinh môi trường');
    const thread = comments.filter((c) => c.article === ra.id);
    const by = (author: string) => thread.find((c) => c.author === author)!;
    assert.equal(by('Lê Thị Hoa').parent, null);
    assert.equal(by('Nguyễn Văn An').parent, by('Lê Thị Hoa').id);
    assert.equal(by('Phan Đức Thắng').parent, by('Nguyễn Văn An').id);
    assert.equal(by('Nguyễn Văn An').body, 'Cảm ơn chị Hoa.\n\nPhường sẽ tổ chức vào Chủ nhật cuối mỗi tháng.');
    assert.equal(by('Nguyễn Văn An').createdAt, '2025-03-16T07:30:00+07:00');
    assert.deepEqual(thread.map((c) => c.status), ['approved', 'approved', 'approved', 'pending']);
    assert.deepEqual(comments.map((c) => c.status).sort(), ['approved', 'approved', 'approved', 'approved', 'pending', 'trash']);
    assert.equal(thread.some((c) => /Mua hàng giá rẻ/.test(c.body)), false);
    const lines = conversion.records.map((r) => r.record.type);
    assert.ok(lines.lastIndexOf('article') < lines.indexOf('comment'), 'comments come after the articles they answer');
  });

  test('attachments are files under the uploads folder with every old URL, resized copies included', () => {
    const files = all('file') as FileRecord[];
    for (const f of files) assert.ok(existsSync(join(FIXTURE, 'uploads', f.path)), f.path);
    const onDisk = walk(join(FIXTURE, 'uploads')).map((p) => `${SITE}/wp-content/uploads/${p}`);
    const known = new Set(files.flatMap((f) => f.oldUrls ?? []));
    assert.deepEqual(onDisk.filter((u) => !known.has(u)), [], 'every file WordPress wrote, resized copies too, is an old URL of a file record');
    const hoiNghi = files.find((f) => f.path === '2025/04/hoi-nghi-tiep-xuc-cu-tri.jpg')!;
    assert.equal(hoiNghi.alt, 'Quang cảnh hội nghị');
    assert.ok(hoiNghi.oldUrls!.includes(`${SITE}/wp-content/uploads/2025/04/hoi-nghi-tiep-xuc-cu-tri-1024x683.jpg`));
    assert.ok(hoiNghi.oldUrls!.includes(`${SITE}/?attachment_id=${hoiNghi.id}`));
    const ra = article('Phường Bắc Hà ra quân tổng vệ sinh môi trường');
    assert.equal(files.find((f) => f.id === ra.cover)!.path, '2025/03/anh-ra-quan-ve-sinh.jpg');
    assert.equal(ra.coverAlt, 'Đoàn viên thanh niên dọn vệ sinh kênh mương');
  });

  test('old addresses: ?p=, ?page_id=, permalinks, category archives; tag archives lead to the search', () => {
    const ra = article('Phường Bắc Hà ra quân tổng vệ sinh môi trường');
    assert.deepEqual(ra.oldUrls, [`${SITE}/?p=${ra.id}`, `${SITE}/2025/03/15/phuong-bac-ha-ra-quan-tong-ve-sinh-moi-truong/`]);
    const lichSu = all('page').find((p) => p.title === 'Lịch sử')!;
    assert.deepEqual(lichSu.oldUrls, [`${SITE}/?page_id=${lichSu.id}`, `${SITE}/?p=${lichSu.id}`, `${SITE}/gioi-thieu/lich-su/`]);
    const tdp = all('category').find((c) => c.name === 'Tổ dân phố') as CategoryRecord;
    assert.deepEqual(tdp.oldUrls, [`${SITE}/category/tin-tuc/tin-trong-phuong/to-dan-pho/`, `${SITE}/category/to-dan-pho/`, `${SITE}/?cat=${tdp.id}`]);
    const redirects = all('redirect') as RedirectRecord[];
    assert.deepEqual(
      redirects.filter((r) => r.from.includes('tiem-chung')),
      [
        { type: 'redirect', from: `${SITE}/tag/tiem-chung/`, to: `/tim-kiem?q=${encodeURIComponent('Tiêm chủng')}` },
        { type: 'redirect', from: `${SITE}/?tag=tiem-chung`, to: `/tim-kiem?q=${encodeURIComponent('Tiêm chủng')}` },
      ],
    );
  });

  test('each record carries the line of the export it came from', () => {
    const ra = conversion.records.find((r) => r.record.type === 'article' && r.record.title === 'Phường Bắc Hà ra quân tổng vệ sinh môi trường')!;
    assert.equal(ra.line, 346);
    const tdp = conversion.records.find((r) => r.record.type === 'category' && r.record.name === 'Tổ dân phố')!;
    assert.equal(tdp.line, 73);
  });
});

function walk(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p, root) : [relative(root, p).split('\\').join('/')];
  });
}
