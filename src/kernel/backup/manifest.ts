import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Dialect } from '../db/connection.js';
import type { FileSum } from './archive.js';

export const MANIFEST = 'manifest.json';
export const FORMAT = 1;

/** What a backup says about itself; the last entry of the archive. */
export interface Manifest {
  format: number;
  /** Cổng's version (package.json) that made the backup. */
  version: string;
  createdAt: string;
  dialect: Dialect;
  /** PostgreSQL: the schema the data came from (the dump names it). */
  schema?: string;
  /** The archive entry that holds the database: a SQLite file or a pg_dump script. */
  database: string;
  migrations: string[];
  sites: { id: number; code: string; name: string }[];
  rowCounts: Record<string, number>;
  files: Record<string, FileSum>;
}

/** The facts a database engine reports at the moment of its snapshot. */
export interface SnapshotFacts {
  migrations: string[];
  sites: { id: number; code: string; name: string }[];
  rowCounts: Record<string, number>;
}

let version: string | undefined;

/** Cổng's version, from the package.json above this file (src/ under tsx, dist/src/ when built). */
export function congVersion(): string {
  if (version) return version;
  for (let dir = import.meta.dirname; dir !== dirname(dir); dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'cong' && pkg.version) return (version = pkg.version);
    } catch {
      // not here: look one folder up
    }
  }
  return (version = 'unknown');
}

/** Parses a manifest; null when it is not one of ours. */
export function parseManifest(text: string): Manifest | null {
  try {
    const m = JSON.parse(text) as Manifest;
    const ok =
      m.format === FORMAT &&
      (m.dialect === 'sqlite' || m.dialect === 'postgres') &&
      typeof m.database === 'string' &&
      Array.isArray(m.migrations) &&
      m.migrations.every((x) => typeof x === 'string') &&
      typeof m.rowCounts === 'object' &&
      typeof m.files === 'object' &&
      m.files !== null;
    return ok ? m : null;
  } catch {
    return null;
  }
}

/** The archive's entries that differ from what the manifest lists (missing, extra or changed). */
export function checksumProblems(m: Manifest, found: Map<string, FileSum>): string[] {
  const problems: string[] = [];
  for (const [name, want] of Object.entries(m.files)) {
    const got = found.get(name);
    if (!got) problems.push(`thiếu tệp ${name}`);
    else if (got.sha256 !== want.sha256 || got.size !== want.size) problems.push(`tệp ${name} sai mã kiểm tra`);
  }
  for (const name of found.keys()) if (name !== MANIFEST && !(name in m.files)) problems.push(`tệp lạ ${name}`);
  return problems;
}
