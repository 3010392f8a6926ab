/**
 * Run in a fresh process by test/public/back-office-packages.test.ts: the application on an
 * existing database serves the public addresses it is given, then a contributor signs in. It
 * prints which of the back office's packages the process had loaded after each of the two, as
 * CommonJS (`require.cache`) or as ES modules (seen by a loader hook registered before the app
 * is imported).
 */
import { createRequire, register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';

export const BACK_OFFICE_PACKAGES = ['@node-rs/argon2', 'otplib', 'qrcode', 'diff', 'sanitize-html'];

export interface PublicProcessInput {
  dataDir: string;
  databaseUrl: string | null;
  schema?: string;
  host: string;
  paths: string[];
  login: string;
  password: string;
}

export interface PublicProcessOutput {
  statuses: Record<string, number>;
  afterPublic: string[];
  afterSignIn: string[];
}

const HOOK = `let port;
export function initialize(data) { port = data.port; }
export async function load(url, context, next) { port.postMessage(url); return next(url, context); }`;

if (process.argv[2]) {
  const input = JSON.parse(process.argv[2]) as PublicProcessInput;
  const esModules = new Set<string>();
  const { port1, port2 } = new MessageChannel();
  port1.on('message', (url: string) => esModules.add(url));
  port1.unref();
  register(`data:text/javascript,${encodeURIComponent(HOOK)}`, { data: { port: port2 }, transferList: [port2] });
  const cache = createRequire(import.meta.url).cache;
  const loaded = async () => {
    // The hook's messages arrive on the event loop: let the last ones in.
    await new Promise((r) => setTimeout(r, 100));
    const files = [...Object.keys(cache), ...esModules];
    return BACK_OFFICE_PACKAGES.filter((p) => files.some((file) => file.includes(`/node_modules/${p}/`)));
  };

  const { buildApp } = await import('../../src/app.js');
  const { loadConfig } = await import('../../src/config.js');
  const { connect } = await import('../../src/kernel/db/connection.js');
  const { ROOT } = await import('./app.js');
  const database = connect({ databaseUrl: input.databaseUrl, dataDir: input.dataDir, pgSchema: input.schema });
  const config = { ...loadConfig({ CONG_DATA_DIR: input.dataDir }, ROOT), databaseUrl: input.databaseUrl };
  const app = await buildApp({ config, database, logger: false });
  await app.ready();
  const statuses: Record<string, number> = {};
  for (const url of input.paths) statuses[url] = (await app.inject({ url, headers: { host: input.host, 'accept-encoding': 'gzip' } })).statusCode;
  const afterPublic = await loaded();
  // Signed in as a reader's browser does it (not through AdminClient, whose two-factor helpers load otplib themselves).
  const form = await app.inject({ url: '/quan-tri/dang-nhap', headers: { host: input.host } });
  const formCookie = ([] as string[]).concat(form.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!).join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
  const signIn = await app.inject({
    method: 'POST',
    url: '/quan-tri/dang-nhap',
    headers: { host: input.host, cookie: formCookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrf, login: input.login, password: input.password }).toString(),
  });
  statuses['POST /quan-tri/dang-nhap'] = signIn.statusCode;
  const output: PublicProcessOutput = { statuses, afterPublic, afterSignIn: await loaded() };
  await app.close();
  await database.close();
  process.stdout.write(JSON.stringify(output));
}
