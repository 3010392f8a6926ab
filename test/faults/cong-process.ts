import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../bench/servers.js';
import { ROOT } from '../helpers/app.js';

/**
 * One Cổng process (`node --import tsx src/main.ts`, one worker), on the database and Redis it is
 * given, listening on a loopback port of its own. Its output is kept: a test reads it to know it
 * is listening, and shows it when something fails.
 */
export class CongProcess {
  out = '';
  private constructor(readonly child: ChildProcess, readonly port: number, readonly dataDir: string) {
    child.stdout!.on('data', (d) => (this.out += d));
    child.stderr!.on('data', (d) => (this.out += d));
  }

  /** Starts on `port` (a restart behind the same nginx) or a free one. */
  static async start(env: Record<string, string>, port?: number): Promise<CongProcess> {
    const dataDir = mkdtempSync(join(tmpdir(), 'cong-fault-'));
    port ??= await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main.ts')], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', CONG_DATA_DIR: dataDir, CONG_WORKERS: '1', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const p = new CongProcess(child, port, dataDir);
    await p.waitFor(/Trang quản trị: http:\/\/localhost:\d+\/quan-tri/, 60_000);
    return p;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  waitFor(re: RegExp, ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const started = Date.now();
      const check = () => {
        if (re.test(this.out)) return resolve();
        if (Date.now() - started > ms || !this.alive) return reject(new Error(`no ${re} in:\n${this.out.slice(-3000)}`));
        setTimeout(check, 50);
      };
      check();
    });
  }

  /** kill -9. */
  async kill(): Promise<void> {
    if (!this.alive) return;
    const gone = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGKILL');
    await gone;
  }

  async stop(): Promise<void> {
    if (this.alive) {
      const gone = new Promise((r) => this.child.once('exit', r));
      this.child.kill('SIGTERM');
      await Promise.race([gone, new Promise((r) => setTimeout(r, 10_000))]);
      await this.kill();
    }
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
