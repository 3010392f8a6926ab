import { writeFileSync } from 'node:fs';
import { mulberry32 } from './search-corpus.js';
import { httpGet } from './servers.js';

/**
 * The crawl mix's URL list: every URL of every ward's sitemap (following a sitemap index to its
 * sub-sitemaps), shuffled so that the requests spread over the sites and their whole history,
 * as crawlers' do, written as "host<TAB>path" lines for bench/wrk-report.lua.
 */
const LOC = /<loc>([^<]+)<\/loc>/g;

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** Host (with port, as the sitemap writes it) and path of each URL of one sitemap file, recursively. */
async function sitemapUrls(port: number, host: string, path: string, files: { n: number }, depth = 0): Promise<{ host: string; path: string }[]> {
  files.n++;
  const res = await httpGet(port, path, { host });
  if (res.status !== 200) throw new Error(`http://${host}${path}: ${res.status}, expected a sitemap`);
  const xml = res.body.toString('utf8');
  const locs = [...xml.matchAll(LOC)].map((m) => new URL(unescapeXml(m[1]!)));
  if (/<sitemapindex[\s>]/.test(xml)) {
    if (depth > 0) throw new Error(`http://${host}${path}: a sitemap index inside a sitemap index`);
    const nested = await Promise.all(locs.map((u) => sitemapUrls(port, u.host, u.pathname + u.search, files, depth + 1)));
    return nested.flat();
  }
  return locs.map((u) => ({ host: u.host, path: u.pathname + u.search }));
}

export async function gatherCrawlUrls(port: number, hosts: string[], file: string): Promise<{ urls: number; sitemaps: number }> {
  const all: { host: string; path: string }[] = [];
  const files = { n: 0 };
  for (const host of hosts) {
    const urls = await sitemapUrls(port, `${host}:${port}`, '/sitemap.xml', files);
    if (!urls.length) throw new Error(`${host}: empty sitemap`);
    all.push(...urls);
  }
  // Fisher–Yates with a fixed seed: every run asks the same URLs in the same order.
  const r = mulberry32(12);
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  writeFileSync(file, all.map((u) => `${u.host}\t${u.path}\n`).join(''));
  return { urls: all.length, sitemaps: files.n };
}
