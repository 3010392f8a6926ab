import type { Generated, Selectable } from 'kysely';

/**
 * Công khai ngân sách (Luật Ngân sách nhà nước 2015 Điều 15, Thông tư 343/2016/TT-BTC, Luật Thực
 * hiện dân chủ ở cơ sở 2022 Điều 11 khoản 2): row types. Days are Vietnam calendar days stored as
 * "YYYY-MM-DD"; timestamps ISO-8601 UTC; flags 0/1.
 */
export type BudgetKind = 'du-toan' | 'thuc-hien' | 'quyet-toan';
/** 'nam' for dự toán, quyết toán and the year's execution; quarters and the half year for execution. */
export type BudgetPeriod = 'nam' | 'q1' | 'q2' | '6-thang' | 'q3' | 'q4';

export interface BudgetReportsTable {
  id: Generated<number>;
  site_id: number;
  /** Năm ngân sách. */
  fiscal_year: number;
  kind: BudgetKind;
  period: BudgetPeriod;
  /** The form of Thông tư 343/2016 it follows ("Biểu số 117/CK-NSNN"). */
  form_name: string;
  title: string;
  /** Ngày HĐND quyết định dự toán / phê chuẩn quyết toán: the legal deadline counts from it. */
  basis_on: string | null;
  /** Ngày công khai. */
  published_on: string;
  note: string;
  /** 1: shown on the public site. */
  published: number;
  created_at: string;
  updated_at: string;
  created_by: number | null;
  updated_by: number | null;
}

/** An attached file (PDF, XLSX, XLS, DOCX) under <dataDir>/media/<site code>/ngan-sach/. */
export interface BudgetReportFilesTable {
  id: Generated<number>;
  site_id: number;
  report_id: number;
  original_name: string;
  disk_path: string;
  mime: string;
  ext: string;
  size_bytes: number;
  created_at: string;
}

export interface BudgetTables {
  budget_reports: BudgetReportsTable;
  budget_report_files: BudgetReportFilesTable;
}

export type BudgetReportRow = Selectable<BudgetReportsTable>;
export type BudgetFileRow = Selectable<BudgetReportFilesTable>;
