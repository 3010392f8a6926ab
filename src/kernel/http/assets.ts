import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';

/**
 * Built client assets (esbuild output in config.assetsDir), held in memory and served under
 * content-hashed names with a one-year immutable Cache-Control.
 */
export interface Asset {
  body: Buffer;
  contentType: string;
}

export interface AssetManifest {
  /** Logical name ("app.css") → public URL ("/assets/app.3f9c1a2b.css"). */
  url(name: string): string;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

export class AssetStore implements AssetManifest {
  private byHashedName = new Map<string, Asset>();
  private urls = new Map<string, string>();

  constructor(dir: string) {
    let files: string[];
    try {
      files = readdirSync(dir, { recursive: true }).map(String);
    } catch {
      throw new Error(`Client assets not found in ${dir}: run "npm run build" first.`);
    }
    for (const rel of files) {
      const type = TYPES[extname(rel)];
      if (!type) continue;
      const body = readFileSync(join(dir, rel));
      const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
      const ext = extname(rel);
      const hashed = `${rel.slice(0, -ext.length)}.${hash}${ext}`;
      this.byHashedName.set(hashed, { body, contentType: type });
      this.urls.set(rel, `/assets/${hashed}`);
    }
  }

  url(name: string): string {
    const u = this.urls.get(name);
    if (!u) throw new Error(`Unknown asset ${name}`);
    return u;
  }

  get(hashedName: string): Asset | undefined {
    return this.byHashedName.get(hashedName);
  }
}
