import type { ChildProcess } from 'node:child_process';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, httpGet, spawnChild, waitForHttp } from './servers.js';

export const NGINX = '/usr/sbin/nginx';

/**
 * The reference: nginx serving the very bytes Cổng sends, precompressed, from disk (page cache),
 * with one worker per core. It shows how far wrk can push a server on this machine: a row that
 * comes near nginx's figure may be measuring wrk, not the server.
 */
export const NGINX_WORKERS = 2;

export function nginxVersion(): string {
  if (!existsSync(NGINX)) {
    throw new Error(`${NGINX} not found. The bench compares against nginx: apt-get install nginx (Debian package), then run it again.`);
  }
  // nginx -v prints to stderr.
  return spawnSync(NGINX, ['-v'], { encoding: 'utf8' }).stderr.trim().replace(/^nginx version: /, '');
}

function config(dir: string, www: string, port: number, path: string): string {
  const at = (n: string) => join(dir, n);
  return `# Written by bench/nginx.ts for one run; not a production configuration.
daemon off;
master_process on;
worker_processes ${NGINX_WORKERS};
error_log ${at('error.log')} warn;
pid ${at('nginx.pid')};

events { worker_connections 1024; }

http {
  access_log off;
  client_body_temp_path ${at('client_body')};
  proxy_temp_path ${at('proxy')};
  fastcgi_temp_path ${at('fastcgi')};
  uwsgi_temp_path ${at('uwsgi')};
  scgi_temp_path ${at('scgi')};
  # Debian's nginx.conf defaults.
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 65;
  # nginx closes a keep-alive connection after 1000 requests by default; Node never does.
  # Lifted so that every row keeps its connections for the whole run.
  keepalive_requests 1000000;

  server {
    listen 127.0.0.1:${port};
    server_name _;
    root ${www};
    gzip_static on;   # send article.html.gz as is to clients that accept gzip
    gzip_vary on;     # Vary: Accept-Encoding, as Cổng sends
    charset utf-8;

    location = ${path} {
      default_type text/html;
      try_files /article.html =404;
    }
  }
}
`;
}

/**
 * Writes the config, starts nginx in the foreground (a child we can stop and measure) and checks
 * with one request that it sends exactly the saved gzip bytes with Content-Encoding: gzip.
 */
export async function startNginx(opts: { tmp: string; www: string; path: string; host: string; gzip: Buffer }): Promise<{ child: ChildProcess; port: number }> {
  const { tmp, www, path, host, gzip } = opts;
  const dir = join(tmp, 'nginx');
  if (!/^\/[A-Za-z0-9/._-]+$/.test(path)) throw new Error(`unexpected characters in article path ${path}`);
  mkdirSync(dir, { recursive: true });
  // The master runs as root here but its worker as "nobody", which must reach the files.
  for (const d of [tmp, www]) chmodSync(d, 0o755);
  const port = await freePort();
  const file = join(dir, 'nginx.conf');
  writeFileSync(file, config(dir, www, port, path));
  execFileSync(NGINX, ['-t', '-q', '-c', file, '-p', dir, '-e', join(dir, 'error.log')], { stdio: ['ignore', 'ignore', 'inherit'] });

  const child = spawnChild('nginx', NGINX, ['-c', file, '-p', dir, '-e', join(dir, 'error.log')], {});
  await waitForHttp(child, port, { host });

  const res = await httpGet(port, path, { host, 'accept-encoding': 'gzip' });
  const problems: string[] = [];
  if (res.status !== 200) problems.push(`status ${res.status} (403 would mean the worker cannot read ${www})`);
  if (res.headers['content-encoding'] !== 'gzip') problems.push(`Content-Encoding is ${res.headers['content-encoding'] ?? 'missing'}, not gzip`);
  if (!res.body.equals(gzip)) problems.push(`body is ${res.body.length} bytes, not the ${gzip.length} saved gzip bytes`);
  if (problems.length) throw new Error(`nginx check failed: ${problems.join('; ')}`);
  return { child, port };
}
