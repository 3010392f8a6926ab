import type { Generated, Selectable } from 'kysely';

/**
 * Quy hoạch – Kế hoạch (Luật Thực hiện dân chủ ở cơ sở 2022 Điều 11 khoản 3): approved plans of
 * the ward, their plan maps and documents, and an optional GeoJSON layer. Days "YYYY-MM-DD".
 */
export type PlanKind = 'quy-hoach' | 'ke-hoach-su-dung-dat' | 'ke-hoach-kt-xh' | 'khac';

export interface PlansTable {
  id: Generated<number>;
  site_id: number;
  kind: PlanKind;
  title: string;
  slug: string;
  /** Quyết định phê duyệt ("Quyết định số 1234/QĐ-UBND"). */
  decision: string;
  approved_on: string | null;
  /** Thời kỳ ("2021–2030", "năm 2026"). */
  period: string;
  summary: string;
  /** A FeatureCollection, checked and size-capped; null without a layer. */
  geojson: string | null;
  published: number;
  created_at: string;
  updated_at: string;
  created_by: number | null;
  updated_by: number | null;
}

/** A plan map (PNG, JPEG, PDF) or document, under <dataDir>/media/<site>/quy-hoach/. */
export interface PlanFilesTable {
  id: Generated<number>;
  site_id: number;
  plan_id: number;
  original_name: string;
  disk_path: string;
  mime: string;
  ext: string;
  size_bytes: number;
  created_at: string;
}

export interface PlansTables {
  plans: PlansTable;
  plan_files: PlanFilesTable;
}

export type PlanRow = Selectable<PlansTable>;
export type PlanFileRow = Selectable<PlanFilesTable>;
