import type { NumberedRecords } from '../../features/imports/read-plan.js';
import type { ImportSummary } from '../../features/imports/run-import.js';
import type { Site } from '../../kernel/sites/site.js';

/**
 * One kind of old portal `cong import <kind>` reads. Each turns its file into import records
 * (docs/import-format.md); the import command does the rest (site, files folder, progress,
 * summary). Bad input is thrown as an ImportError naming the line or item.
 */
export interface ImportSource {
  name: string;
  /** Its line of the help text. */
  usage: string;
  /** The option that names the folder of the source's files: "--files" or "--uploads". */
  filesOption: string;
  records(file: string, opts: { filesDir?: string; site: Site }): SourceRecords | Promise<SourceRecords>;
}

/** The records, and what the source's own conversion left out or changed (shown in the summary). */
export type SourceRecords = NumberedRecords & { notes?: ImportSummary['skipped'] };
