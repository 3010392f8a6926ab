import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { connect } from './kernel/db/connection.js';
import { migrateToLatest } from './kernel/db/migrate.js';
import { seedDemoIfEmpty } from './demo.js';
import { createFirstAdminIfNone } from './features/back-office/first-admin.js';

/** Process entry: config → migrate → (demo content) → listen → graceful shutdown. */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(database);
  const seeded = config.seedDemo && (await seedDemoIfEmpty(database, config.dataDir));
  const firstAdmin = await createFirstAdminIfNone(database.db, new Date());
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
  const where = config.databaseUrl ? 'PostgreSQL' : `SQLite (${config.dataDir}/cong.db)`;
  console.log(`\nCổng đang chạy trên ${where}${seeded ? ', đã nạp dữ liệu mẫu' : ''}.`);
  for (const site of app.cong.sites.all()) {
    console.log(`  ${site.name}: http://${site.code}.localhost:${port}/`);
  }
  console.log(`  (trang mặc định: http://localhost:${port}/)`);
  console.log(`  Trang quản trị: http://localhost:${port}/quan-tri\n`);
  if (firstAdmin) {
    console.log('Tài khoản quản trị hệ thống đầu tiên (mật khẩu chỉ hiển thị MỘT LẦN, hãy đổi sau khi đăng nhập):');
    console.log(`  Tên đăng nhập: ${firstAdmin.username}`);
    console.log(`  Mật khẩu:      ${firstAdmin.password}\n`);
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
