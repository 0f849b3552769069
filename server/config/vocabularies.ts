/**
 * The vocabularies the server labels subcount items from: the shipped ones (InvenioRDM's default
 * resource types, access statuses and licences, `src/core/vocabularies`) with a site's own files
 * over them. `REPOSTATS_VOCABULARIES` names a directory; each file in it named for a subcount field
 * (`resource_types`, `access_statuses`, `rights`, `languages`, `subjects`, `funders`, …) or for
 * InvenioRDM's licence vocabulary (`licenses`, the `rights` field) adds terms, or languages of
 * terms, to that field. Files in InvenioRDM's own formats are read as they are, so a site can
 * point it at its `app_data/vocabularies/` (other files there are ignored):
 *
 * - `.yaml` / `.yml` / `.json`: a list of `{id, title: {lang: label}}` (InvenioRDM's fixtures; a
 *   string title or a `name` is English), or an object `{id: {lang: label}}` / `{id: "label"}`;
 * - `.csv`: a header with `id` and `title__<lang>` columns (InvenioRDM's `licenses.csv`).
 *
 * Read once per process (at `serve` start-up, where a bad file stops the server with every problem
 * listed); labels are applied when answering (`labelsFor`), never stored.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { FIELD_IDS, type FieldId } from '../../src/core/fields';
import { VOCABULARIES, termOf, withTerm, type Labels } from '../../src/core/vocabularies';
import { LICENSES } from '../../src/core/vocabularies/licenses';
import { parseCsv } from './csv';

export type Vocabularies = Readonly<Partial<Record<FieldId, Readonly<Record<string, Labels>>>>>;

/** What ships: InvenioRDM's defaults (and the file-type names the library uses). */
export const SHIPPED_VOCABULARIES: Vocabularies = { ...VOCABULARIES, rights: LICENSES } as Vocabularies;

/** InvenioRDM's vocabulary names that differ from the subcount field they label. */
const FILE_ALIASES: Readonly<Record<string, FieldId>> = { licenses: 'rights', resourcetypes: 'resource_types' };
const EXTENSIONS = ['.yaml', '.yml', '.json', '.csv'];

export class VocabularyError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid vocabularies:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'VocabularyError';
  }
}

/** The field a file in the directory labels, or null when the server has no use for it. */
function fieldOfFile(name: string): FieldId | null {
  const ext = extname(name).toLowerCase();
  if (!EXTENSIONS.includes(ext)) return null;
  const base = name.slice(0, -ext.length).toLowerCase();
  if ((FIELD_IDS as readonly string[]).includes(base)) return base as FieldId;
  return FILE_ALIASES[base] ?? null;
}

/** The terms of one file: id → labels. Throws with the file's problem. */
export function readVocabularyFile(path: string): Record<string, Labels> {
  const text = readFileSync(path, 'utf8');
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return csvTerms(text);
  const data: unknown = ext === '.json' ? JSON.parse(text) : parseYaml(text);
  if (Array.isArray(data)) return listTerms(data);
  if (data !== null && typeof data === 'object') return objectTerms(data as Record<string, unknown>);
  throw new Error('expected a list of {id, title} or an object of id → labels');
}

function labelsOf(value: unknown, where: string): Labels {
  if (typeof value === 'string') return value.trim() ? { en: value.trim() } : {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${where}: expected a label or {lang: label}`);
  const out: Labels = {};
  for (const [lang, text] of Object.entries(value)) {
    if (typeof text !== 'string') throw new Error(`${where}.${lang}: expected a string`);
    if (text.trim()) out[lang] = text.trim();
  }
  return out;
}

function listTerms(list: unknown[]): Record<string, Labels> {
  const out: Record<string, Labels> = {};
  list.forEach((entry, i) => {
    const e = entry as Record<string, unknown> | null;
    if (e === null || typeof e !== 'object' || typeof e['id'] !== 'string' || !e['id'].trim()) throw new Error(`entry ${i + 1}: expected an object with a string id`);
    const labels = labelsOf(e['title'] ?? e['name'] ?? {}, `entry ${i + 1} (${e['id']}): title`);
    out[e['id'].trim()] = labels;
  });
  return out;
}

function objectTerms(data: Record<string, unknown>): Record<string, Labels> {
  return Object.fromEntries(Object.entries(data).map(([id, value]) => [id, labelsOf(value, id)]));
}

function csvTerms(text: string): Record<string, Labels> {
  const [header, ...rows] = parseCsv(text);
  const idAt = header?.indexOf('id') ?? -1;
  const titles = (header ?? []).flatMap((h, i) => (h.startsWith('title__') ? [[i, h.slice('title__'.length)] as const] : []));
  if (idAt < 0 || titles.length === 0) throw new Error('expected a header with "id" and "title__<lang>" columns');
  const out: Record<string, Labels> = {};
  for (const row of rows) {
    const id = row[idAt]?.trim();
    if (!id) continue;
    out[id] = Object.fromEntries(titles.flatMap(([i, lang]) => (row[i]?.trim() ? [[lang, row[i]!.trim()]] : [])));
  }
  return out;
}

/** The shipped vocabularies with a site directory's files over them (per term and language). */
export function loadVocabularies(dir: string | undefined): Vocabularies {
  if (!dir) return SHIPPED_VOCABULARIES;
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a directory');
    names = readdirSync(dir).sort();
  } catch (error) {
    throw new VocabularyError([`REPOSTATS_VOCABULARIES: ${dir}: ${(error as Error).message}`]);
  }
  const out: Record<string, Record<string, Labels>> = {};
  for (const [field, terms] of Object.entries(SHIPPED_VOCABULARIES)) out[field] = { ...terms };
  const problems: string[] = [];
  for (const name of names) {
    const field = fieldOfFile(name);
    if (!field) continue;
    try {
      const terms = readVocabularyFile(join(dir, name));
      const into = (out[field] ??= {});
      for (const [id, labels] of Object.entries(terms)) into[id] = { ...into[id], ...labels };
    } catch (error) {
      problems.push(`${join(dir, name)}: ${(error as Error).message}`);
    }
  }
  if (problems.length) throw new VocabularyError(problems);
  return out;
}

const loaded = new Map<string, Vocabularies>();

/**
 * The vocabularies in force, for the directory in `REPOSTATS_VOCABULARIES` (read once per
 * directory and process).
 */
export function resolveVocabularies(dir: string | undefined = process.env.REPOSTATS_VOCABULARIES || undefined): Vocabularies {
  const key = dir ?? '';
  let vocabularies = loaded.get(key);
  if (!vocabularies) {
    vocabularies = loadVocabularies(dir);
    loaded.set(key, vocabularies);
  }
  return vocabularies;
}

/** An item's labels as the server answers them: its own, with the field's vocabulary filling the rest. */
export function labelsFor(vocabularies: Vocabularies, field: string, id: string, stored: Readonly<Record<string, unknown>> = {}): Labels {
  return withTerm(stored, termOf(vocabularies[field as FieldId], id));
}
