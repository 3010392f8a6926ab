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

interface Node {
  key: string;
  at: number;
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

  /** Records a hit; true when it starts a visit (nothing from this visitor in 30 minutes). */
  hit(visitor: string, previous: string | null, at: number): boolean {
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
        this.index.set(visitor, node);
      }
    }
    if (node) this.remove(node, false);
    else node = { key: visitor, at: t, prev: null, next: null };
    node.at = t;
    this.append(node);
    this.index.set(visitor, node);
    if (this.index.size > this.cap) this.drop(this.head!);
    return !continued;
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
    const node: Node = { key: visitor, at: Math.max(at, this.tail?.at ?? at), prev: null, next: null };
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
