/**
 * The visitors of one site seen in the last 30 minutes, in memory, for the single-process setup
 * (Redis keeps the same in a sorted set). Each visitor is one node of a list ordered by last hit,
 * indexed by a Map: a hit moves its node to the tail, expiry pops from the head, and a second
 * pointer marks where the last five minutes ("online") begin, so every operation is O(1) and
 * the memory is one small node per visitor of the last half hour (with a hard cap, beyond which
 * the least recent are forgotten). A Map alone will not do: V8 keeps deleted entries as holes
 * until it rehashes, so walking a busy Map from its oldest entry gets slower and slower.
 */
export const VISIT_GAP_MS = 30 * 60_000;
export const ONLINE_MS = 5 * 60_000;
/** Visitors one site's online window can hold before the least recent are forgotten. */
export const WINDOW_CAP = 500_000;
/**
 * A returning visitor's last hit is written to the database at most this often: the database
 * copy only serves server-rendered pages (a minute old anyway) and restarts.
 */
export const SAVE_EVERY_MS = 60_000;

/** hit() flags: the hit starts a visit; the visitor's last hit should be saved. */
export const NEW_VISIT = 1;
export const SAVE = 2;

interface Node {
  key: string;
  at: number;
  /** When this visitor's last hit was last handed over to be saved. */
  saved: number;
  prev: Node | null;
  next: Node | null;
}

export class VisitorWindow {
  private readonly index = new Map<string, Node>();
  private head: Node | null = null;
  private tail: Node | null = null;
  /** First node seen since `cutoff` (now − 5 minutes, as of the last call); every later one is too. */
  private boundary: Node | null = null;
  private cutoff = -Infinity;
  private online = 0;

  constructor(private readonly cap: number) {}

  get size(): number {
    return this.index.size;
  }

  /**
   * Records a hit; returns NEW_VISIT when it starts a visit (nothing from this visitor in 30
   * minutes) and SAVE when the visitor is new to the database or was last saved a while ago.
   */
  hit(visitor: string, previous: string | null, at: number): number {
    this.advance(at);
    const t = Math.max(at, this.tail?.at ?? at);
    let node = this.index.get(visitor);
    let continued = node !== undefined;
    if (!node && previous !== null) {
      // Just after midnight: the same person under yesterday's salt continues their visit.
      node = this.index.get(previous);
      if (node) {
        continued = true;
        this.index.delete(previous);
        node.key = visitor;
        node.saved = -Infinity; // a new hash: a new row for the new day
        this.index.set(visitor, node);
      }
    }
    if (node) this.remove(node, false);
    else node = { key: visitor, at: t, saved: -Infinity, prev: null, next: null };
    node.at = t;
    let flags = continued ? 0 : NEW_VISIT;
    if (t - node.saved >= SAVE_EVERY_MS) {
      node.saved = t;
      flags |= SAVE;
    }
    this.append(node);
    this.index.set(visitor, node);
    if (this.index.size > this.cap) this.drop(this.head!);
    return flags;
  }

  /** Distinct visitors in the last five minutes. */
  onlineAt(now: number): number {
    this.advance(now);
    return this.online;
  }

  /** Puts back visitors persisted before a restart (oldest first). */
  restore(visitor: string, at: number, now: number): void {
    if (at < now - VISIT_GAP_MS || this.index.has(visitor)) return;
    this.advance(now);
    const node: Node = { key: visitor, at: Math.max(at, this.tail?.at ?? at), saved: at, prev: null, next: null };
    this.append(node);
    this.index.set(visitor, node);
  }

  private advance(now: number): void {
    const oldest = now - VISIT_GAP_MS;
    while (this.head && this.head.at < oldest) this.drop(this.head);
    this.cutoff = Math.max(this.cutoff, now - ONLINE_MS);
    while (this.boundary && this.boundary.at < this.cutoff) {
      this.boundary = this.boundary.next;
      this.online--;
    }
  }

  private drop(node: Node): void {
    this.remove(node, true);
  }

  private remove(node: Node, forget: boolean): void {
    if (node.at >= this.cutoff) {
      if (this.boundary === node) this.boundary = node.next;
      this.online--;
    }
    if (node.prev) node.prev.next = node.next;
    else this.head = node.next;
    if (node.next) node.next.prev = node.prev;
    else this.tail = node.prev;
    node.prev = node.next = null;
    if (forget) this.index.delete(node.key);
  }

  private append(node: Node): void {
    node.prev = this.tail;
    if (this.tail) this.tail.next = node;
    else this.head = node;
    this.tail = node;
    if (node.at >= this.cutoff) {
      this.online++;
      this.boundary ??= node;
    }
  }
}
