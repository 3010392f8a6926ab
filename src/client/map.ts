/**
 * The interactive map over the static one. Tiles come from the site's configured tile server;
 * when none has loaded after a few seconds (offline, blocked), the static map stays visible.
 */
import L from 'leaflet';

interface MapConfig {
  center: [number, number];
  zoom: number;
  tileUrl: string;
  attribution: string;
  offices: { n: number; name: string; address: string; lat: number; lng: number }[];
  /** GeoJSON layers of the site's plans, fetched from our own origin (connect-src 'self'). */
  layers?: { title: string; url: string }[];
}

const box = document.querySelector<HTMLElement>('[data-map]');
const status = document.querySelector<HTMLElement>('[data-map-status]');
if (box) {
  const cfg = JSON.parse(box.dataset.map ?? '{}') as MapConfig;
  const canvas = document.createElement('div');
  canvas.className = 'map-canvas';
  canvas.setAttribute('role', 'region');
  canvas.setAttribute('aria-label', 'Bản đồ tương tác');
  box.appendChild(canvas);
  const map = L.map(canvas).setView(cfg.center, cfg.zoom);
  let loaded = 0;
  // Leaflet puts the attribution in as HTML; the setting is plain text, so it goes in escaped.
  const attribution = document.createElement('span');
  attribution.textContent = cfg.attribution;
  const layer = L.tileLayer(cfg.tileUrl, { attribution: attribution.innerHTML, maxZoom: 19 });
  layer.on('tileload', () => {
    loaded++;
    box.classList.add('map-live');
  });
  layer.addTo(map);
  for (const o of cfg.offices) {
    const icon = L.divIcon({ className: 'map-pin', html: `<span>${o.n}</span>`, iconSize: [26, 26] });
    const marker = L.marker([o.lat, o.lng], { icon, title: o.name, alt: o.name }).addTo(map);
    const popup = document.createElement('div');
    const strong = document.createElement('strong');
    strong.textContent = o.name;
    popup.append(strong, document.createElement('br'), o.address);
    marker.bindPopup(popup);
  }
  for (const l of cfg.layers ?? []) {
    fetch(l.url)
      .then((r) => (r.ok ? r.json() : null))
      .then((data: unknown) => {
        if (!data) return;
        L.geoJSON(data as GeoJSON.GeoJsonObject, { style: { color: '#a30d1d', weight: 2, fillOpacity: 0.2 } })
          .bindPopup((f) => {
            // Text only: the layer's names go in through textContent, never as HTML.
            const p = document.createElement('div');
            const props = ((f as { feature?: { properties?: Record<string, unknown> } }).feature?.properties ?? {}) as Record<string, unknown>;
            p.textContent = `${l.title}${typeof props.ten === 'string' ? `: ${props.ten}` : ''}`;
            return p;
          })
          .addTo(map);
      })
      .catch(() => undefined);
  }
  setTimeout(() => {
    if (loaded === 0) {
      map.remove();
      canvas.remove();
      box.classList.add('map-fallback');
      if (status) status.textContent = 'Không tải được bản đồ trực tuyến, đang hiển thị bản đồ tĩnh.';
    }
  }, 4000);
}
