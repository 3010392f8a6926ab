import { migrateToLatest } from '../../kernel/db/migrate.js';
import type { CliCommand } from '../command.js';
import { runSiteRequests } from '../site-requests.js';

const USAGE = 'Cách dùng: cong create-site <mã> "<tên>" --host <tên miền> [--host <tên miền khác>] [--from <mã trang mẫu>]\n';

export const createSiteCommand: CliCommand = {
  name: 'create-site',
  usage: `create-site <mã> "<tên>" --host <tên miền> [--host …] [--from <mã trang mẫu>]
              tạo một trang; --from chép cấu trúc của trang mẫu (không chép bài viết)`,
  async run(args, { config, database }) {
    const positional: string[] = [];
    const hosts: string[] = [];
    let model = '';
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if ((a === '--host' || a === '--from') && (args[i + 1] === undefined || args[i + 1]!.startsWith('--'))) {
        process.stderr.write(`Thiếu giá trị sau ${a}.\n${USAGE}`);
        return 1;
      }
      if (a === '--host') hosts.push(args[++i]!);
      else if (a === '--from') model = args[++i]!;
      else if (a.startsWith('--')) {
        process.stderr.write(`Tùy chọn không hợp lệ: ${a}\n${USAGE}`);
        return 1;
      } else positional.push(a);
    }
    if (positional.length !== 2) {
      process.stderr.write(USAGE);
      return 1;
    }
    await migrateToLatest(database);
    return runSiteRequests([{ line: 0, code: positional[0]!, name: positional[1]!, hosts: hosts.join(' '), model }], config, database);
  },
};
