import type { Db } from '../db/connection.js';
import { localPurgeBus, type PurgeBus } from '../http/purge-bus.js';
import { isLoopbackName } from './origin.js';
import { listHosts, listSites } from './repo.js';
import type { Site } from './site.js';

/**
 * Maps a Host header to a site. Sites change rarely, so the table is held in memory and
 * reloaded when a site is created or edited. A host configured for no site reaches none (the
 * kernel answers 421), except outside production, where loopback names reach a site without any
 * configuration: `<code>.localhost` that site, `localhost`, `127.0.0.1` and `[::1]` the default
 * one. A reload is published on the purge bus; when another instance reloads, this one reloads too.
 */
export class SiteResolver {
  private byHost = new Map<string, Site>();
  /** The hosts of byHost that are their own normal form (normaliseHost), looked up as sent. */
  private byNormalHost = new Map<string, Site>();
  private byCode = new Map<string, Site>();
  private byId = new Map<number, Site>();
  private fallback: Site | null = null;

  /**
   * `afterRemoteReload` runs once the table has been reloaded for another instance's change (the
   * application purges its whole page cache there: pages rendered while the table was still the
   * old one must not stay).
   */
  constructor(
    private readonly db: Db,
    private readonly bus: PurgeBus = localPurgeBus,
    afterRemoteReload: () => void = () => undefined,
    /** Loopback names reach the sites without configuration (false in production). */
    private readonly loopback = true,
  ) {
    bus.subscribe((m) => {
      if (m.op === 'sites') void this.load().then(afterRemoteReload, () => undefined);
    });
  }

  /** After a change to the sites or their hosts: reads the table again and tells the other instances. */
  async reload(): Promise<void> {
    await this.load();
    this.bus.publish({ op: 'sites' });
  }

  /** Reads the table (at start, and for another instance's change), telling nobody. */
  async load(): Promise<void> {
    const [sites, hosts] = await Promise.all([listSites(this.db), listHosts(this.db)]);
    const hostsOf = new Map<number, string[]>();
    for (const h of hosts) hostsOf.set(h.site_id, [...(hostsOf.get(h.site_id) ?? []), h.host]);
    // A primary host that is no longer one of the site's hosts gives way to the first of them.
    for (const s of sites) {
      const own = hostsOf.get(s.id) ?? [];
      if (!s.primaryHost || !own.includes(s.primaryHost)) s.primaryHost = own[0] ?? null;
    }
    this.byId = new Map(sites.map((s) => [s.id, s]));
    this.byCode = new Map(sites.map((s) => [s.code, s]));
    this.byHost = new Map();
    for (const h of hosts) {
      const site = this.byId.get(h.site_id);
      if (site) this.byHost.set(h.host, site);
    }
    this.byNormalHost = new Map([...this.byHost].filter(([host]) => normaliseHost(host) === host));
    this.fallback = sites.find((s) => s.isDefault) ?? sites[0] ?? null;
  }

  all(): Site[] {
    return [...this.byId.values()];
  }

  byIdOrNull(id: number): Site | null {
    return this.byId.get(id) ?? null;
  }

  resolve(hostHeader: string | undefined): Site | null {
    // A Host header exactly as configured (lowercase, no port: what a proxy sends) is its own
    // normal form; every cache hit asks, so it is looked up before any string is made.
    const asSent = hostHeader && this.byNormalHost.get(hostHeader);
    if (asSent) return asSent;
    const host = normaliseHost(hostHeader);
    const exact = this.byHost.get(host);
    if (exact) return exact;
    if (!this.loopback || !isLoopbackName(host)) return null;
    if (host.endsWith('.localhost')) {
      const dev = this.byCode.get(host.slice(0, -'.localhost'.length));
      if (dev) return dev;
    }
    return this.fallback;
  }

  /** Whether any site exists (a fresh install without the demo has none yet). */
  get isEmpty(): boolean {
    return this.byId.size === 0;
  }
}

/** Lowercase, without the port and a trailing dot; IPv6 literals keep their brackets. */
export function normaliseHost(hostHeader: string | undefined): string {
  if (!hostHeader) return '';
  let h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  const colon = h.lastIndexOf(':');
  if (colon !== -1) h = h.slice(0, colon);
  return h.endsWith('.') ? h.slice(0, -1) : h;
}
