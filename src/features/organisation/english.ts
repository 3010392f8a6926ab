import type { OrgAgencyRow, OrgPersonRow, OrgUnitRow } from '../../kernel/db/tables/organisation.js';

/**
 * Keeping the English texts honest. Each record stamps its Vietnamese side and its English side
 * separately, only when a text of that side actually changes; the English side is "out of date"
 * when its stamp is older than the Vietnamese one.
 */

/** The translatable fields of each kind of record: [Vietnamese column, English column, label]. */
export const AGENCY_TEXTS = [
  ['name', 'name_en', 'Tên cơ quan'],
  ['address', 'address_en', 'Địa chỉ'],
  ['hours', 'hours_en', 'Giờ làm việc'],
  ['duties', 'duties_en', 'Chức năng, nhiệm vụ'],
] as const;
export const UNIT_TEXTS = [
  ['name', 'name_en', 'Tên đơn vị'],
  ['duties', 'duties_en', 'Chức năng, nhiệm vụ'],
] as const;
export const PERSON_TEXTS = [['post', 'post_en', 'Chức vụ']] as const;

type Pairs = readonly (readonly [string, string, string])[];

export interface Stamps {
  vi_updated_at: string;
  en_updated_at: string | null;
}

/**
 * The stamps after a save. `before` is the stored row (null for a new one); `reviewed` is the
 * editor's "the English text is still right" tick, which renews the English stamp unchanged.
 */
export function nextStamps(pairs: Pairs, before: (Stamps & Record<string, unknown>) | null, after: Record<string, string>, now: string, reviewed = false): Stamps {
  const viChanged = !before || pairs.some(([vi]) => before[vi] !== after[vi]);
  const enChanged = before ? pairs.some(([, en]) => before[en] !== after[en]) : true;
  const hasEnglish = pairs.some(([, en]) => !!after[en]);
  return {
    vi_updated_at: viChanged ? now : before!.vi_updated_at,
    en_updated_at: !hasEnglish ? null : enChanged || reviewed ? now : before!.en_updated_at,
  };
}

export interface EnglishState {
  /** The English side is older than the Vietnamese side it translates. */
  stale: boolean;
  /** Labels of the texts written in Vietnamese but not in English. */
  missing: string[];
}

export function englishState(pairs: Pairs, row: Stamps & Record<string, unknown>): EnglishState {
  const missing = pairs.filter(([vi, en]) => !!row[vi] && !row[en]).map(([, , label]) => label);
  const stale = row.en_updated_at !== null && row.en_updated_at < row.vi_updated_at;
  return { stale, missing };
}

export const agencyEnglish = (r: OrgAgencyRow) => englishState(AGENCY_TEXTS, r as unknown as Stamps & Record<string, unknown>);
export const unitEnglish = (r: OrgUnitRow) => englishState(UNIT_TEXTS, r as unknown as Stamps & Record<string, unknown>);
export const personEnglish = (r: OrgPersonRow) => englishState(PERSON_TEXTS, r as unknown as Stamps & Record<string, unknown>);

export const needsWork = (s: EnglishState) => s.stale || s.missing.length > 0;
