import type { Config } from '../config.js';
import type { DatabaseHandle } from '../kernel/db/connection.js';

/** What every `cong` command gets: the validated config and a (not yet migrated) database, opened when first read. */
export interface CliContext {
  config: Config;
  database: DatabaseHandle;
}

/**
 * One `cong` command, one file under cli/commands/. `usage` is the command's lines of the help
 * text (Vietnamese); `run` returns the process's exit code.
 */
export interface CliCommand {
  name: string;
  usage: string;
  run(args: string[], ctx: CliContext): Promise<number>;
}
