#!/usr/bin/env node
import { loadConfig } from '../config.js';
import { connect } from '../kernel/db/connection.js';
import { migrateToLatest } from '../kernel/db/migrate.js';
import { seedDemoIfEmpty } from '../demo.js';
import { listSites } from '../kernel/sites/repo.js';
import { generatePassword } from '../features/back-office/auth/passwords.js';
import { createUser } from '../features/back-office/commands/create-user.js';
import { resetPassword } from '../features/back-office/commands/reset-password.js';
import { formatNumber } from '../kernel/lib/format.js';
import { sessionStoreFor } from '../kernel/access/sessions.js';
import { redisFor } from '../kernel/redis.js';
import { reindexSite } from '../features/search/indexer.js';
import { isEmail } from '../kernel/forms.js';

/** `cong <command>`: operations for the people who run the installation. */
const USAGE = `Cách dùng: cong <lệnh>

  migrate     tạo hoặc nâng cấp cấu trúc cơ sở dữ liệu
  seed-demo   nạp hai trang mẫu (chỉ khi chưa có trang nào)
  sites       liệt kê các trang thông tin
  create-admin <email> <tên đăng nhập> [họ tên]
              tạo tài khoản quản trị hệ thống, in mật khẩu một lần
  reset-password <email hoặc tên đăng nhập>
              đặt mật khẩu mới (in một lần) và đăng xuất mọi phiên
  reindex [mã trang]
              lập lại chỉ mục tìm kiếm của một trang (hoặc mọi trang)
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
      case 'create-admin': {
        const [email, username, ...name] = argv.slice(1);
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
      }
      case 'reset-password': {
        const login = argv[1];
        if (!login) {
          process.stderr.write('Cách dùng: cong reset-password <email hoặc tên đăng nhập>\n');
          return 1;
        }
        const redis = redisFor(config);
        const password = await resetPassword(database.db, sessionStoreFor(redis, database.db), login, null, new Date()).finally(() => redis?.close());
        if (!password) {
          process.stderr.write(`Không có tài khoản ${login}.\n`);
          return 1;
        }
        console.log(`Mật khẩu mới của ${login} (chỉ hiển thị một lần): ${password}\nMọi phiên đăng nhập của tài khoản đã kết thúc.`);
        return 0;
      }
      case 'reindex': {
        await migrateToLatest(database);
        const code = argv[1];
        const sites = (await listSites(database.db)).filter((s) => !code || s.code === code);
        if (!sites.length) {
          process.stderr.write(code ? `Không có trang thông tin mã ${code}. Xem danh sách: cong sites\n` : 'Chưa có trang thông tin nào.\n');
          return 1;
        }
        for (const s of sites) {
          const started = Date.now();
          const n = await reindexSite(database.db, s.id, progressOnStderr(s.code));
          console.log(`Đã lập chỉ mục ${formatNumber(n)} bài của ${s.code} trong ${formatNumber(Math.round((Date.now() - started) / 100) / 10)} giây.`);
        }
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

/** "Đang lập chỉ mục honglinh: 1.200/43.000 bài (3%)", redrawn in place on a terminal, every 10% otherwise. */
function progressOnStderr(code: string) {
  let shown = -1;
  return (done: number, total: number) => {
    const pct = total ? Math.floor((done / total) * 100) : 100;
    const line = `Đang lập chỉ mục ${code}: ${formatNumber(done)}/${formatNumber(total)} bài (${pct}%)`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}${done === total ? '\n' : ''}`);
    else if (Math.floor(pct / 10) !== shown || done === total) process.stderr.write(`${line}\n`);
    shown = Math.floor(pct / 10);
  };
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
