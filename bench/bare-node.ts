import type { ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { congEnv, freePort, httpGet, PRODUCTION_ENV, PRODUCTION_NODE_ARGS, settledChildren, spawnChild, waitForHttp } from './servers.js';

/**
 * The floor for Node: node:http and nothing else, answering every request with the gzip bytes
 * and the very headers Cổng sends for the article (read from disk once, sent from memory). Run
 * with the production flags, as Cổng is. With more than one process, a node:cluster primary
 * forks them and shares the port as Cổng's CONG_WORKERS does (kernel/cluster/supervisor.ts, the
 * default scheduling). With `holdApp`, the one process has first built the whole Cổng app on
 * the bench's data, as a Cổng worker does, and keeps it without serving with it: the same
 * handler, in a process as big as Cổng's. Plain JavaScript passed to `node -e`, so that no
 * loader or transpiler sits in the process being measured.
 */
const SERVER = `
import cluster from 'node:cluster';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
const [bodyFile, headersFile, port, processes] = process.argv.slice(1);
if (cluster.isPrimary && Number(processes) > 1) {
  for (let i = 0; i < Number(processes); i++) cluster.fork();
  process.on('SIGTERM', () => { for (const w of Object.values(cluster.workers)) w.kill('SIGTERM'); process.exit(0); });
} else {
  if (process.env.BARE_HOLD_APP) {
    const dist = process.env.BARE_HOLD_APP + '/dist/src/';
    const { loadConfig } = await import(dist + 'config.js');
    const { connectForServing } = await import(dist + 'kernel/db/connection.js');
    const { buildApp } = await import(dist + 'app.js');
    const config = loadConfig();
    globalThis.heldApp = await buildApp({ config, database: connectForServing(config) });
    await globalThis.heldApp.ready();
  }
  const body = readFileSync(bodyFile);
  const headers = JSON.parse(readFileSync(headersFile, 'utf8'));
  const server = createServer((req, res) => { res.writeHead(200, headers); res.end(body); });
  server.keepAliveTimeout = 72_000;
  server.listen(Number(port), '127.0.0.1');
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}
`;

/** Headers a server writes for each connection or response itself, not part of the page. */
const PER_RESPONSE = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

export interface BareNode {
  child: ChildProcess;
  port: number;
  /** The processes that answer: the cluster's workers, or the one process. */
  workers: number[];
}

export interface BareNodeOptions {
  tmp: string;
  host: string;
  path: string;
  gzip: Buffer;
  rawHeaders: string[];
  processes?: number;
  /** Build the Cổng app of this repository on this data directory first (one process only). */
  holdApp?: { repo: string; dataDir: string };
}

export async function startBareNode(opts: BareNodeOptions): Promise<BareNode> {
  const processes = opts.processes ?? 1;
  if (opts.holdApp && processes > 1) throw new Error('startBareNode: holdApp is for one process');
  const bodyFile = join(opts.tmp, 'bare-node.body.gz');
  const headersFile = join(opts.tmp, 'bare-node.headers.json');
  const headers: string[] = [];
  for (let i = 0; i < opts.rawHeaders.length; i += 2) {
    if (!PER_RESPONSE.has(opts.rawHeaders[i]!.toLowerCase())) headers.push(opts.rawHeaders[i]!, opts.rawHeaders[i + 1]!);
  }
  writeFileSync(bodyFile, opts.gzip);
  writeFileSync(headersFile, JSON.stringify(headers));
  const port = await freePort();
  const child = spawnChild('node:http', process.execPath, [...PRODUCTION_NODE_ARGS, '--input-type=module', '-e', SERVER, bodyFile, headersFile, String(port), String(processes)], {
    // Holding the app, the process has the environment Cổng runs in (servers.ts, `congEnv`).
    env: opts.holdApp ? { ...congEnv(opts.holdApp.dataDir), BARE_HOLD_APP: opts.holdApp.repo } : { ...process.env, ...PRODUCTION_ENV },
  });
  await waitForHttp(child, port, { host: opts.host });

  const res = await httpGet(port, opts.path, { host: opts.host, 'accept-encoding': 'gzip' });
  if (res.status !== 200 || res.headers['content-encoding'] !== 'gzip' || !res.body.equals(opts.gzip)) {
    throw new Error(`bare node:http check failed: status ${res.status}, Content-Encoding ${res.headers['content-encoding']}, ${res.body.length} bytes (expected ${opts.gzip.length})`);
  }
  const workers = processes > 1 ? await settledChildren(child.pid!, processes) : [child.pid!];
  return { child, port, workers };
}
