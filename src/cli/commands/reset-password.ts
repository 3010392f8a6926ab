import { resetPassword as reset } from '../../features/back-office/commands/reset-password.js';
import { sessionStoreFor } from '../../kernel/access/sessions.js';
import { redisFor } from '../../kernel/redis.js';
import type { CliCommand } from '../command.js';

export const resetPassword: CliCommand = {
  name: 'reset-password',
  usage: `reset-password <email hoặc tên đăng nhập>
              đặt mật khẩu mới (in một lần, phải đổi khi đăng nhập) và đăng xuất mọi phiên`,
  async run(args, { config, database }) {
    const login = args[0];
    if (!login) {
      process.stderr.write('Cách dùng: cong reset-password <email hoặc tên đăng nhập>\n');
      return 1;
    }
    const redis = redisFor(config);
    const password = await reset(database.db, sessionStoreFor(redis, database.db), login, null, new Date()).finally(() => redis?.close());
    if (!password) {
      process.stderr.write(`Không có tài khoản ${login}.\n`);
      return 1;
    }
    console.log(`Mật khẩu mới của ${login} (chỉ hiển thị một lần): ${password}\nMọi phiên đăng nhập của tài khoản đã kết thúc. Người dùng phải đặt mật khẩu của riêng mình ở lần đăng nhập tới.`);
    return 0;
  },
};
