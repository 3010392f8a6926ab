/**
 * The GeoJSON layer of a plan (RFC 7946), checked before it is stored: at most 100 KB (it is pasted
 * into a form, and the whole form must stay under the app's 256 KB body limit) and 5,000
 * features, only the geometry types Leaflet draws, WGS 84 coordinates inside their ranges. It is
 * stored re-serialised, so nothing but data survives (no script, no foreign members kept as HTML).
 */
export const GEOJSON_MAX_BYTES = 100 * 1024;
const MAX_FEATURES = 5000;
const TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon']);

type Checked = { ok: true; value: string | null } | { ok: false; message: string };

function position(p: unknown): boolean {
  return Array.isArray(p) && p.length >= 2 && p.length <= 3 && p.every((n) => typeof n === 'number' && Number.isFinite(n))
    && Math.abs(p[0] as number) <= 180 && Math.abs(p[1] as number) <= 90;
}

function coordinates(c: unknown, depth: number): boolean {
  if (depth === 0) return position(c);
  return Array.isArray(c) && c.length > 0 && c.every((x) => coordinates(x, depth - 1));
}

const DEPTH: Record<string, number> = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 };

function cleanFeature(f: unknown): { type: 'Feature'; properties: Record<string, string | number>; geometry: { type: string; coordinates: unknown } } | null {
  if (!f || typeof f !== 'object' || (f as { type?: unknown }).type !== 'Feature') return null;
  const g = (f as { geometry?: { type?: unknown; coordinates?: unknown } }).geometry;
  if (!g || typeof g.type !== 'string' || !TYPES.has(g.type) || !coordinates(g.coordinates, DEPTH[g.type]!)) return null;
  // Only short text and number properties are kept (a name, a land-use code, an area).
  const properties: Record<string, string | number> = {};
  const raw = (f as { properties?: unknown }).properties;
  if (raw && typeof raw === 'object') {
    for (const [k, v] of Object.entries(raw).slice(0, 20)) {
      if (typeof v === 'number' && Number.isFinite(v)) properties[k.slice(0, 50)] = v;
      else if (typeof v === 'string') properties[k.slice(0, 50)] = v.normalize('NFC').slice(0, 200);
    }
  }
  return { type: 'Feature', properties, geometry: { type: g.type, coordinates: g.coordinates } };
}

export function checkGeojson(raw: string): Checked {
  const text = raw.trim();
  if (!text) return { ok: true, value: null };
  if (Buffer.byteLength(text) > GEOJSON_MAX_BYTES) return { ok: false, message: 'Lớp GeoJSON quá lớn: tối đa 100 KB. Hãy giản lược hình trước khi dán.' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: 'Lớp GeoJSON không đọc được: nội dung không phải JSON hợp lệ.' };
  }
  const features = (data as { type?: unknown }).type === 'FeatureCollection' ? (data as { features?: unknown }).features : [data];
  if (!Array.isArray(features) || features.length === 0) return { ok: false, message: 'Lớp GeoJSON phải là một FeatureCollection có ít nhất một đối tượng.' };
  if (features.length > MAX_FEATURES) return { ok: false, message: `Lớp GeoJSON có quá nhiều đối tượng: tối đa ${MAX_FEATURES.toLocaleString('vi-VN')}.` };
  const clean = features.map(cleanFeature);
  const bad = clean.findIndex((f) => f === null);
  if (bad >= 0) return { ok: false, message: `Đối tượng thứ ${bad + 1} của lớp GeoJSON không hợp lệ: cần kiểu Point, LineString, Polygon (hoặc Multi…) với toạ độ kinh độ, vĩ độ WGS 84.` };
  return { ok: true, value: JSON.stringify({ type: 'FeatureCollection', features: clean }) };
}
