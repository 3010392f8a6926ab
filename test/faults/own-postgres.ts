import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../bench/servers.js';

/**
 * A PostgreSQL cluster of the test's own (initdb in a temporary directory, a free loopback port,
 * its socket in that directory), so that a fault test can stop it hard and start it again without
 * touching the machine's shared server. initdb refuses to run as root: as root every command runs
 * as the "postgres" user (runuser), which owns the directory.
 */
export const PG_BIN = process.env.PG_BIN_DIR || '/usr/lib/postgresql/15/bin';

export function postgresMissing(): string | null {
  return existsSync(join(PG_BIN, 'initdb')) && existsSync(join(PG_BIN, 'pg_ctl')) ? null : `no initdb/pg_ctl in ${PG_BIN} (set PG_BIN_DIR)`;
}

export class OwnPostgres {
  private constructor(readonly dir: string, readonly port: number) {}

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  static async create(): Promise<OwnPostgres> {
    const dir = mkdtempSync(join(tmpdir(), 'cong-pg-'));
    if (process.getuid?.() === 0) {
      const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
      chownSync(dir, id('-u'), id('-g'));
    }
    const pg = new OwnPostgres(dir, await freePort());
    pg.run('initdb', ['-D', pg.data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    return pg;
  }

  private get data(): string {
    return join(this.dir, 'data');
  }

  private run(tool: string, args: string[]): string {
    const cmd = join(PG_BIN, tool);
    const [file, argv] = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
    const r = spawnSync(file, argv, { encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) throw new Error(`${tool} failed (${r.status}): ${r.stderr}${r.stdout}`);
    return r.stdout;
  }

  /** Starts the server and waits until it accepts connections. fsync is off: the faults tested
   * are process crashes, which lose nothing the operating system already holds. */
  start(): void {
    const opts = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`;
    this.run('pg_ctl', ['start', '-D', this.data, '-w', '-t', '30', '-l', join(this.dir, 'server.log'), '-o', opts]);
  }

  /** "immediate": every server process quits at once, without a checkpoint, as in a crash. */
  crash(): void {
    this.run('pg_ctl', ['stop', '-D', this.data, '-m', 'immediate', '-w']);
  }

  destroy(): void {
    try {
      if (existsSync(join(this.data, 'postmaster.pid'))) this.crash();
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}
