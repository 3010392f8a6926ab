import type { MapOfficeRow } from '../../../kernel/db/schema.js';
import type { Frame } from '../../../kernel/views/public/frame.js';
import { urls } from '../../../kernel/http/urls.js';
import { Layout } from '../../../kernel/views/public/layout.js';

/**
 * The map page: Leaflet (loaded by map.js) draws tiles from the site's configured tile URL.
 * The static map is inside the map box from the start, so it is what people without JS, or
 * whose tiles do not load, see; the offices are also listed as text.
 */
/** A GeoJSON layer drawn over the map (a plan of Quy hoạch – Kế hoạch), with the page it belongs to. */
export interface MapLayer {
  title: string;
  url: string;
  href: string;
}

export function MapPage({ frame, offices, layers = [] }: { frame: Frame; offices: MapOfficeRow[]; layers?: MapLayer[] }) {
  const m = frame.site.settings.map;
  const config = {
    center: m.center,
    zoom: m.zoom,
    tileUrl: m.tileUrl,
    attribution: m.tileAttribution,
    offices: offices.map((o, i) => ({ n: i + 1, name: o.name, address: o.address, lat: o.lat, lng: o.lng })),
    layers: layers.map((l) => ({ title: l.title, url: l.url })),
  };
  return (
    <Layout
      frame={frame}
      meta={{ title: m.title, canonicalPath: urls.map(), styles: ['map.css'], scripts: ['map.js'], description: `${m.title}: vị trí và địa chỉ các cơ quan.` }}
      crumbs={[{ name: 'Trang chủ', href: '/' }, { name: m.title, href: urls.map() }]}
      wide
    >
      <h1 class="page-title">{m.title}</h1>
      <div class="map-box" data-map={JSON.stringify(config)}>
        <img class="map-static" src={urls.staticMap()} width={600} height={400} alt={`${m.title} (bản đồ tĩnh): vị trí các cơ quan đánh số theo danh sách bên dưới`} />
      </div>
      <p class="map-status muted" data-map-status aria-live="polite"></p>
      <h2 class="section-title">Địa chỉ các cơ quan</h2>
      <ol class="offices">
        {offices.map((o) => (
          <li>
            <strong>{o.name}</strong>
            <br />
            {o.address}
            {o.phone && <> · Điện thoại: <a href={`tel:${o.phone.replace(/[^\d+]/g, '')}`}>{o.phone}</a></>}
          </li>
        ))}
      </ol>
      {layers.length > 0 && (
        <>
          <h2 class="section-title">Lớp quy hoạch trên bản đồ</h2>
          <ul class="title-list map-layers">
            {layers.map((l) => <li><a href={l.href}>{l.title}</a> (<a href={l.url} download>tải lớp GeoJSON</a>)</li>)}
          </ul>
        </>
      )}
    </Layout>
  );
}

/** A schematic map drawn from the offices' coordinates; needs no tiles and no network. */
export function StaticMapSvg({ title, offices, center }: { title: string; offices: MapOfficeRow[]; center: [number, number] }) {
  const W = 600;
  const H = 400;
  const pad = 50;
  const lats = [center[0], ...offices.map((o) => o.lat)];
  const lngs = [center[1], ...offices.map((o) => o.lng)];
  const minLat = Math.min(...lats) - 0.002;
  const maxLat = Math.max(...lats) + 0.002;
  const minLng = Math.min(...lngs) - 0.002;
  const maxLng = Math.max(...lngs) + 0.002;
  const scale = Math.min((W - 2 * pad) / (maxLng - minLng), (H - 2 * pad) / (maxLat - minLat));
  const x = (lng: number) => pad + (lng - minLng) * scale;
  const y = (lat: number) => H - pad - (lat - minLat) * scale;
  return (
    <svg xmlns="http://www.w3.org/2000/svg" viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img">
      <title>{title}</title>
      <rect width={W} height={H} fill="#eef4e8" />
      <path d={`M0 ${H * 0.72} C ${W * 0.3} ${H * 0.6}, ${W * 0.6} ${H * 0.9}, ${W} ${H * 0.78}`} stroke="#9cc3e6" stroke-width="14" fill="none" />
      <path d={`M${W * 0.05} ${H * 0.25} L ${W * 0.95} ${H * 0.35}`} stroke="#ffffff" stroke-width="8" fill="none" />
      <path d={`M${W * 0.45} 0 L ${W * 0.55} ${H}`} stroke="#ffffff" stroke-width="6" fill="none" />
      <text x="12" y="24" font-family="sans-serif" font-size="16" font-weight="bold" fill="#7a0c0c">{title}</text>
      {offices.map((o, i) => (
        <g>
          <circle cx={x(o.lng)} cy={y(o.lat)} r="11" fill="#c8102e" stroke="#fff" stroke-width="2" />
          <text x={x(o.lng)} y={y(o.lat) + 4} text-anchor="middle" font-family="sans-serif" font-size="11" font-weight="bold" fill="#fff">{i + 1}</text>
          <text x={x(o.lng) + 15} y={y(o.lat) + 4} font-family="sans-serif" font-size="11" fill="#222">{o.name}</text>
        </g>
      ))}
      <text x={W - 10} y={H - 10} text-anchor="end" font-family="sans-serif" font-size="10" fill="#555">Sơ đồ minh họa, không theo tỷ lệ chính xác</text>
    </svg>
  );
}
