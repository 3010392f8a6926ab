import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../../kernel/db/connection.js';
import type { Database } from '../../kernel/db/schema.js';
import type { DocumentFileRow, DocumentRow, DocumentTypeRow } from '../../kernel/db/tables/documents.js';
import { sortVietnamese } from '../../kernel/lib/vi-collate.js';

/** Queries of the document library; every function takes the site and scopes by it. */

export type DocumentListItem = Pick<DocumentRow, 'id' | 'slug' | 'number' | 'title' | 'issuer' | 'issued_on' | 'effective_on' | 'status' | 'field' | 'published' | 'updated_at'> & { type_name: string };

export interface DocumentFilter {
  typeId?: number;
  issuer?: string;
  field?: string;
  year?: number;
  status?: string;
  /** Folded clauses of a search (src/kernel/search/query.ts): each must match. */
  clauses?: string[][];
  /** Only what the public may see (the default). */
  publishedOnly?: boolean;
  /** Issued on or after / on or before these days (YYYY-MM-DD). */
  issuedFrom?: string;
  issuedTo?: string;
}

type Eb = ExpressionBuilder<Database, 'documents'>;

/**
 * One clause of a search: a single word matches a whole word (a number) or the start of a word
 * (text) anywhere in the document's fold, or the whole joined number ("22nqtw"); several words
 * (a phrase, or a number typed joined: "QĐ-UBND" → "qd ubnd") match as consecutive whole words.
 */
function clauseMatch(eb: Eb, clause: string[]) {
  if (clause.length > 1) return eb('documents.search_fold', 'like', `% ${clause.join(' ')} %`);
  const t = clause[0]!;
  if (/^\d+$/.test(t)) return eb('documents.search_fold', 'like', `% ${t} %`);
  return eb.or([eb('documents.search_fold', 'like', `% ${t}%`), eb('documents.number_code', '=', t)]);
}

function filtered(db: Db, siteId: number, f: DocumentFilter) {
  let q = db.selectFrom('documents').innerJoin('document_types', 'document_types.id', 'documents.type_id').where('documents.site_id', '=', siteId);
  if (f.publishedOnly !== false) q = q.where('documents.published', '=', 1);
  if (f.typeId) q = q.where('documents.type_id', '=', f.typeId);
  if (f.issuer) q = q.where('documents.issuer', '=', f.issuer);
  if (f.field) q = q.where('documents.field', '=', f.field);
  if (f.status) q = q.where('documents.status', '=', f.status as DocumentRow['status']);
  if (f.year) q = q.where('documents.issued_on', '>=', `${f.year}-01-01`).where('documents.issued_on', '<=', `${f.year}-12-31`);
  if (f.issuedFrom) q = q.where('documents.issued_on', '>=', f.issuedFrom);
  if (f.issuedTo) q = q.where('documents.issued_on', '<=', f.issuedTo);
  for (const c of f.clauses ?? []) q = q.where((eb) => clauseMatch(eb as unknown as Eb, c));
  return q;
}

const LIST_COLUMNS = ['documents.id', 'documents.slug', 'documents.number', 'documents.title', 'documents.issuer', 'documents.issued_on', 'documents.effective_on', 'documents.status', 'documents.field', 'documents.published', 'documents.updated_at', 'document_types.name as type_name'] as const;

/**
 * The documents after `after` in the list's order (newest issue date first), without a count:
 * keyset paging for the open data API, so that documents added meanwhile neither repeat nor hide others.
 */
export async function listDocumentsAfter(db: Db, siteId: number, f: DocumentFilter, after: { issuedOn: string; id: number } | null, limit: number): Promise<DocumentListItem[]> {
  let q = filtered(db, siteId, f);
  if (after) q = q.where((eb) => eb.or([eb('documents.issued_on', '<', after.issuedOn), eb.and([eb('documents.issued_on', '=', after.issuedOn), eb('documents.id', '<', after.id)])]));
  return q.select([...LIST_COLUMNS]).orderBy('documents.issued_on', 'desc').orderBy('documents.id', 'desc').limit(limit).execute();
}

export async function listDocuments(db: Db, siteId: number, f: DocumentFilter, limit: number, offset = 0): Promise<{ items: DocumentListItem[]; total: number }> {
  const [items, count] = await Promise.all([
    filtered(db, siteId, f)
      .select([...LIST_COLUMNS])
      .orderBy('documents.issued_on', 'desc')
      .orderBy('documents.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    filtered(db, siteId, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** The values the public filters offer: issuers, fields and years of published documents. */
export async function filterOptions(db: Db, siteId: number): Promise<{ issuers: string[]; fields: string[]; years: number[] }> {
  const rows = await db.selectFrom('documents').select(['issuer', 'field', 'issued_on']).where('site_id', '=', siteId).where('published', '=', 1).execute();
  const sorted = (xs: string[]) => sortVietnamese([...new Set(xs.filter(Boolean))]);
  return {
    issuers: sorted(rows.map((r) => r.issuer)),
    fields: sorted(rows.map((r) => r.field)),
    years: [...new Set(rows.map((r) => Number(r.issued_on.slice(0, 4))))].sort((a, b) => b - a),
  };
}

export async function listTypes(db: Db, siteId: number): Promise<DocumentTypeRow[]> {
  return db.selectFrom('document_types').selectAll().where('site_id', '=', siteId).orderBy('position').orderBy('id').execute();
}

export async function findType(db: Db, siteId: number, id: number): Promise<DocumentTypeRow | undefined> {
  return db.selectFrom('document_types').selectAll().where('site_id', '=', siteId).where('id', '=', id).executeTakeFirst();
}

export type DocumentWithType = DocumentRow & { type_name: string };

export async function findDocument(db: Db, siteId: number, id: number, publishedOnly = true): Promise<DocumentWithType | undefined> {
  let q = db
    .selectFrom('documents')
    .innerJoin('document_types', 'document_types.id', 'documents.type_id')
    .selectAll('documents')
    .select('document_types.name as type_name')
    .where('documents.site_id', '=', siteId)
    .where('documents.id', '=', id);
  if (publishedOnly) q = q.where('documents.published', '=', 1);
  return q.executeTakeFirst();
}

export async function findByCode(db: Db, siteId: number, code: string): Promise<Pick<DocumentRow, 'id' | 'number'> | undefined> {
  return db.selectFrom('documents').select(['id', 'number']).where('site_id', '=', siteId).where('number_code', '=', code).executeTakeFirst();
}

/** Published documents whose joined number is one of `codes` (the article linker's one query). */
export async function findPublishedByCodes(db: Db, siteId: number, codes: string[]): Promise<Pick<DocumentRow, 'id' | 'slug' | 'number' | 'number_code' | 'title'>[]> {
  if (!codes.length) return [];
  return db
    .selectFrom('documents')
    .select(['id', 'slug', 'number', 'number_code', 'title'])
    .where('site_id', '=', siteId)
    .where('published', '=', 1)
    .where('number_code', 'in', codes)
    .execute();
}

export async function listFiles(db: Db, siteId: number, documentId: number): Promise<DocumentFileRow[]> {
  return db.selectFrom('document_files').selectAll().where('site_id', '=', siteId).where('document_id', '=', documentId).orderBy('id').execute();
}

export async function findFile(db: Db, siteId: number, id: number): Promise<DocumentFileRow | undefined> {
  return db.selectFrom('document_files').selectAll().where('site_id', '=', siteId).where('id', '=', id).executeTakeFirst();
}

export async function listRelated(db: Db, siteId: number, documentId: number, publishedOnly = true): Promise<DocumentListItem[]> {
  let q = db
    .selectFrom('document_relations')
    .innerJoin('documents', 'documents.id', 'document_relations.related_id')
    .innerJoin('document_types', 'document_types.id', 'documents.type_id')
    .select(['documents.id', 'documents.slug', 'documents.number', 'documents.title', 'documents.issuer', 'documents.issued_on', 'documents.effective_on', 'documents.status', 'documents.field', 'documents.published', 'documents.updated_at', 'document_types.name as type_name'])
    .where('document_relations.site_id', '=', siteId)
    .where('documents.site_id', '=', siteId)
    .where('document_relations.document_id', '=', documentId);
  if (publishedOnly) q = q.where('documents.published', '=', 1);
  return q.orderBy('documents.issued_on', 'desc').orderBy('documents.id', 'desc').execute();
}

/** Every document of the site, for the related-documents picker (small per site). */
export async function listAllForPicker(db: Db, siteId: number): Promise<Pick<DocumentRow, 'id' | 'number' | 'title' | 'issued_on'>[]> {
  return db.selectFrom('documents').select(['id', 'number', 'title', 'issued_on']).where('site_id', '=', siteId).orderBy('issued_on', 'desc').orderBy('id', 'desc').execute();
}

export async function listForSitemap(db: Db, siteId: number): Promise<Pick<DocumentRow, 'id' | 'slug' | 'updated_at'>[]> {
  return db.selectFrom('documents').select(['id', 'slug', 'updated_at']).where('site_id', '=', siteId).where('published', '=', 1).orderBy('issued_on', 'desc').limit(4000).execute();
}
