import { migrateToLatest } from '../../kernel/db/migrate.js';
import { generatePassword } from '../../features/back-office/auth/passwords.js';
import { createUser } from '../../features/back-office/commands/create-user.js';
import { isEmail } from '../../kernel/forms.js';
import type { CliCommand } from '../command.js';

export const createAdmin: CliCommand = {
  name: 'create-admin',
  usage: `create-admin <email> <tên đăng nhập> [họ tên]
              tạo tài khoản quản trị hệ thống, in mật khẩu một lần`,
  async run(args, { database }) {
    const [email, username, ...name] = args;
    if (!email || !isEmail(email) || !username || !/^[a-z0-9._-]{3,40}$/i.test(username)) {
      process.stderr.write('Cách dùng: cong create-admin <email> <tên đăng nhập> [họ tên]\n');
      return 1;
    }
    await migrateToLatest(database);
    const password = generatePassword();
    try {
      await createUser(database.db, { email, username, displayName: name.join(' ') || username, password, isSystemAdmin: true }, null, new Date());
    } catch {
      process.stderr.write('Email hoặc tên đăng nhập đã có người dùng.\n');
      return 1;
    }
    console.log(`Đã tạo tài khoản quản trị hệ thống ${username}.\nMật khẩu (chỉ hiển thị một lần): ${password}`);
    return 0;
  },
};
