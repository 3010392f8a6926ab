import { migrateToLatest } from '../../kernel/db/migrate.js';
import { seedDemoIfEmpty } from '../../demo.js';
import { openMediaStorage } from '../../kernel/storage/open.js';
import type { CliCommand } from '../command.js';

export const seedDemo: CliCommand = {
  name: 'seed-demo',
  usage: 'seed-demo   nạp các trang mẫu (chỉ khi chưa có trang nào)',
  async run(_args, { config, database }) {
    await migrateToLatest(database);
    const media = await openMediaStorage(config.media);
    const seeded = await seedDemoIfEmpty(database, media).finally(() => media.close());
    console.log(seeded ? 'Đã nạp dữ liệu mẫu.' : 'Đã có trang thông tin, không nạp dữ liệu mẫu.');
    return 0;
  },
};
