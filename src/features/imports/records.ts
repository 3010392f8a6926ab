/**
 * The records of an import (docs/import-format.md): one JSON object per line of a `.jsonl` file.
 * Every importer (JSON Lines, WordPress WXR, RSS/Atom) produces these and hands them to the one
 * import core, so a province can convert SharePoint, NukeViet or any other old database with a
 * short script. Ids are the source's own, as strings, unique per type within one source; a record
 * refers to another by that id, in any order in the file. Texts are Vietnamese, turned into NFC
 * (and out of TCVN3/VNI) on the way in.
 */
export type ImportRecord =
  | SourceRecord
  | CategoryRecord
  | FileRecord
  | ArticleRecord
  | PageRecord
  | DocumentRecord
  | CommentRecord
  | RedirectRecord
  | CounterRecord;

/** The first line of every file: what the source is, so a re-run updates instead of duplicating. */
export interface SourceRecord {
  type: 'source';
  /** Stable name of the source, e.g. "wordpress:honglinh.example.vn", "sharepoint-honglinh". */
  id: string;
  /** The old portal's host (lowercase); its old addresses are keyed by it. */
  host: string;
  /** IANA zone of dates written without an offset; default "Asia/Ho_Chi_Minh". */
  timezone?: string;
}

/** Old addresses of an item: paths with their query ("/?p=12") or whole URLs. */
type OldUrls = { oldUrls?: string[] };

export interface CategoryRecord extends OldUrls {
  type: 'category';
  id: string;
  name: string;
  /** Wanted slug; made from the name when absent. */
  slug?: string;
  /** Id of the parent category record. */
  parent?: string | null;
}

/** A file under the `--files` / `--uploads` folder: an image goes into the media library with its sizes. */
export interface FileRecord extends OldUrls {
  type: 'file';
  id: string;
  /** Relative to the files folder, "/" separated. */
  path: string;
  title?: string;
  alt?: string;
}

export type ImportStatus = 'published' | 'draft' | 'pending' | 'private' | 'scheduled' | 'trash';

export interface ArticleRecord extends OldUrls {
  type: 'article';
  id: string;
  title: string;
  sapo?: string;
  /** Sanitised like the editor's input; images whose src is a file record's old URL point at the new file. */
  bodyHtml: string;
  /** Category record ids; the first is the article's category. */
  categories: string[];
  tags?: string[];
  /** ISO 8601; without an offset, in the source's time zone. */
  publishedAt: string;
  /** Only "published" is made public; the rest are kept as drafts or skipped (docs). */
  status: ImportStatus;
  author?: string;
  source?: string;
  featured?: boolean;
  /** File record id of the cover image. */
  cover?: string;
  coverAlt?: string;
  /** The old portal's view count of the article. */
  views?: number;
}

export interface PageRecord extends OldUrls {
  type: 'page';
  id: string;
  title: string;
  bodyHtml: string;
  slug?: string;
  /** Id of the parent page record (page hierarchy). */
  parent?: string | null;
  status: ImportStatus;
  position?: number;
}

export interface DocumentRecord extends OldUrls {
  type: 'document';
  id: string;
  /** Số, ký hiệu: "12/QĐ-UBND". */
  number: string;
  /** Trích yếu. */
  title: string;
  /** Loại văn bản: "Quyết định", "Thông báo"… */
  kind: string;
  /** Ngày ban hành, "YYYY-MM-DD". */
  issuedAt: string;
  issuer?: string;
  signer?: string;
  /** File record ids of its attached files. */
  files?: string[];
}

export interface CommentRecord {
  type: 'comment';
  id: string;
  /** Article record id. */
  article: string;
  /** Comment record id of the comment it answers. */
  parent?: string | null;
  author: string;
  /** Plain text (paragraphs separated by blank lines). */
  body: string;
  createdAt: string;
  /** Only approved comments are published. */
  status: 'approved' | 'pending' | 'spam' | 'trash';
}

/** Any other old address and the path of this site it should lead to (tag archives, old sections). */
export interface RedirectRecord {
  type: 'redirect';
  from: string;
  to: string;
}

/** The old portal's total visit counter, added to the site's counter base. */
export interface CounterRecord {
  type: 'counter';
  visits: number;
}
