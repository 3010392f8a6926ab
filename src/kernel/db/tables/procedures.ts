import type { Generated, Selectable } from 'kysely';

/** Thủ tục hành chính (administrative procedures): row types. */
export interface ProceduresTables {
  procedures: ProceduresTable;
}

/** One administrative procedure as the commune publishes it, linked to the national portal. */
export interface ProceduresTable {
  id: Generated<number>;
  site_id: number;
  /** Tên thủ tục */
  title: string;
  slug: string;
  /** Mã thủ tục on the national database, e.g. "1.001193". */
  code: string;
  /** Lĩnh vực, one of PROCEDURE_FIELDS. */
  field: string;
  /** Cấp thực hiện, e.g. "Cấp xã". */
  level: string;
  /** Thời hạn giải quyết */
  duration: string;
  /** Phí, lệ phí */
  fee: string;
  /** Thành phần hồ sơ, plain text with line breaks. */
  dossier: string;
  /** Cách thức thực hiện, plain text with line breaks. */
  method: string;
  /** https link to the procedure on the national public service portal. */
  portal_url: string;
  /** '' (none), 'toan-trinh' or 'mot-phan'. */
  online_level: string;
  position: number;
  published: number;
  /** searchFold of title, code and field: the public search box looks here. */
  search_text: string;
  created_at: string;
  updated_at: string;
}

export type ProcedureRow = Selectable<ProceduresTable>;
