import { searchFold, slugify } from '../../kernel/lib/text.js';

/**
 * Deterministic answers to the name clashes of a merge: a slug already used on the target gets the
 * first free "-2", "-3"… suffix, in the order the old site's rows are walked (position, then id),
 * so the dry run and the merge itself give the same names.
 */
export class SlugSet {
  private readonly taken: Set<string>;
  constructor(slugs: Iterable<string>) {
    this.taken = new Set(slugs);
  }

  /** The slug itself when free, else the first free suffixed one; either way it is now taken. */
  claim(slug: string): string {
    let out = slug;
    for (let n = 2; this.taken.has(out); n++) out = `${slug}-${n}`;
    this.taken.add(out);
    return out;
  }
}

/** How names are compared when mapping onto the target's own (case, accents and punctuation ignored). */
export const nameKey = (name: string): string => searchFold(name);

/**
 * The unit an old site stood for, from its site name: "Cổng thông tin điện tử thị xã Hồng Lĩnh"
 * → "Thị xã Hồng Lĩnh" (the parent category that holds its categories on the target).
 */
export function unitName(siteName: string): string {
  const rest = siteName.normalize('NFC').replace(/^(cổng|trang)\s+thông\s+tin(\s+điện\s+tử)?\s+/iu, '').trim() || siteName.trim();
  return rest.charAt(0).toLocaleUpperCase('vi') + rest.slice(1);
}

export const unitSlug = (siteName: string): string => slugify(unitName(siteName)) || 'don-vi-cu';
