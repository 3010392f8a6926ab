import type { ArticleRecord, CategoryRecord, CommentRecord, DocumentRecord, FileRecord, ImportStatus, PageRecord } from './records.js';

/**
 * The records of one import after reading and checking: texts cleaned (NFC, out of TCVN3/VNI),
 * dates turned into UTC instants, ids as strings, each with the line it came from.
 */
export interface Line {
  line: number;
  oldUrls: string[];
}

export type CleanCategory = Line & Required<Pick<CategoryRecord, 'id' | 'name'>> & { slug: string | null; parent: string | null };
export type CleanFile = Line & Required<Pick<FileRecord, 'id' | 'path'>> & { title: string; alt: string };
export type CleanArticle = Line &
  Pick<ArticleRecord, 'id' | 'title' | 'bodyHtml' | 'categories' | 'status'> & {
    sapo: string;
    publishedAt: string;
    author: string;
    source: string;
    featured: boolean;
    cover: string | null;
    coverAlt: string;
    views: number | null;
  };
export type CleanPage = Line & Pick<PageRecord, 'id' | 'title' | 'bodyHtml' | 'status'> & { slug: string | null; parent: string | null; position: number | null };
export type CleanDocument = Line &
  Pick<DocumentRecord, 'id' | 'title' | 'kind'> & { number: string; issuedOn: string; issuer: string; signer: string; files: string[] };
export type CleanComment = Omit<Line, 'oldUrls'> &
  Pick<CommentRecord, 'id' | 'article' | 'author' | 'body' | 'status'> & { parent: string | null; createdAt: string };
export interface CleanRedirect extends Omit<Line, 'oldUrls'> {
  from: string;
  to: string;
}

export interface ImportPlan {
  source: { id: string; host: string; timezone: string };
  categories: Map<string, CleanCategory>;
  files: Map<string, CleanFile>;
  articles: Map<string, CleanArticle>;
  pages: Map<string, CleanPage>;
  documents: Map<string, CleanDocument>;
  comments: Map<string, CleanComment>;
  redirects: CleanRedirect[];
  counter: { line: number; visits: number } | null;
  /** Records read, the source line excepted. */
  total: number;
}

export type { ImportStatus };
