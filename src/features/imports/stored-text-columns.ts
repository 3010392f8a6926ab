import { searchFold } from '../../kernel/lib/text.js';
import { numberCode, numberFold } from '../documents/number.js';
import { searchFoldOf } from '../documents/input.js';
import { searchTextOf } from '../questions/repo.js';

/**
 * The stored texts that can hold TCVN3/VNI mojibake (`cong fix-encoding`), table by table, in the
 * order they are fixed (a document's search text folds its type's name, so types come first), and
 * the columns derived from them that must be recomputed when they change.
 */
export type Row = Record<string, string | number | null>;

export interface StoredTextTable {
  table: string;
  /** What the operator reads: "bài viết", "trang tĩnh"… */
  label: string;
  text: readonly string[];
  html?: readonly string[];
  /** Columns read only to recompute derived ones. */
  extra?: readonly string[];
  /** Derived columns of the fixed row; `typeNames` are the site's document types by id, already fixed. */
  derive?: (row: Row, typeNames: ReadonlyMap<number, string>) => Row;
}

const s = (v: unknown) => (typeof v === 'string' ? v : '');

export const STORED_TEXT_TABLES: readonly StoredTextTable[] = [
  { table: 'categories', label: 'chuyên mục', text: ['name'] },
  {
    table: 'articles',
    label: 'bài viết',
    text: ['title', 'sapo', 'author', 'source', 'cover_alt', 'seo_title', 'seo_description'],
    html: ['body_html'],
    derive: (r) => ({ title_fold: searchFold(s(r.title)) }),
  },
  { table: 'pages', label: 'trang tĩnh', text: ['title'], html: ['body_html'] },
  { table: 'document_types', label: 'loại văn bản', text: ['name'] },
  {
    table: 'documents',
    label: 'văn bản',
    text: ['number', 'title', 'issuer', 'signer', 'field'],
    extra: ['type_id'],
    derive: (r, types) => ({
      number: s(r.number).toUpperCase(),
      number_fold: numberFold(s(r.number).toUpperCase()),
      number_code: numberCode(s(r.number)),
      search_fold: searchFoldOf(
        { number: s(r.number).toUpperCase(), title: s(r.title), issuer: s(r.issuer), signer: s(r.signer), field: s(r.field) },
        types.get(Number(r.type_id)) ?? '',
      ),
    }),
  },
  { table: 'question_topics', label: 'chủ đề hỏi đáp', text: ['name'] },
  {
    table: 'questions',
    label: 'câu hỏi',
    text: ['title', 'body', 'answer'],
    derive: (r) => ({ search_text: searchTextOf(s(r.title), s(r.body), s(r.answer)) }),
  },
  { table: 'comments', label: 'bình luận', text: ['author_name', 'content'] },
  {
    table: 'media',
    label: 'tệp đa phương tiện',
    text: ['title', 'alt'],
    extra: ['original_name'],
    derive: (r) => ({ name_fold: searchFold(`${s(r.title)} ${s(r.original_name)}`) }),
  },
];
