/**
 * Rendered bundles carry item labels, which the vocabularies fill (`server/config/vocabularies.ts`).
 * The vocabularies' hash is kept in the database; when a site changes its vocabulary files, the
 * next `serve` start drops every stored bundle so none is answered with the old labels (they are
 * rebuilt on request). A database without the hash (bundles rendered before labels were filled)
 * is treated as changed. Daily documents and the query API read labels per request and need nothing.
 */
import type { Vocabularies } from '../config/vocabularies';
import { readState, writeState } from '../storage/queries/ingestState';
import { shortHash } from '../ingest/visitor';
import type { SqlEngine } from '../storage/port';

const STATE_KEY = 'vocabularies_hash';

/** Returns whether stored bundles were dropped (the vocabularies changed since they were rendered). */
export async function syncVocabularyStamp(db: SqlEngine, vocabularies: Vocabularies): Promise<boolean> {
  const hash = shortHash(JSON.stringify(vocabularies));
  const stored = await readState(db, STATE_KEY);
  if (stored === hash) return false;
  await db.transaction(async (tx) => {
    await tx.exec('DELETE FROM bundle_cache');
    await writeState(tx, STATE_KEY, hash);
  });
  return true;
}
