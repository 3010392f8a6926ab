import { DEFAULT_TIME_ZONE, isTimeZone } from './dates.js';
import { Fields, isOldAddress } from './fields.js';
import { ImportError, KIND_NAMES } from './import-error.js';
import type { ImportPlan } from './plan.js';
import type { ImportRecord } from './records.js';

export type NumberedRecords = AsyncIterable<{ record: ImportRecord; line: number }> | Iterable<{ record: ImportRecord; line: number }>;

const STATUSES = ['published', 'draft', 'pending', 'private', 'scheduled', 'trash'] as const;
const COMMENT_STATUSES = ['approved', 'pending', 'spam', 'trash'] as const;
const TYPES = Object.keys(KIND_NAMES) as ImportRecord['type'][];
/** Bodies up to the editor's own limit. */
const BODY_MAX = 500_000;

/**
 * Reads every record and checks each on its own (references between records are checked once
 * all are read: they may come in any order). The first record must say what the source is.
 */
export async function readPlan(records: NumberedRecords): Promise<ImportPlan> {
  let plan: ImportPlan | null = null;
  for await (const { record, line } of records) {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) throw ImportError.at(line, null, null, 'mỗi dòng phải là một đối tượng JSON ({…}).');
    const raw = record as unknown as Record<string, unknown>;
    const type = raw.type as ImportRecord['type'];
    if (typeof type !== 'string' || !TYPES.includes(type)) throw ImportError.at(line, null, null, `loại bản ghi (type) “${String(raw.type)}” không hợp lệ; chỉ nhận: ${TYPES.join(', ')}.`);
    const f = new Fields(raw, line, type);
    if (type === 'source') {
      if (plan) f.fail('tệp chỉ được có một dòng nguồn (type "source"), ở dòng đầu.');
      plan = readSource(f);
      continue;
    }
    if (!plan) throw ImportError.at(line, null, null, 'dòng đầu tiên phải là dòng nguồn: {"type":"source","id":"…","host":"…"}.');
    plan.total++;
    readRecord(plan, f, type);
  }
  if (!plan) throw new ImportError('Tệp không có bản ghi nào: dòng đầu tiên phải là dòng nguồn {"type":"source","id":"…","host":"…"}.', 1);
  return plan;
}

function readSource(f: Fields): ImportPlan {
  const id = f.id('id', 'tên nguồn', true);
  f.itemId = id;
  const host = f.text('host', 'tên miền cũ', { required: true, max: 253 }).toLowerCase();
  if (!/^[a-z0-9.-]+(:\d+)?$/.test(host)) f.fail(`tên miền cũ (host) “${host}” không hợp lệ; chỉ ghi tên miền, ví dụ honglinh.hatinh.gov.vn.`);
  const timezone = f.text('timezone', 'múi giờ', { max: 60 }) || DEFAULT_TIME_ZONE;
  if (!isTimeZone(timezone)) f.fail(`múi giờ (timezone) “${timezone}” không hợp lệ; ví dụ Asia/Ho_Chi_Minh.`);
  return {
    source: { id, host: host.replace(/:\d+$/, ''), timezone },
    categories: new Map(), files: new Map(), articles: new Map(), pages: new Map(), documents: new Map(), comments: new Map(),
    redirects: [], counter: null, total: 0,
  };
}

function unique<T>(f: Fields, map: Map<string, T>, id: string): void {
  if (map.has(id)) f.fail(`mã “${id}” đã dùng cho ${KIND_NAMES[f.kind]} khác ở dòng ${(map.get(id) as { line: number }).line}.`);
}

function readRecord(plan: ImportPlan, f: Fields, type: Exclude<ImportRecord['type'], 'source'>): void {
  const zone = plan.source.timezone;
  const line = f.line;
  switch (type) {
    case 'category': {
      const id = (f.itemId = f.id('id', 'mã chuyên mục', true));
      unique(f, plan.categories, id);
      const name = f.text('name', 'tên chuyên mục', { required: true, max: 120 });
      const slug = f.text('slug', 'đường dẫn', { max: 80 }).toLowerCase() || null;
      if (slug && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) f.fail(`đường dẫn (slug) “${slug}” chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang.`);
      plan.categories.set(id, { line, id, name, slug, parent: f.id('parent', 'chuyên mục cha', false), oldUrls: f.oldUrls() });
      return;
    }
    case 'file': {
      const id = (f.itemId = f.id('id', 'mã tệp', true));
      unique(f, plan.files, id);
      const path = f.text('path', 'đường dẫn tệp', { required: true, max: 1000 });
      if (path.startsWith('/') || /^[a-z]:/i.test(path) || path.split(/[\\/]/).includes('..')) f.fail(`đường dẫn tệp (path) “${path}” phải nằm trong thư mục tệp (--files), viết tương đối, không có “..”.`);
      plan.files.set(id, { line, id, path, title: f.text('title', 'tiêu đề tệp', { max: 200 }), alt: f.text('alt', 'mô tả ảnh', { max: 300 }), oldUrls: f.oldUrls() });
      return;
    }
    case 'article': {
      const id = (f.itemId = f.id('id', 'mã bài viết', true));
      unique(f, plan.articles, id);
      plan.articles.set(id, {
        line, id,
        title: f.text('title', 'tiêu đề', { required: true, max: 300 }),
        sapo: f.text('sapo', 'sapo', { max: 1000 }),
        bodyHtml: f.html('bodyHtml', 'nội dung', BODY_MAX),
        categories: f.ids('categories', 'chuyên mục', true),
        publishedAt: f.date('publishedAt', 'ngày đăng', zone),
        status: f.oneOf('status', 'trạng thái', STATUSES),
        author: f.text('author', 'tác giả', { max: 200 }),
        source: f.text('source', 'nguồn tin', { max: 200 }),
        featured: f.bool('featured', 'tin nổi bật'),
        cover: f.id('cover', 'ảnh đại diện', false),
        coverAlt: f.text('coverAlt', 'mô tả ảnh đại diện', { max: 300 }),
        views: f.int('views', 'lượt xem'),
        oldUrls: f.oldUrls(),
      });
      return;
    }
    case 'page': {
      const id = (f.itemId = f.id('id', 'mã trang', true));
      unique(f, plan.pages, id);
      const slug = f.text('slug', 'đường dẫn', { max: 80 }).toLowerCase() || null;
      if (slug && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) f.fail(`đường dẫn (slug) “${slug}” chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang.`);
      plan.pages.set(id, {
        line, id, slug,
        title: f.text('title', 'tiêu đề', { required: true, max: 200 }),
        bodyHtml: f.html('bodyHtml', 'nội dung', BODY_MAX),
        status: f.oneOf('status', 'trạng thái', STATUSES),
        parent: f.id('parent', 'trang cha', false),
        position: f.int('position', 'thứ tự'),
        oldUrls: f.oldUrls(),
      });
      return;
    }
    case 'document': {
      const id = (f.itemId = f.id('id', 'mã văn bản', true));
      unique(f, plan.documents, id);
      const issued = f.date('issuedAt', 'ngày ban hành', zone);
      plan.documents.set(id, {
        line, id,
        number: f.text('number', 'số, ký hiệu', { required: true, max: 50 }),
        title: f.text('title', 'trích yếu', { required: true, max: 2000 }),
        kind: f.text('kind', 'loại văn bản', { required: true, max: 100 }),
        // A calendar day: the day of the instant in the source's zone is the day written.
        issuedOn: dayOf(issued, zone),
        issuer: f.text('issuer', 'cơ quan ban hành', { max: 200 }),
        signer: f.text('signer', 'người ký', { max: 200 }),
        files: f.ids('files', 'tệp đính kèm', false),
        oldUrls: f.oldUrls(),
      });
      return;
    }
    case 'comment': {
      const id = (f.itemId = f.id('id', 'mã bình luận', true));
      unique(f, plan.comments, id);
      plan.comments.set(id, {
        line, id,
        article: f.id('article', 'bài viết', true),
        parent: f.id('parent', 'bình luận được trả lời', false),
        author: f.text('author', 'tên người bình luận', { required: true, max: 100 }),
        body: f.paragraphs('body', 'nội dung bình luận', 5000),
        createdAt: f.date('createdAt', 'thời gian bình luận', zone),
        status: f.oneOf('status', 'trạng thái', COMMENT_STATUSES),
      });
      return;
    }
    case 'redirect': {
      const from = f.text('from', 'địa chỉ cũ', { required: true, max: 2000 });
      f.itemId = from;
      if (!isOldAddress(from)) f.fail('địa chỉ cũ (from) cần một đường dẫn bắt đầu bằng “/” hoặc một địa chỉ http(s) đầy đủ.');
      const to = f.text('to', 'địa chỉ mới', { required: true, max: 2000 });
      if (!/^\/(?!\/)\S*$/.test(to)) f.fail(`địa chỉ mới (to) “${to}” phải là một đường dẫn của trang này, bắt đầu bằng “/”.`);
      plan.redirects.push({ line, from, to });
      return;
    }
    case 'counter': {
      if (plan.counter) f.fail(`tệp chỉ được có một bộ đếm (đã có ở dòng ${plan.counter.line}).`);
      plan.counter = { line, visits: f.int('visits', 'số lượt truy cập', true)! };
      return;
    }
  }
}

/** "YYYY-MM-DD" of an instant in a zone. */
function dayOf(iso: string, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}
