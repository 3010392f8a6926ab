/**
 * Builds the client assets into build/assets (or CONG_ASSETS_DIR): the progressive-enhancement
 * script, the map script with Leaflet, and the stylesheets, minified by esbuild. The server hashes
 * them at start-up and serves them with immutable caching.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', ...(import.meta.url.includes('/dist/') ? ['..'] : []));
const out = resolve(process.env.CONG_ASSETS_DIR || join(root, 'build', 'assets'));
mkdirSync(out, { recursive: true });

// Citizens' scripts also run on old Android phones; the back office needs a browser from the
// last few years (TipTap does not go below ES2020).
await build({
  entryPoints: {
    app: join(root, 'src/client/app.ts'),
    map: join(root, 'src/client/map.ts'),
    // Rating and comments (src/interact); the ALTCHA widget is a separate file loaded on demand.
    interact: join(root, 'src/client/interact.ts'),
  },
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2019', 'chrome80', 'safari13'],
  outdir: out,
  logLevel: 'warning',
});
// The ALTCHA widget (loaded by interact.js when someone starts a comment) is written for current
// browsers; where it cannot run, interact.js falls back to the question. Its proof-of-work solver
// runs in a worker served from our origin (the CSP refuses the blob: workers of its default build).
await build({
  entryPoints: { 'altcha-widget': join(root, 'src/client/altcha-widget.ts') },
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2022', 'chrome100', 'firefox100', 'safari15.4'],
  outdir: out,
  logLevel: 'warning',
});
await build({
  entryPoints: { 'altcha-pbkdf2': join(root, 'node_modules/altcha/dist/workers/pbkdf2.js') },
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2022', 'chrome100', 'firefox100', 'safari15.4'],
  outdir: out,
  logLevel: 'warning',
});
await build({
  entryPoints: {
    admin: join(root, 'src/client/admin/admin.ts'),
    editor: join(root, 'src/client/admin/editor.ts'),
    // The statistics chart (uPlot); its stylesheet comes out as stats-chart.css.
    'stats-chart': join(root, 'src/client/admin/stats-chart.ts'),
  },
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
  outdir: out,
  logLevel: 'warning',
});
await build({
  entryPoints: {
    app: join(root, 'src/client/styles/app.css'),
    map: join(root, 'src/client/styles/map.css'),
    admin: join(root, 'src/client/styles/admin.css'),
    interact: join(root, 'src/client/styles/interact.css'),
    // The widget's own styles, shipped as a file: its default build would inject a <style> the CSP refuses.
    altcha: join(root, 'node_modules/altcha/dist/external/altcha.css'),
  },
  bundle: true,
  minify: true,
  outdir: out,
  logLevel: 'warning',
  loader: { '.png': 'dataurl', '.svg': 'dataurl' },
});
copyFileSync(join(root, 'src/client/favicon.svg'), join(out, 'favicon.svg'));
console.log(`assets built in ${out}`);
