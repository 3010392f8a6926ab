import { formatDate } from '../../kernel/lib/format.js';
import { listSites } from '../../kernel/sites/repo.js';
import type { Site } from '../../kernel/sites/site.js';
import type { CliCommand } from '../command.js';

export const sites: CliCommand = {
  name: 'sites',
  usage: 'sites       liệt kê các trang thông tin',
  async run(_args, { database }) {
    const all = await listSites(database.db);
    for (const s of all) console.log(`${s.id}\t${s.code}\t${s.name}${s.isDefault ? '\t(mặc định)' : ''}${archiveNote(s, all)}`);
    return 0;
  },
};

/** "\t(lưu trữ từ 01/07/2025, tiếp nhận: bachhonglinh, namhonglinh)" for an archived site. */
function archiveNote(s: Site, all: Site[]): string {
  if (!s.archivedAt) return '';
  const codes = s.successors.map((id) => all.find((x) => x.id === id)?.code ?? `#${id}`);
  return `\t(lưu trữ từ ${formatDate(s.archivedAt)}${codes.length ? `, tiếp nhận: ${codes.join(', ')}` : ''})`;
}
