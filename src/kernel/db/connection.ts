import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import type pg from 'pg';
import { Kysely, SqliteDialect, type LogEvent } from 'kysely';
import { onFirstUse } from '../lib/on-first-use.js';
import { SearchPathPostgresDialect } from './pg-dialect.js';
import type { Database } from './schema.js';
import { withStatementCache } from './sqlite-statements.js';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  dialect: Dialect;
  /** The PostgreSQL schema in use when it is not the default one. */
  schema?: string;
  /** Every query's time and outcome, for whoever observes (the metrics). */
  queries?: QueryObservers;
  close(): Promise<void>;
}

export type QueryObserver = (seconds: number, failed: boolean) => void;

/** Kysely's `log` hook, fanned out: the handle is made before the application that measures it. */
export class QueryObservers {
  private readonly observers = new Set<QueryObserver>();

  /** Starts reporting to `o`; returns how to stop. */
  observe(o: QueryObserver): () => void {
    this.observers.add(o);
    return () => this.observers.delete(o);
  }

  readonly log = (e: LogEvent): void => {
    for (const o of this.observers) o(e.queryDurationMillis / 1000, e.level === 'error');
  };
}

export interface ConnectOptions {
  /** postgres:// URL; when null the embedded SQLite file in dataDir is used. */
  databaseUrl: string | null;
  dataDir: string;
  /** SQLite file name inside dataDir (tests use their own). */
  sqliteFile?: string;
  /** PostgreSQL schema to use as search_path (tests isolate themselves this way). */
  pgSchema?: string;
  /** PostgreSQL: statement_timeout of every pooled connection, in ms (absent or 0: none). */
  statementTimeoutMs?: number;
}

/**
 * The pages one SQLite connection keeps in its own memory, in KiB: SQLite's default (2 MB)
 * rather than better-sqlite3's 16 MB. Every page read beyond it comes from the kernel's page
 * cache, which holds the file once for every process; a connection's own cache is held once per
 * worker, and is dropped anyway whenever another process writes (a WAL reader finds the database
 * changed). A cold crawl filled the 16 MB in each worker (a tenth of its memory) and was no
 * faster for it; neither was search (npm run bench -- page, search).
 */
export const SQLITE_CACHE_KIB = 2048;

/** The PostgreSQL driver, loaded on first use: an installation on SQLite never needs it. */
const pgDriver = onFirstUse<typeof pg>('pg');

function loadPg(): typeof pg {
  const driver = pgDriver();
  // COUNT(*) and BIGINT come back from pg as strings; our counts fit in a JS number.
  driver.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
  return driver;
}

export function connect(opts: ConnectOptions): DatabaseHandle {
  if (opts.databaseUrl) {
    const pg = loadPg();
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: 10,
      ...(opts.pgSchema ? { options: `-c search_path=${opts.pgSchema}` } : {}),
      // Sent with each connection's start-up: a query past it fails with 57014 (query_canceled).
      ...(opts.statementTimeoutMs ? { statement_timeout: opts.statementTimeoutMs } : {}),
    });
    // A restarting server drops every connection: without listeners the "error" event of the
    // pool (idle connections) or of a client (one lent out, even mid-query) would end the
    // process. The query in flight fails on its own (answered 503, http/outage.ts); the pool
    // drops the broken connection when it is given back and opens new ones on the next queries.
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined));
    const queries = new QueryObservers();
    const db = new Kysely<Database>({ dialect: new SearchPathPostgresDialect({ pool }), log: queries.log });
    return { db, dialect: 'postgres', schema: opts.pgSchema, queries, close: () => db.destroy() };
  }
  mkdirSync(opts.dataDir, { recursive: true });
  const file = join(opts.dataDir, opts.sqliteFile ?? 'cong.db');
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
  // Let SQLite refresh its planner statistics when they are missing or stale (cheap, bounded).
  sqlite.pragma('optimize = 0x10002');
  const queries = new QueryObservers();
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }), log: queries.log });
  return { db, dialect: 'sqlite', queries, close: () => db.destroy() };
}

/**
 * The connection an application serves from (main.ts, each worker): the configured database with
 * the statement timeout of the configuration (CONG_PG_STATEMENT_TIMEOUT_MS).
 */
export function connectForServing(config: { databaseUrl: string | null; dataDir: string; pgStatementTimeoutMs: number }): DatabaseHandle {
  return connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, statementTimeoutMs: config.pgStatementTimeoutMs });
}
