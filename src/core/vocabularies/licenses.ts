/**
 * InvenioRDM's default licences (invenio-rdm-records `fixtures/data/vocabularies/licenses.csv`,
 * 2026-08: SPDX-based ids such as `cc-by-4.0`, `cc0-1.0`, `mit`, `apache-2.0`, with their titles).
 * InvenioRDM titles them in English only, as SPDX does. The server fills the `rights` field's
 * labels from it; the library's own namer does not import it (419 titles, 5 KB gzip), since the
 * server's labels already carry them.
 */
import data from './licenses.json';
import type { Vocabulary } from './types';

export const LICENSES: Vocabulary = data;
