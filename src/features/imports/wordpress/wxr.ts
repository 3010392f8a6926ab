import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { WordPressExportError } from './errors.js';

/**
 * The parts of a WordPress eXtended RSS file (WXR 1.0–1.2, what Tools → Export writes) that an
 * import needs, read into plain objects. The whole file is held once as text while it is checked
 * and parsed; the caller lets go of it afterwards.
 */
export interface WxrExport {
  title: string;
  /** `wp:base_blog_url` (else the channel link), without a trailing slash. */
  baseUrl: string;
  /** author login → display name */
  authors: Map<string, string>;
  categories: WxrTerm[];
  tags: WxrTerm[];
  items: WxrItem[];
}

export interface WxrTerm {
  id: string;
  slug: string;
  name: string;
  /** The parent's slug ('' at the top). */
  parentSlug: string;
  line: number;
}

export interface WxrItem {
  /** Line of its `<item>` in the file. */
  line: number;
  id: string;
  type: string;
  status: string;
  title: string;
  link: string;
  guid: string;
  creator: string;
  content: string;
  excerpt: string;
  date: string;
  dateGmt: string;
  slug: string;
  parent: string;
  menuOrder: number;
  sticky: boolean;
  attachmentUrl: string;
  terms: { domain: string; slug: string; name: string }[];
  meta: Map<string, string>;
  comments: WxrComment[];
}

export interface WxrComment {
  id: string;
  author: string;
  content: string;
  date: string;
  dateGmt: string;
  approved: string;
  type: string;
  parent: string;
}

const LISTS = new Set(['item', 'category', 'wp:postmeta', 'wp:comment', 'wp:category', 'wp:tag', 'wp:author']);
type Node = Record<string, unknown>;

export function readWxr(text: string): WxrExport {
  if (!text.trim()) throw new WordPressExportError('Tệp xuất WordPress trống.');
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw damaged(text, valid.err.line, valid.err.col);

  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    parseAttributeValue: false,
    captureMetaData: true,
    isArray: (name) => LISTS.has(name),
  });
  const channel = (parser.parse(text) as Node)?.rss as Node | undefined;
  const ch = (channel?.channel ?? null) as Node | null;
  if (!ch || !('wp:wxr_version' in ch)) {
    throw new WordPressExportError('Tệp này không phải tệp xuất của WordPress (không có <wp:wxr_version>). Hãy xuất lại trong WordPress: Công cụ → Xuất → Tất cả nội dung.');
  }
  const baseUrl = (str(ch['wp:base_blog_url']) || str(ch.link)).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+/i.test(baseUrl)) {
    throw new WordPressExportError('Tệp xuất WordPress không ghi địa chỉ của trang cũ (<wp:base_blog_url>), nên không thể giữ các địa chỉ cũ.');
  }

  const rawItems = list(ch.item);
  const lines = linesAt(text, rawItems.map((n) => startIndex(n)));
  const rawCategories = list(ch['wp:category']);
  const categoryLines = linesAt(text, rawCategories.map((n) => startIndex(n)));
  const rawTags = list(ch['wp:tag']);
  const tagLines = linesAt(text, rawTags.map((n) => startIndex(n)));
  return {
    title: str(ch.title),
    baseUrl,
    authors: new Map(list(ch['wp:author']).map((a) => [str(a['wp:author_login']), str(a['wp:author_display_name']) || str(a['wp:author_login'])])),
    categories: rawCategories.map((c, i) => ({
      id: str(c['wp:term_id']),
      slug: str(c['wp:category_nicename']),
      name: str(c['wp:cat_name']),
      parentSlug: str(c['wp:category_parent']),
      line: categoryLines[i] ?? 0,
    })),
    tags: rawTags.map((t, i) => ({ id: str(t['wp:term_id']), slug: str(t['wp:tag_slug']), name: str(t['wp:tag_name']), parentSlug: '', line: tagLines[i] ?? 0 })),
    items: rawItems.map((n, i) => toItem(n, lines[i] ?? 0)),
  };
}

function toItem(n: Node, line: number): WxrItem {
  const id = str(n['wp:post_id']);
  if (!/^\d+$/.test(id)) throw new WordPressExportError(`Mục ở dòng ${line} không có số bài (<wp:post_id>) hợp lệ.`, { line });
  return {
    line,
    id,
    type: str(n['wp:post_type']) || 'post',
    status: str(n['wp:status']),
    title: str(n.title),
    link: str(n.link),
    guid: str(n.guid),
    creator: str(n['dc:creator']),
    content: str(n['content:encoded']),
    excerpt: str(n['excerpt:encoded']),
    date: str(n['wp:post_date']),
    dateGmt: str(n['wp:post_date_gmt']),
    slug: str(n['wp:post_name']),
    parent: str(n['wp:post_parent']) || '0',
    menuOrder: Number(str(n['wp:menu_order'])) || 0,
    sticky: str(n['wp:is_sticky']) === '1',
    attachmentUrl: str(n['wp:attachment_url']),
    terms: list(n.category).map((c) => ({ domain: str(c['@domain']), slug: str(c['@nicename']), name: str(c) })),
    meta: new Map(list(n['wp:postmeta']).map((m) => [str(m['wp:meta_key']), str(m['wp:meta_value'])])),
    comments: list(n['wp:comment']).map((c) => ({
      id: str(c['wp:comment_id']),
      author: str(c['wp:comment_author']),
      content: str(c['wp:comment_content']),
      date: str(c['wp:comment_date']),
      dateGmt: str(c['wp:comment_date_gmt']),
      approved: str(c['wp:comment_approved']),
      type: str(c['wp:comment_type']),
      parent: str(c['wp:comment_parent']) || '0',
    })),
  };
}

/** Text of a parsed element: a string, or the `#text` of one with attributes; always NFC. */
function str(v: unknown): string {
  if (typeof v === 'string') return v.normalize('NFC');
  if (typeof v === 'number') return String(v);
  if (v && typeof v === 'object' && '#text' in v) return str((v as Node)['#text']);
  return '';
}

function list(v: unknown): Node[] {
  return Array.isArray(v) ? (v.filter((x) => x && typeof x === 'object') as Node[]) : [];
}

const META = XMLParser.getMetaDataSymbol() as unknown as string;
function startIndex(n: Node): number {
  return ((n as Record<string, { startIndex?: number }>)[META]?.startIndex ?? 0) as number;
}

/** The 1-based line of each (ascending) character offset, in one pass over the text. */
function linesAt(text: string, offsets: number[]): number[] {
  let line = 1;
  let at = 0;
  return offsets.map((offset) => {
    for (let nl = text.indexOf('\n', at); nl !== -1 && nl < offset; nl = text.indexOf('\n', nl + 1)) {
      line++;
      at = nl + 1;
    }
    return line;
  });
}

/** The message for a file the XML check refused: cut short, or broken at a line (naming the item). */
function damaged(text: string, line: number, col: number): WordPressExportError {
  const truncated = !/<\/rss>\s*$/.test(text);
  let offset = text.length;
  if (!truncated) {
    offset = 0;
    for (let l = 1; l < line && offset !== -1; l++) offset = text.indexOf('\n', offset) + 1;
  }
  const itemAt = text.lastIndexOf('<item>', offset);
  const itemId = itemAt === -1 ? undefined : /<wp:post_id>(\d+)<\/wp:post_id>/.exec(text.slice(itemAt, offset))?.[1];
  const itemLine = itemAt === -1 ? undefined : linesAt(text, [itemAt])[0];
  const complete = itemAt !== -1 && text.indexOf('</item>', itemAt) !== -1 && text.indexOf('</item>', itemAt) < offset;
  const which = `dòng ${itemLine}${itemId ? `, bài số ${itemId} của WordPress` : ''}`;
  const item = itemLine === undefined ? '' : complete ? ` Mục đọc trọn cuối cùng bắt đầu ở ${which}.` : ` Mục bị hỏng bắt đầu ở ${which}.`;
  const message = truncated
    ? `Tệp xuất WordPress không trọn vẹn: tệp bị cắt trước thẻ đóng </rss> (có thể do tải về chưa xong).${item} Hãy xuất lại trong WordPress rồi nhập lại; chưa có gì được nhập.`
    : `Tệp xuất WordPress bị hỏng ở dòng ${line}, cột ${col}: nội dung không đúng cú pháp XML.${item} Chưa có gì được nhập.`;
  return new WordPressExportError(message, { line: truncated ? itemLine : line, itemId });
}
