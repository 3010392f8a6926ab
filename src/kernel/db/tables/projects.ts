import type { Generated, Selectable } from 'kysely';

/**
 * Dự án – Đấu thầu – GPMB (Luật Thực hiện dân chủ ở cơ sở 2022 Điều 11 khoản 3): investment
 * projects of the ward, their bidding notices and land-recovery and compensation plans, and the
 * files of both. Days "YYYY-MM-DD" (Vietnam); timestamps ISO-8601 UTC; flags 0/1.
 */
export type ProjectStatus = 'chuan-bi' | 'dang-thuc-hien' | 'tam-dung' | 'hoan-thanh';
/** Thông báo mời thầu, kết quả lựa chọn nhà thầu, thông báo thu hồi đất, phương án bồi thường – hỗ trợ – tái định cư. */
export type NoticeKind = 'moi-thau' | 'ket-qua-thau' | 'thu-hoi-dat' | 'boi-thuong';

export interface ProjectsTable {
  id: Generated<number>;
  site_id: number;
  name: string;
  slug: string;
  /** Chủ đầu tư. */
  investor: string;
  /** Tổng mức đầu tư in đồng; null when not yet approved. */
  capital_vnd: number | null;
  /** Nguồn vốn ("Ngân sách phường", "Ngân sách tỉnh hỗ trợ"). */
  capital_source: string;
  /** Địa điểm. */
  location: string;
  start_on: string | null;
  finish_on: string | null;
  /** Tiến độ, 0–100 %. */
  progress: number;
  status: ProjectStatus;
  summary: string;
  published: number;
  created_at: string;
  updated_at: string;
  created_by: number | null;
  updated_by: number | null;
}

export interface ProjectNoticesTable {
  id: Generated<number>;
  site_id: number;
  project_id: number;
  kind: NoticeKind;
  title: string;
  issued_on: string;
  /** Hạn nộp hồ sơ dự thầu, hạn kê khai, hạn nhận ý kiến…; null when none. */
  deadline_on: string | null;
  body: string;
  created_at: string;
  updated_at: string;
}

/** A file of a project (notice_id null) or of one of its notices, under <dataDir>/media/<site>/du-an/. */
export interface ProjectFilesTable {
  id: Generated<number>;
  site_id: number;
  project_id: number;
  notice_id: number | null;
  original_name: string;
  disk_path: string;
  mime: string;
  ext: string;
  size_bytes: number;
  created_at: string;
}

export interface ProjectsTables {
  projects: ProjectsTable;
  project_notices: ProjectNoticesTable;
  project_files: ProjectFilesTable;
}

export type ProjectRow = Selectable<ProjectsTable>;
export type ProjectNoticeRow = Selectable<ProjectNoticesTable>;
export type ProjectFileRow = Selectable<ProjectFilesTable>;
