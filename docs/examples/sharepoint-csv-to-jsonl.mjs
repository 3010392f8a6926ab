// A SharePoint list exported as CSV (ID,Title,Created,Category,Body,Url) → Cổng's import records.
//   node sharepoint-csv-to-jsonl.mjs tin-tuc.csv honglinh.hatinh.gov.vn > tin-tuc.jsonl
import { readFileSync } from 'node:fs';
const [file, host] = process.argv.slice(2);
const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
const rows = [[]]; // RFC 4180: a quoted field may hold commas, line breaks and doubled quotes
for (const m of text.matchAll(/(?:"((?:[^"]|"")*)"|([^,\r\n]*))(,|\r?\n|$)/g)) {
  rows.at(-1).push(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]);
  if (m[3] !== ',') rows.push([]);
  if (m.index + m[0].length >= text.length) break;
}
const [head, ...data] = rows.filter((r) => r.some(Boolean));
const col = (r, name) => (r[head.indexOf(name)] ?? '').trim();
const out = (record) => console.log(JSON.stringify(record));
out({ type: 'source', id: `sharepoint-${host}`, host, timezone: 'Asia/Ho_Chi_Minh' });
for (const name of new Set(data.map((r) => col(r, 'Category')))) out({ type: 'category', id: name, name });
for (const r of data) {
  out({ type: 'article', id: col(r, 'ID'), title: col(r, 'Title'), bodyHtml: col(r, 'Body'), categories: [col(r, 'Category')],
    publishedAt: col(r, 'Created'), status: 'published', oldUrls: col(r, 'Url') ? [col(r, 'Url')] : [] });
}
