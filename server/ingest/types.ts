import type { InputKind } from './inputs';

/** A rejected line: where it is and what is wrong with it. Printed as `source:line: path: message`. */
export interface ImportIssue {
  source: string;
  line: number;
  /** The field path inside the line (`metadata.publication_date`), or `(line)` for the whole line. */
  path: string;
  message: string;
}

/**
 * What an import did. `lines` counts non-blank lines; each is imported, skipped (already stored:
 * a duplicate or an unchanged record) or rejected (invalid). `errors` is capped; `rejected` is not.
 */
export interface ImportSummary {
  kind: InputKind;
  source: string;
  lines: number;
  imported: number;
  skipped: number;
  rejected: number;
  errors: ImportIssue[];
  /** How many issues were not kept in `errors` because of the cap. */
  errorsOmitted: number;
  durationMs: number;
}

export interface ImportProgress {
  lines: number;
  bytes?: number;
  totalBytes?: number;
}

export function formatIssue(issue: ImportIssue): string {
  return `${issue.source}:${issue.line}: ${issue.path}: ${issue.message}`;
}

/** Thrown for a problem with the import as a whole (unreadable file), not with one line. */
export class ImportError extends Error {
  constructor(
    message: string,
    readonly source: string,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}
