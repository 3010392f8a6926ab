#!/usr/bin/env node
import { loadConfig } from '../config.js';
import { connect, type DatabaseHandle } from '../kernel/db/connection.js';
import { commands } from './commands/index.js';

/** `cong <command>`: operations for the people who run the installation. */
const USAGE = `Cách dùng: cong <lệnh>\n\n${commands.map((c) => `  ${c.usage}\n`).join('')}`;

async function main(argv: string[]): Promise<number> {
  const name = argv[0];
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(USAGE);
    return name ? 0 : 1;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`Lệnh không hợp lệ: ${name}\n\n${USAGE}`);
    return 1;
  }
  const config = loadConfig();
  // Connected on first use: `restore` must look at an empty data directory before a SQLite file exists in it.
  let database: DatabaseHandle | undefined;
  const ctx = {
    config,
    get database() {
      return (database ??= connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
    },
  };
  try {
    return await command.run(argv.slice(1), ctx);
  } finally {
    await database?.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
