/**
 * A stand-in for the external websites (other government portals) that the links widget sends
 * people to. Chromium maps every host name except *.localhost to this HTTPS server
 * (--host-resolver-rules), so a redirect from our server to https://chinhphu.vn — which
 * page.route cannot intercept, Playwright only routes a navigation's first request — lands here
 * instead of on the internet. The certificate is self-signed; contexts set ignoreHTTPSErrors.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';

/** A throwaway self-signed certificate made for this run: no key is kept in the repository. */
function selfSignedCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cong-e2e-tls-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
      '-subj', '/CN=cong-e2e-fake-external-site', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface FakeExternalSites {
  port: number;
  /** The Chromium switch that sends every non-local host name here. */
  resolverRule: string;
  close(): Promise<void>;
}

/** Answers any https:// address with a tiny page whose <h1> is the host name asked for. */
export async function startFakeExternalSites(): Promise<FakeExternalSites> {
  const server: Server = createServer(selfSignedCertificate(), (req, res) => {
    const host = String(req.headers.host ?? '').replace(/[^a-z0-9.:-]/gi, '');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>${host}</title><h1>${host}</h1>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    resolverRule: `--host-resolver-rules=MAP * 127.0.0.1:${port}, EXCLUDE localhost, EXCLUDE *.localhost`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
