import cluster from 'node:cluster';
import { buildApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { connect, connectForServing, type DatabaseHandle } from './kernel/db/connection.js';
import { migrateToLatest } from './kernel/db/migrate.js';
import { seedDemoIfEmpty } from './demo.js';
import { createFirstAdminIfNone } from './features/back-office/first-admin.js';
import { features } from './features/index.js';
import { servePrimary } from './kernel/cluster/primary.js';
import { primaryLink } from './kernel/cluster/link.js';
import { openMediaStorage } from './kernel/storage/open.js';
import type { Site } from './kernel/sites/site.js';
import { siteOrigin } from './kernel/sites/origin.js';

type FirstAdmin = Awaited<ReturnType<typeof createFirstAdminIfNone>>;

/**
 * Process entry: config → migrate → (demo content) → first admin → listen → graceful shutdown.
 * With CONG_WORKERS > 1 this process is the primary: it prepares the database once, then its
 * workers (this same file, in cluster.isWorker) only build the app and listen.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.workers > 1 && cluster.isWorker) return serveWorker(config);
  // Migrations and the demo may run long statements: a connection of their own, without the
  // statement timeout the serving connections have.
  const setup = connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  let seeded: boolean;
  let firstAdmin: FirstAdmin;
  try {
    await migrateToLatest(setup);
    seeded = config.seedDemo && (await seedDemo(setup, config));
    firstAdmin = await createFirstAdminIfNone(setup.db, new Date(), config.dataDir);
  } finally {
    await setup.close();
  }
  const database = connectForServing(config);
  if (config.workers > 1) {
    const { port, sites } = await servePrimary({ config, database, features });
    return printWelcome(config, sites, port, seeded, firstAdmin);
  }
  const app = await buildApp({ config, database });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ host: config.host, port: config.port });
  const port = (app.server.address() as { port: number }).port;
  printWelcome(config, app.cong.sites.all(), port, seeded, firstAdmin);
}

/** The demo's files go to the configured store, like any upload. */
async function seedDemo(database: DatabaseHandle, config: Config): Promise<boolean> {
  const media = await openMediaStorage(config.media);
  try {
    return await seedDemoIfEmpty(database, media);
  } finally {
    await media.close();
  }
}

/** One of CONG_WORKERS: the primary has migrated; this one serves until it is told to stop. */
async function serveWorker(config: Config): Promise<void> {
  const database: DatabaseHandle = connectForServing(config);
  const app = await buildApp({ config, database });
  let closing = false;
  const shutdown = async (why: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ why }, 'worker stopping');
    // Stops accepting, finishes the requests in flight, then the final jobs (the statistics flush).
    await app.close();
    await database.close();
    process.exit(0);
  };
  primaryLink()?.onStop(() => void shutdown('primary'));
  // A terminal's Ctrl-C reaches the whole process group; the primary stops the workers itself.
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ host: config.host, port: config.port });
}

/** A site's name as the welcome lists it; an archive says so. */
const titleOf = (site: Site) => (site.archivedAt ? `${site.name} (trang lưu trữ)` : site.name);

function printWelcome(config: Config, sites: Site[], port: number, seeded: boolean, firstAdmin: FirstAdmin): void {
  const where = config.databaseUrl ? 'PostgreSQL' : `SQLite (${config.dataDir}/cong.db)`;
  console.log(`\nCổng đang chạy trên ${where}${seeded ? ', đã nạp dữ liệu mẫu' : ''}.`);
  if (config.production) {
    // Only configured hosts are served in production: their addresses, behind the proxy.
    for (const site of sites) console.log(`  ${titleOf(site)}: ${site.primaryHost ? `${siteOrigin(site, true)}/` : 'chưa có tên miền (cấu hình ở Trang quản trị › Các trang)'}`);
    console.log(`  Trang quản trị: <tên miền của một trang>/quan-tri (cổng ${port})\n`);
  } else {
    for (const site of sites) console.log(`  ${titleOf(site)}: http://${site.code}.localhost:${port}/`);
    console.log(`  (trang mặc định: http://localhost:${port}/)`);
    console.log(`  Trang quản trị: http://localhost:${port}/quan-tri\n`);
  }
  if (firstAdmin) {
    // Only the path: what a service prints stays in journald or the container's logs.
    console.log(`Tài khoản quản trị hệ thống đầu tiên: ${firstAdmin.username}. Mật khẩu nằm trong tệp ${firstAdmin.file}`);
    console.log('(chỉ chủ tài khoản chạy Cổng đọc được); lần đăng nhập đầu phải đổi mật khẩu, sau đó hãy xóa tệp.\n');
  }
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    console.error(`Cấu hình không hợp lệ: ${err.message}`);
    process.exit(2);
  }
  console.error(err);
  process.exit(1);
});
