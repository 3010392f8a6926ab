import { readFile } from 'node:fs/promises';
import { migrateToLatest } from '../../kernel/db/migrate.js';
import type { CliCommand } from '../command.js';
import { CsvError, parseCsv } from '../csv.js';
import { runSiteRequests } from '../site-requests.js';

const USAGE = 'Cách dùng: cong create-sites <tệp.csv>\n';

export const createSitesCommand: CliCommand = {
  name: 'create-sites',
  usage: `create-sites <tệp.csv>
              tạo nhiều trang một lần: cột mã, tên, tên miền (cách nhau bởi dấu cách hoặc ;), mã trang mẫu;
              dòng đầu là tiêu đề; tạo tất cả hoặc không tạo trang nào`,
  async run(args, { config, database }) {
    if (args.length !== 1) {
      process.stderr.write(USAGE);
      return 1;
    }
    let bytes: Buffer;
    try {
      bytes = await readFile(args[0]!);
    } catch {
      process.stderr.write(`Không đọc được tệp ${args[0]}.\n`);
      return 1;
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      process.stderr.write('Tệp không phải văn bản UTF-8: hãy lưu lại tệp CSV với bảng mã UTF-8.\n');
      return 1;
    }
    let rows;
    try {
      rows = parseCsv(text);
    } catch (err) {
      if (!(err instanceof CsvError)) throw err;
      process.stderr.write(`Tệp CSV không hợp lệ. ${err.message}\n`);
      return 1;
    }
    const [, ...data] = rows;
    if (!data.length) {
      process.stderr.write('Tệp không có trang nào (dòng đầu là tiêu đề: mã, tên, tên miền, mã trang mẫu).\n');
      return 1;
    }
    const bad = data.find((r) => r.fields.length < 3 || r.fields.length > 4);
    if (bad) {
      process.stderr.write(`Dòng ${bad.line}: cần 3 hoặc 4 cột (mã, tên, tên miền, mã trang mẫu), có ${bad.fields.length}.\n`);
      return 1;
    }
    await migrateToLatest(database);
    const requests = data.map((r) => ({ line: r.line, code: r.fields[0]!.trim(), name: r.fields[1]!, hosts: r.fields[2]!, model: r.fields[3] ?? '' }));
    return runSiteRequests(requests, config, database);
  },
};
