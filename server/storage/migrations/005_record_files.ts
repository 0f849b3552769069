/**
 * Each record's files by key, so a download event that carries no size (raw hits never do) is
 * counted with the size of the file it names.
 */
import type { Migration } from '../port';

export const RECORD_FILE_MIGRATIONS: Migration[] = [
  {
    id: '005_record_files',
    up: () => `
CREATE TABLE record_files (
  record_id TEXT NOT NULL,
  file_key TEXT NOT NULL,
  size BIGINT NOT NULL,
  PRIMARY KEY (record_id, file_key)
)`,
  },
];
