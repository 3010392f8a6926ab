/** Checks shared by the map settings and its markers. */

/** Roughly Vietnam, islands included: a centre or a marker outside is a typing mistake. */
export const VN_BOUNDS = { minLat: 8, maxLat: 24, minLng: 102, maxLng: 110 };

/** A decimal degree as typed ("18.5395" or, Vietnamese style, "18,5395"); null when not a number. */
export function parseDegree(raw: string): number | null {
  const s = raw.trim().replace(',', '.');
  if (!/^-?\d{1,3}(\.\d{1,10})?$/.test(s)) return null;
  return Number(s);
}

export function latitudeError(raw: string): string | undefined {
  const v = parseDegree(raw);
  if (!raw.trim()) return 'Vui lòng nhập vĩ độ.';
  if (v === null) return 'Vĩ độ phải là số thập phân, ví dụ 18.5395.';
  if (v < VN_BOUNDS.minLat || v > VN_BOUNDS.maxLat) return `Vĩ độ phải nằm trong lãnh thổ Việt Nam (từ ${VN_BOUNDS.minLat} đến ${VN_BOUNDS.maxLat} độ Bắc).`;
  return undefined;
}

export function longitudeError(raw: string): string | undefined {
  const v = parseDegree(raw);
  if (!raw.trim()) return 'Vui lòng nhập kinh độ.';
  if (v === null) return 'Kinh độ phải là số thập phân, ví dụ 105.7105.';
  if (v < VN_BOUNDS.minLng || v > VN_BOUNDS.maxLng) return `Kinh độ phải nằm trong lãnh thổ Việt Nam (từ ${VN_BOUNDS.minLng} đến ${VN_BOUNDS.maxLng} độ Đông).`;
  return undefined;
}

/** An https tile template with {z}, {x} and {y}, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png */
export function tileUrlError(raw: string): string | undefined {
  const s = raw.trim();
  if (!s) return 'Vui lòng nhập địa chỉ nguồn bản đồ.';
  if (s.length > 500) return 'Địa chỉ nguồn bản đồ dài tối đa 500 ký tự.';
  let u: URL | null = null;
  try {
    u = new URL(s.replace(/\{[a-z]\}/g, 'a'));
  } catch {
    u = null;
  }
  if (!u || u.protocol !== 'https:' || !s.toLowerCase().startsWith('https://')) return 'Địa chỉ nguồn bản đồ phải bắt đầu bằng https://.';
  if (u.username || u.password || /[\s"'<>]/.test(s)) return 'Địa chỉ nguồn bản đồ không hợp lệ.';
  if (!['{z}', '{x}', '{y}'].every((p) => s.includes(p))) return 'Địa chỉ nguồn bản đồ phải chứa {z}, {x} và {y}.';
  return undefined;
}
