import type { Config } from '../config.js';
import type { DatabaseHandle } from '../kernel/db/connection.js';
import { announceSitesChanged } from '../kernel/http/purge-bus.js';
import { redisFor } from '../kernel/redis.js';
import { listSites } from '../kernel/sites/repo.js';
import { siteOrigin } from '../kernel/sites/origin.js';
import { createSites, type SiteRequest } from '../features/sites/commands/create-sites.js';

/**
 * What `cong create-site` and `cong create-sites` share: create the requested sites (all or
 * none), tell running instances, print each new site's address or every problem found.
 */
export async function runSiteRequests(requests: SiteRequest[], config: Config, database: DatabaseHandle): Promise<number> {
  const started = Date.now();
  const result = await createSites(database.db, requests, new Date(), (done, total, code) => {
    if (total > 1) process.stderr.write(`Đang tạo ${done}/${total}: ${code}\n`);
  });
  if (!result.ok) {
    process.stderr.write(`Chưa tạo trang nào: ${result.errors.length === 1 ? 'có lỗi' : `có ${result.errors.length} lỗi`}.\n${result.errors.map((e) => `  ${e}\n`).join('')}`);
    return 1;
  }
  const redis = redisFor(config);
  if (redis) {
    // Running instances reload their site table; without Redis a single process reloads it at its next start.
    await announceSitesChanged(redis).catch(() => process.stderr.write('Không báo được cho ứng dụng đang chạy qua Redis: hãy khởi động lại ứng dụng.\n'));
    await redis.close();
  }
  const sites = await listSites(database.db);
  for (const c of result.created) {
    const site = sites.find((s) => s.id === c.siteId)!;
    const from = c.copied ? ` (theo mẫu: ${c.copied.categories} chuyên mục, ${c.copied.pages} trang tĩnh, ${c.copied.procedures} thủ tục, ${c.copied.units} đơn vị)` : '';
    console.log(`Đã tạo trang ${site.code} – ${site.name}: ${siteOrigin(site, config.production)}/${from}`);
  }
  if (result.created.length > 1) console.log(`Tổng cộng: đã tạo ${result.created.length} trang trong ${((Date.now() - started) / 1000).toFixed(1)} giây.`);
  if (!redis) console.log('Nếu ứng dụng đang chạy, hãy khởi động lại để trang mới nhận tên miền.');
  return 0;
}
