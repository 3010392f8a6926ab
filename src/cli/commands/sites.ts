import { listSites } from '../../kernel/sites/repo.js';
import type { CliCommand } from '../command.js';

export const sites: CliCommand = {
  name: 'sites',
  usage: 'sites       liệt kê các trang thông tin',
  async run(_args, { database }) {
    for (const s of await listSites(database.db)) console.log(`${s.id}\t${s.code}\t${s.name}${s.isDefault ? '\t(mặc định)' : ''}`);
    return 0;
  },
};
