import type { CliCommand } from '../command.js';
import { backup } from './backup.js';
import { createAdmin } from './create-admin.js';
import { createSiteCommand } from './create-site.js';
import { createSitesCommand } from './create-sites.js';
import { fixEncoding } from './fix-encoding.js';
import { importCommand } from './import.js';
import { mergeSitesCommand } from './merge-sites.js';
import { migrate } from './migrate.js';
import { reindex } from './reindex.js';
import { resetPassword } from './reset-password.js';
import { restore } from './restore.js';
import { seedDemo } from './seed-demo.js';
import { sites } from './sites.js';

/** Every `cong` command, in the order the help text lists them. */
export const commands: readonly CliCommand[] = [migrate, seedDemo, sites, createSiteCommand, createSitesCommand, createAdmin, resetPassword, reindex, importCommand, mergeSitesCommand, fixEncoding, backup, restore];
