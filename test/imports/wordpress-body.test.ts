import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanBody } from '../../src/features/imports/wordpress/body.js';
import { wordpressDate } from '../../src/features/imports/wordpress/dates.js';
import { readPhpSerialized } from '../../src/features/imports/wordpress/php-serialized.js';
import { wxrToRecords } from '../../src/features/imports/wordpress/to-records.js';
import { readWxr } from '../../src/features/imports/wordpress/wxr.js';

/** The small pieces of the WordPress conversion, on the forms the fixture does not have. */
const noGallery = () => [];

test('a classic body gets paragraphs and line breaks; blocks and <pre> stay as they are', () => {
  const { html } = cleanBody('Dòng một\ndòng hai\n\n<h3>Mục</h3>\n\n<pre>a\n\nb</pre>\n\nCuối.', noGallery);
  assert.equal(html, '<p>Dòng một<br>\ndòng hai</p>\n<h3>Mục</h3>\n<pre>a\n\nb</pre>\n<p>Cuối.</p>');
});

test('the old caption form (caption="…" attribute) and an image inside a link become figures too', () => {
  const { html, shortcodes } = cleanBody('[caption id="attachment_3" width="300" caption="Cầu &amp; đường"]<a href="/x.jpg"><img src="/x-300x200.jpg" alt="" /></a>[/caption]', noGallery);
  assert.equal(html, '<figure><a href="/x.jpg"><img src="/x-300x200.jpg" alt="" /></a><figcaption>Cầu &amp;amp; đường</figcaption></figure>');
  assert.deepEqual(shortcodes, ['caption']);
});

test('unknown shortcodes go (their enclosed text stays) and are named; ordinary brackets are text', () => {
  const { html, shortcodes } = cleanBody('<!-- wp:paragraph -->\n<p>Xem [1] và [Phụ lục] [su_note note_color="#fff"]Lưu ý quan trọng[/su_note] [embed]https://youtu.be/x[/embed]</p>\n<!-- /wp:paragraph -->\n<!-- wp:shortcode -->\n[wpforms id="9"]\n<!-- /wp:shortcode -->', noGallery);
  assert.equal(html, '<p>Xem [1] và [Phụ lục] Lưu ý quan trọng https://youtu.be/x</p>');
  assert.deepEqual(shortcodes, ['su_note', 'embed', 'wpforms']);
});

test('[[gallery]] is how WordPress writes a literal shortcode: it stays as text and is not reported', () => {
  const { html, shortcodes } = cleanBody('Gõ [[gallery]] để chèn ảnh.', noGallery);
  assert.equal(html, '<p>Gõ [gallery] để chèn ảnh.</p>');
  assert.deepEqual(shortcodes, []);
});

test('a [gallery] without ids shows the images attached to the post; alt text is escaped', () => {
  const { html } = cleanBody('[gallery columns="3"]', (ids) => (ids === null ? [{ src: 'https://a.vn/1.jpg', alt: 'Ảnh "đẹp"' }] : []));
  assert.equal(html, '<figure><img src="https://a.vn/1.jpg" alt="Ảnh &quot;đẹp&quot;"></figure>');
});

test('WordPress dates: offset from the UTC twin, local time alone for drafts, UTC alone, nothing', () => {
  assert.equal(wordpressDate('2025-03-15 08:15:00', '2025-03-15 01:15:00'), '2025-03-15T08:15:00+07:00');
  assert.equal(wordpressDate('2025-03-14 22:00:00', '2025-03-15 03:30:00'), '2025-03-14T22:00:00-05:30');
  assert.equal(wordpressDate('2025-06-25 10:00:00', '0000-00-00 00:00:00'), '2025-06-25T10:00:00');
  assert.equal(wordpressDate('0000-00-00 00:00:00', '2025-06-25 03:00:00'), '2025-06-25T03:00:00Z');
  assert.equal(wordpressDate('', 'hôm qua'), null);
});

test('PHP serialized metadata is read by bytes (Vietnamese file names), damaged values give undefined', () => {
  const name = 'ảnh-đẹp-300x200.jpg';
  const meta = `a:2:{s:4:"file";s:${Buffer.byteLength(`2025/03/${name}`)}:"2025/03/${name}";s:5:"sizes";a:1:{s:6:"medium";a:2:{s:4:"file";s:${Buffer.byteLength(name)}:"${name}";s:5:"width";i:300;}}}`;
  assert.deepEqual(readPhpSerialized(meta), { file: `2025/03/${name}`, sizes: { medium: { file: name, width: 300 } } });
  assert.equal(readPhpSerialized(meta.slice(0, -1)), undefined);
  assert.equal(readPhpSerialized(`s:${name.length}:"${name}";`), undefined, 'character count instead of bytes');
  assert.deepEqual(readPhpSerialized('a:3:{i:0;b:1;i:1;N;i:2;d:0.5;}'), { 0: true, 1: null, 2: 0.5 });
});

const wxr = (items: string) => `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Xã cũ</title><link>http://xacu.example.vn/blog</link><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>http://xacu.example.vn/blog</wp:base_site_url><wp:base_blog_url>http://xacu.example.vn/blog</wp:base_blog_url>
${items}
</channel></rss>`;
const item = (id: number, type: string, extra = '') => `<item><title>Mục ${id}</title><link>http://xacu.example.vn/blog/?p=${id}</link><dc:creator>an</dc:creator>
<content:encoded><![CDATA[Nội dung]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded><wp:post_id>${id}</wp:post_id>
<wp:post_date>2024-01-02 03:04:05</wp:post_date><wp:post_date_gmt>2024-01-01 20:04:05</wp:post_date_gmt><wp:status>publish</wp:status>
<wp:post_parent>0</wp:post_parent><wp:menu_order>0</wp:menu_order><wp:post_type>${type}</wp:post_type><wp:is_sticky>0</wp:is_sticky>${extra}</item>`;
const comment = (id: number, approved: string, type = 'comment') =>
  `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author><![CDATA[]]></wp:comment_author><wp:comment_date>2024-01-03 08:00:00</wp:comment_date><wp:comment_date_gmt>2024-01-03 01:00:00</wp:comment_date_gmt><wp:comment_content><![CDATA[<p>Ý kiến &amp; <a href="http://x">liên kết</a></p><p>Đoạn hai</p>]]></wp:comment_content><wp:comment_approved>${approved}</wp:comment_approved><wp:comment_type>${type}</wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment>`;

test('another exporter’s file: spam and pingbacks, menu items, a site in a sub-folder', () => {
  const text = wxr(item(5, 'post', comment(1, 'spam') + comment(2, '1', 'pingback') + comment(3, '1')) + item(6, 'nav_menu_item') + item(7, 'page', comment(4, '1')));
  const { records, notes, host } = wxrToRecords(readWxr(text));
  assert.equal(host, 'xacu.example.vn');
  const comments = records.map((r) => r.record).filter((r) => r.type === 'comment');
  assert.deepEqual(comments.map((c) => [c.id, c.status, c.author, c.body]), [['1', 'spam', 'Ẩn danh', 'Ý kiến & liên kết\n\nĐoạn hai'], ['3', 'approved', 'Ẩn danh', 'Ý kiến & liên kết\n\nĐoạn hai']]);
  assert.deepEqual(notes.map((n) => [n.kind, n.id]), [['comment', '2'], ['nav_menu_item', '6'], ['comment', '4']]);
  assert.match(notes[1]!.reason, /^Bỏ qua mục loại "nav_menu_item" "Mục 6"/);
  const post = records.map((r) => r.record).find((r) => r.type === 'article')!;
  assert.deepEqual(post.categories, ['0'], 'a post without a category goes to "Chưa phân loại"');
  assert.deepEqual(records.map((r) => r.record).filter((r) => r.type === 'category'), [{ type: 'category', id: '0', name: 'Chưa phân loại', slug: 'chua-phan-loai', parent: null }]);
  assert.deepEqual(post.oldUrls, ['http://xacu.example.vn/blog/?p=5']);
  assert.equal(post.publishedAt, '2024-01-02T03:04:05+07:00');
});

test('a reply to a comment the export left out (spam) becomes a comment of its own', () => {
  const reply = comment(9, '1').replace('<wp:comment_parent>0</wp:comment_parent>', '<wp:comment_parent>4</wp:comment_parent>');
  const answer = comment(10, '1').replace('<wp:comment_parent>0</wp:comment_parent>', '<wp:comment_parent>9</wp:comment_parent>');
  const { records } = wxrToRecords(readWxr(wxr(item(5, 'post', reply + answer))));
  const comments = records.map((r) => r.record).filter((r) => r.type === 'comment');
  assert.deepEqual(comments.map((c) => [c.id, c.parent]), [['9', null], ['10', '9']]);
});
