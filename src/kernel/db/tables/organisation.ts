import type { Generated, Selectable } from 'kysely';

/**
 * Giới thiệu (organisation, leaders, contacts) and the English section: row types.
 *
 * Every Vietnamese text shown publicly has its English counterpart in the same row (`*_en`), so
 * the two cannot drift apart unnoticed: each side keeps the time its texts last changed
 * (`vi_updated_at`, `en_updated_at`), and the back office lists the rows whose English side is
 * older than the Vietnamese one. Names of people are proper nouns, the same in both languages.
 */
export interface OrganisationTables {
  org_agency: OrgAgencyTable;
  org_units: OrgUnitsTable;
  org_people: OrgPeopleTable;
}

/** The agency itself (the People's Committee): one row per site. */
export interface OrgAgencyTable {
  site_id: number;
  name: string;
  name_en: string;
  address: string;
  address_en: string;
  phone: string;
  fax: string;
  email: string;
  website: string;
  /** Giờ làm việc: plain text, one line per period. */
  hours: string;
  hours_en: string;
  /** Chức năng, nhiệm vụ: plain text; blank-line separated paragraphs, "- " lines become a list. */
  duties: string;
  duties_en: string;
  vi_updated_at: string;
  /** Null while nothing has been written in English. */
  en_updated_at: string | null;
  updated_at: string;
}

/** Đơn vị / bộ phận: a tree ordered by position among siblings. */
export interface OrgUnitsTable {
  id: Generated<number>;
  site_id: number;
  parent_id: number | null;
  position: number;
  name: string;
  name_en: string;
  /** Chức năng, nhiệm vụ of the unit, short plain text. */
  duties: string;
  duties_en: string;
  phone: string;
  email: string;
  vi_updated_at: string;
  en_updated_at: string | null;
  created_at: string;
  updated_at: string;
}

/** Cán bộ, lãnh đạo. */
export interface OrgPeopleTable {
  id: Generated<number>;
  site_id: number;
  unit_id: number | null;
  position: number;
  full_name: string;
  /** Chức vụ. */
  post: string;
  post_en: string;
  phone: string;
  email: string;
  photo_media_id: number | null;
  /** 1: shown on the leaders page (lãnh đạo). */
  is_leader: number;
  vi_updated_at: string;
  en_updated_at: string | null;
  created_at: string;
  updated_at: string;
}

export type OrgAgencyRow = Selectable<OrgAgencyTable>;
export type OrgUnitRow = Selectable<OrgUnitsTable>;
export type OrgPersonRow = Selectable<OrgPeopleTable>;
