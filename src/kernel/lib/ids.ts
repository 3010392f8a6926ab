/**
 * Row ids as they appear in addresses, query strings and forms: 1 to 12 ASCII digits. Twelve
 * digits stay well inside the exact range of a JavaScript number and of every id column, and a
 * strict spelling means "1e3", " 7" or "0x1F" never reach a row that "1000", "7" or "31" names.
 * This is the one place that spells the rule; the route schemas and parsers below are built on it.
 */
const DIGITS = '\\d{1,12}';

/** The JSON-schema pattern of an id in a path or a query string. */
export const ID_PATTERN = `^${DIGITS}$`;
/** "/<slug>-<id>" addresses (and the bare "<id>"): the id routes, the slug is only canonicalised. */
export const SLUG_ID_PATTERN = `^(?:.*-)?${DIGITS}$`;

const ID = new RegExp(ID_PATTERN);
const SLUG_ID = new RegExp(SLUG_ID_PATTERN);
/** "<value>~<id>": where a keyset-paginated list continues (the row's sort value, then its id). */
const CURSOR = new RegExp(`^(.+)~(${DIGITS})$`);

/** True for the text of an id (kept as text where the column is text, such as legacy ids). */
export function isId(raw: unknown): raw is string {
  return typeof raw === 'string' && ID.test(raw);
}

/** The id a value spells, or null. */
export function parseId(raw: unknown): number | null {
  return isId(raw) ? Number(raw) : null;
}

/**
 * "nam-hong-linh-12" → { slug: "nam-hong-linh", id: 12 }; "12" → { slug: undefined, id: 12 }.
 * For a value that fits SLUG_ID_PATTERN (its route schema checked it); see parseSlugId otherwise.
 */
export function splitSlugId(value: string): { slug: string | undefined; id: number } {
  const dash = value.lastIndexOf('-');
  return { slug: dash < 0 ? undefined : value.slice(0, dash), id: Number(value.slice(dash + 1)) };
}

/** The slug and id of any text, or null when it is not "<slug>-<id>". */
export function parseSlugId(raw: string): { slug: string | undefined; id: number } | null {
  return SLUG_ID.test(raw) ? splitSlugId(raw) : null;
}

/** A "sau=<value>~<id>" cursor, or null when it is not one. */
export function parseCursor(raw: unknown): { value: string; id: number } | null {
  const m = typeof raw === 'string' ? CURSOR.exec(raw) : null;
  return m ? { value: m[1]!, id: Number(m[2]) } : null;
}
