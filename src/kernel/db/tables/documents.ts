import type { Generated, Selectable } from 'kysely';

/**
 * Văn bản (document library) and Góp ý dự thảo (drafts open for comment): row types.
 *
 * Dates of a document (ngày ban hành, ngày hiệu lực, hạn góp ý) are calendar days in Vietnam,
 * stored as "YYYY-MM-DD" text (no time, no zone). Timestamps are ISO-8601 UTC; flags are 0/1.
 */
export interface DocumentTypesTable {
  id: Generated<number>;
  site_id: number;
  /** "Nghị quyết", "Quyết định"…: each site manages its own list. */
  name: string;
  position: number;
  created_at: string;
}

/**
 * What a document is in force as. A draft ("du-thao") is open for citizens' comments until
 * `consultation_until` (inclusive, Vietnam calendar day); the Góp ý dự thảo section lists the
 * published drafts whose date has not passed and attaches its comments to the document id.
 */
export type DocumentStatus = 'con-hieu-luc' | 'het-hieu-luc' | 'du-thao';

export interface DocumentsTable {
  id: Generated<number>;
  site_id: number;
  /** Số / ký hiệu as shown: "22-NQ/TW", "123/QĐ-UBND" (NFC, letters upper-cased). */
  number: string;
  /** searchFold(number): "22 nq tw", "123 qd ubnd"; search by parts matches whole words here. */
  number_fold: string;
  /** The joined fold: "22nqtw"; unique per site; the article linker looks numbers up by it. */
  number_code: string;
  type_id: number;
  /** Cơ quan ban hành. */
  issuer: string;
  /** Người ký (with the post when known: "Tổng Bí thư Nông Đức Mạnh"). */
  signer: string;
  /** Ngày ban hành, "YYYY-MM-DD". */
  issued_on: string;
  /** Ngày hiệu lực, "YYYY-MM-DD"; null when not stated. */
  effective_on: string | null;
  /** Trích yếu: what the document is about. */
  title: string;
  /** Lĩnh vực (free text; the public filter lists the values in use). */
  field: string;
  status: DocumentStatus;
  /** Last day a draft takes comments ("YYYY-MM-DD"); null unless status is 'du-thao'. */
  consultation_until: string | null;
  /** 1: shown on the public site. */
  published: number;
  /** Cosmetic part of /van-ban/<slug>-<id>. */
  slug: string;
  /** " <fold of number, title, issuer, signer, field> ", padded with spaces for whole-word LIKE. */
  search_fold: string;
  created_at: string;
  updated_at: string;
  created_by: number | null;
  updated_by: number | null;
}

/** An attached file (PDF, DOC, DOCX) under <dataDir>/media/<site code>/van-ban/. */
export interface DocumentFilesTable {
  id: Generated<number>;
  site_id: number;
  document_id: number;
  /** The uploader's file name (NFC), given back in Content-Disposition. */
  original_name: string;
  /** Relative to <dataDir>/media, made by us: "honglinh/van-ban/<random>-<slug>.pdf". */
  disk_path: string;
  mime: string;
  ext: string;
  size_bytes: number;
  created_at: string;
}

/** Related documents: one row per direction, so each side lists the other. Same site only. */
export interface DocumentRelationsTable {
  site_id: number;
  document_id: number;
  related_id: number;
}

export interface DocumentsTables {
  document_types: DocumentTypesTable;
  documents: DocumentsTable;
  document_files: DocumentFilesTable;
  document_relations: DocumentRelationsTable;
}

export type DocumentTypeRow = Selectable<DocumentTypesTable>;
export type DocumentRow = Selectable<DocumentsTable>;
export type DocumentFileRow = Selectable<DocumentFilesTable>;
