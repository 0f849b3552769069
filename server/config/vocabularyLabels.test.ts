/**
 * The reference's 8 sample records, served: their items carry the shipped vocabularies' labels in
 * the daily documents (`POST /api/stats`) and the query API's `meta.labels`, in the four
 * languages; a site's vocabulary directory labels its own ids (the reference's `textDocument-*`).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { importLines } from '../ingest';
import { lines } from '../ingest/testDb';
import { runAggregation } from '../domain/aggregate/run';
import { startTestServer, type TestServer } from '../http/testing';

const SAMPLES = join(import.meta.dirname, '..', 'ingest', 'fixtures', 'reference-records');
const DAY = '2025-06-02';
type Json = Record<string, unknown>;

/** The 8 sample records created on one day, and two records of InvenioRDM's default vocabularies that carry no titles. */
function records(): Json[] {
  const samples = readdirSync(SAMPLES).sort().map((file) => {
    const record = JSON.parse(readFileSync(join(SAMPLES, file), 'utf8')) as Json;
    return { ...record, id: record['id'] ?? file.replace(/\.json$/, ''), created: `${DAY}T09:00:00Z` };
  });
  const untitled = (id: string, resourceType: string, licence: string) => ({
    id, created: `${DAY}T09:00:00Z`, access: { status: 'embargoed' },
    metadata: { publication_date: '2025', resource_type: { id: resourceType }, rights: [{ id: licence }] },
  });
  return [...samples, untitled('t1', 'publication-thesis', 'cc-by-4.0'), untitled('t2', 'publication-dissertation', 'cc0-1.0')];
}

let s: TestServer;
let siteDir: string;
beforeAll(async () => {
  s = await startTestServer();
  await importLines(s.db, { kind: 'records', lines: lines(...records()), source: 'samples' });
  await runAggregation(s.db, { today: DAY });
  siteDir = mkdtempSync(join(tmpdir(), 'repostats-site-vocab-'));
});
afterAll(async () => {
  vi.unstubAllEnvs();
  rmSync(siteDir, { recursive: true, force: true });
  await s?.stop();
});

const post = async (path: string, body: unknown): Promise<Json> => {
  const res = await fetch(`${s.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== 200) throw new Error(`${res.status} ${await res.text()}`);
  return (await res.json()) as Json;
};

type DocItem = { id: string; label: unknown; labels: Record<string, string> };
async function deltaItems(): Promise<Record<string, Record<string, DocItem>>> {
  const body = await post('/api/stats', { d: { stat: 'community-record-delta-created', params: { community_id: 'global', start_date: DAY, end_date: DAY } } });
  const [doc] = body['d'] as { subcounts: Record<string, DocItem[]> }[];
  return Object.fromEntries(Object.entries(doc!.subcounts).map(([field, items]) => [field, Object.fromEntries(items.map((i) => [i.id, i]))]));
}

async function queryLabels(field: string, metrics = ['records']): Promise<Record<string, Record<string, string>>> {
  const body = await post('/api/v1/query', { metrics, date_range: [DAY, DAY], dimensions: [`field:${field}`] });
  return (body['meta'] as { labels: Record<string, Record<string, string>> }).labels;
}

const THESIS = { de: 'Abschlussarbeit', en: 'Thesis', es: 'Tesis', fr: 'Thèse' };
const METADATA_ONLY = { de: 'Reiner Metadateneintrag', en: 'Metadata-only', es: 'Solo metadatos', fr: 'Métadonnées uniquement' };
const OPEN = { de: 'Offen', en: 'Open', es: 'Abierto', fr: 'Ouvert' };
const EMBARGOED = { de: 'Gesperrt', en: 'Embargoed', es: 'Embargado', fr: 'Sous embargo' };

describe('vocabulary labels of the sample records, served', () => {
  it('when records give no label, then daily documents carry the shipped vocabularies’ labels in the four languages', async () => {
    const items = await deltaItems();
    expect(items['access_statuses']!['metadata-only']).toMatchObject({ label: 'Metadata-only', labels: METADATA_ONLY });
    expect(items['access_statuses']!['open']).toMatchObject({ label: 'Open', labels: OPEN });
    expect(items['access_statuses']!['embargoed']).toMatchObject({ label: 'Embargoed', labels: EMBARGOED });
    expect(items['resource_types']!['publication-thesis']).toMatchObject({ label: THESIS, labels: THESIS });
    expect(items['resource_types']!['publication-dissertation']).toMatchObject({ label: THESIS, labels: THESIS });
    const ccBy = { en: 'Creative Commons Attribution 4.0 International' };
    expect(items['rights']!['cc-by-4.0']).toMatchObject({ label: ccBy, labels: ccBy });
    expect(items['rights']!['cc0-1.0']?.labels).toEqual({ en: 'Creative Commons Zero v1.0 Universal' });
    // The records' own labels stay as they are.
    expect(items['resource_types']!['textDocument-journalArticle']?.labels).toEqual({ de: 'Zeitschriftenartikel', en: 'Journal article' });
    expect(items['rights']!['cc-by-sa-4.0']?.labels).toEqual({ en: 'Creative Commons Attribution Share Alike 4.0 International' });
  });

  it('when the query API names items, then meta.labels carries the same labels', async () => {
    const access = await queryLabels('access_statuses');
    expect(access).toMatchObject({ 'metadata-only': METADATA_ONLY, open: OPEN, embargoed: EMBARGOED });
    const types = await queryLabels('resource_types');
    expect(types).toMatchObject({ 'publication-thesis': THESIS, 'publication-dissertation': THESIS });
    expect(types['textDocument-thesis']).toBeUndefined();
    expect((await queryLabels('rights'))['cc-by-4.0']).toEqual({ en: 'Creative Commons Attribution 4.0 International' });
  });

  it('when the site’s vocabulary directory names its own ids, then the sample thesis gets its label too', async () => {
    // The reference's own resource types (invenio-stats-dashboard's test vocabulary, KCWorks ids).
    writeFileSync(join(siteDir, 'resource_types.yaml'), '- id: textDocument-thesis\n  title: {en: Thesis}\n- id: textDocument-book\n  title: {en: Book}\n');
    vi.stubEnv('REPOSTATS_VOCABULARIES', siteDir); // read once per process: as if `serve` restarted with it
    const items = await deltaItems();
    expect(items['resource_types']!['textDocument-thesis']).toMatchObject({ label: { en: 'Thesis' }, labels: { en: 'Thesis' } });
    expect(items['resource_types']!['textDocument-book']?.labels).toEqual({ de: 'Buch', en: 'Book' });
    // Another query than above: the query API keeps its answers for the process's life.
    expect((await queryLabels('resource_types', ['records', 'files']))['textDocument-thesis']).toEqual({ en: 'Thesis' });
  });
});
