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
  entryPoints: { app: join(root, 'src/client/app.ts'), map: join(root, 'src/client/map.ts') },
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2019', 'chrome80', 'safari13'],
  outdir: out,
  logLevel: 'warning',
});
await build({
  entryPoints: { admin: join(root, 'src/client/admin/admin.ts'), editor: join(root, 'src/client/admin/editor.ts') },
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
  },
  bundle: true,
  minify: true,
  outdir: out,
  logLevel: 'warning',
  loader: { '.png': 'dataurl', '.svg': 'dataurl' },
});
copyFileSync(join(root, 'src/client/favicon.svg'), join(out, 'favicon.svg'));
console.log(`assets built in ${out}`);
