import { migrateToLatest } from '../../kernel/db/migrate.js';
import type { CliCommand } from '../command.js';

export const migrate: CliCommand = {
  name: 'migrate',
  usage: 'migrate     tạo hoặc nâng cấp cấu trúc cơ sở dữ liệu',
  async run(_args, { database }) {
    const applied = await migrateToLatest(database);
    console.log(applied.length ? `Đã áp dụng: ${applied.join(', ')}` : 'Cơ sở dữ liệu đã ở phiên bản mới nhất.');
    return 0;
  },
};
