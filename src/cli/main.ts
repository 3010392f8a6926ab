#!/usr/bin/env node
import { loadConfig } from '../config.js';
import { connect } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { seedDemoIfEmpty } from '../demo/seed.js';
import { listSites } from '../sites/repo.js';

/** `cong <command>`: operations for the people who run the installation. */
const USAGE = `Cách dùng: cong <lệnh>

  migrate     tạo hoặc nâng cấp cấu trúc cơ sở dữ liệu
  seed-demo   nạp hai trang mẫu (chỉ khi chưa có trang nào)
  sites       liệt kê các trang thông tin
`;

async function main(argv: string[]): Promise<number> {
  const command = argv[0];
  if (!command || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return command ? 0 : 1;
  }
  const config = loadConfig();
  const database = connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    switch (command) {
      case 'migrate': {
        const applied = await migrateToLatest(database);
        console.log(applied.length ? `Đã áp dụng: ${applied.join(', ')}` : 'Cơ sở dữ liệu đã ở phiên bản mới nhất.');
        return 0;
      }
      case 'seed-demo': {
        await migrateToLatest(database);
        const seeded = await seedDemoIfEmpty(database, config.dataDir);
        console.log(seeded ? 'Đã nạp dữ liệu mẫu.' : 'Đã có trang thông tin, không nạp dữ liệu mẫu.');
        return 0;
      }
      case 'sites': {
        for (const s of await listSites(database.db)) console.log(`${s.id}\t${s.code}\t${s.name}${s.isDefault ? '\t(mặc định)' : ''}`);
        return 0;
      }
      default:
        process.stderr.write(`Lệnh không hợp lệ: ${command}\n\n${USAGE}`);
        return 1;
    }
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
