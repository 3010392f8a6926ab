import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../bench/servers.js';
import { ROOT } from '../helpers/app.js';

/**
 * nginx with the configuration shipped in docs/nginx.conf, as a child process (`daemon off`).
 * Only ports and paths are substituted (docs/deploy.md lists them): listen 80/443 → loopback
 * ports, the two upstream servers 127.0.0.1:3001/3002 → the test's instances, and the
 * certificate, log, temp and pid paths → a temporary directory (a self-signed certificate).
 */
export const NGINX = process.env.NGINX_BIN || '/usr/sbin/nginx';

export function nginxMissing(): string | null {
  const nginx = spawnSync(NGINX, ['-v'], { encoding: 'utf8' });
  if (nginx.error) return `${NGINX} not found (set NGINX_BIN)`;
  const ssl = spawnSync('openssl', ['version'], { encoding: 'utf8' });
  return ssl.error ? 'openssl not found (needed for the test certificate)' : null;
}

/** docs/nginx.conf with the test's ports and paths. */
export function shippedConfig(o: { dir: string; http: number; https: number; upstreams: [number, number] }): string {
  const conf = readFileSync(join(ROOT, 'docs/nginx.conf'), 'utf8');
  const swaps: [string, string][] = [
    ['listen 80 ', `listen 127.0.0.1:${o.http} `],
    ['listen [::]:80 ', `listen [::1]:${o.http} `],
    ['listen 443 ', `listen 127.0.0.1:${o.https} `],
    ['listen [::]:443 ', `listen [::1]:${o.https} `],
    ['server 127.0.0.1:3001 ', `server 127.0.0.1:${o.upstreams[0]} `],
    ['server 127.0.0.1:3002 ', `server 127.0.0.1:${o.upstreams[1]} `],
    ['/etc/ssl/cong/', `${o.dir}/`],
    ['/var/log/nginx/', `${o.dir}/`],
    ['/var/lib/nginx/', `${o.dir}/`],
    ['/run/nginx.pid', `${o.dir}/nginx.pid`],
  ];
  let out = conf;
  for (const [from, to] of swaps) {
    if (!out.includes(from)) throw new Error(`docs/nginx.conf no longer contains "${from}": update the test's substitutions`);
    out = out.split(from).join(to);
  }
  return out;
}

export class Nginx {
  private constructor(readonly child: ChildProcess, readonly dir: string, readonly https: number, private err: { text: string }) {}

  static async start(upstreams: [number, number]): Promise<Nginx> {
    const dir = mkdtempSync(join(tmpdir(), 'cong-nginx-'));
    // The workers (user www-data when started as root) create and use the temporary directories here.
    chmodSync(dir, 0o755);
    const cert = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-keyout', join(dir, 'privkey.pem'), '-out', join(dir, 'fullchain.pem')], { encoding: 'utf8' });
    if (cert.status !== 0) throw new Error(`openssl: ${cert.stderr}`);
    const [http, https] = [await freePort(), await freePort()];
    const conf = join(dir, 'nginx.conf');
    writeFileSync(conf, shippedConfig({ dir, http, https, upstreams }));
    const child = spawn(NGINX, ['-p', dir, '-c', conf, '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const err = { text: '' };
    child.stderr!.on('data', (d) => (err.text += d));
    const n = new Nginx(child, dir, https, err);
    await n.waitListening(http);
    return n;
  }

  private async waitListening(port: number): Promise<void> {
    const until = Date.now() + 10_000;
    while (Date.now() < until) {
      if (this.child.exitCode !== null) throw new Error(`nginx exited: ${this.err.text}`);
      const ok = await new Promise<boolean>((r) => {
        const s = connect(port, '127.0.0.1', () => (s.end(), r(true)));
        s.on('error', () => r(false));
      });
      if (ok) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`nginx did not listen: ${this.err.text}`);
  }

  /** The access log's lines so far (log_format cong). */
  accessLog(): string[] {
    return readFileSync(join(this.dir, 'cong-access.log'), 'utf8').split('\n').filter(Boolean);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null) {
      const gone = new Promise((r) => this.child.once('exit', r));
      this.child.kill('SIGTERM');
      await gone;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
