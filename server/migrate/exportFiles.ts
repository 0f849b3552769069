/**
 * The files of an OpenSearch export folder, as elasticdump and opensearch-dump write them: NDJSON
 * (plain or gzip) of whole search hits `{_index, _id, _source}` or of `_source` documents alone;
 * for records also InvenioRDM REST responses (`{hits: {hits: […]}}`, one per line or a whole
 * pretty-printed document). Each file is named by its index (the first hit's `_index`, else the
 * file name) and turned into the lines the importer reads.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip, gunzipSync } from 'node:zlib';
import type { Readable } from 'node:stream';
import { ImportError, isGzip, readFileLines } from '../ingest';
import { classifyIndex, indexNameOfFile, type ExportIndex } from './indices';

const EXTENSIONS = /\.(ndjson|jsonl|json|txt)(\.gz)?$|\.gz$/i;
/** multielasticdump writes each index's mapping, settings, … beside its data: not documents. */
const INDEX_METADATA = /\.(mapping|settings|analyzer|alias|template)\.json(\.gz)?$/i;
/** A whole-document file is parsed at once; past this, export NDJSON instead. */
const MAX_DOCUMENT_BYTES = 512 * 1024 ** 2;

export interface ExportFile {
  path: string;
  /** The path inside the export folder, as reports name it. */
  name: string;
  bytes: number;
  /** The index the report names: the file's name when it names the kind of the hits, else the first hit's `_index`. */
  index: string;
  target: ExportIndex;
  /** `lines`: one document or hit per line; `document`: search responses or one JSON document. */
  layout: 'lines' | 'document';
  /** Whether the lines carry `_index` (whole hits) or are bare `_source` documents. */
  hits: boolean;
}

/** Every export file below `dir`, sorted by path (hidden files and index metadata skipped). */
export async function listExport(dir: string): Promise<ExportFile[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((e) => e.isFile() && EXTENSIONS.test(e.name) && !INDEX_METADATA.test(e.name) && !e.name.startsWith('.'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  return Promise.all(paths.map((path) => describeFile(dir, path)));
}

async function describeFile(dir: string, path: string): Promise<ExportFile> {
  const { size } = await stat(path);
  const first = await firstLine(path);
  const parsed = parseJson(first);
  const name = relative(dir, path);
  const fromName = indexNameOfFile(path);
  const hitIndex = (v: unknown) => (isObject(v) && typeof v['_index'] === 'string' ? v['_index'] : null);
  const layout: ExportFile['layout'] = parsed === undefined || Array.isArray(parsed) || hitsOf(parsed) ? 'document' : 'lines';
  // A whole document (a pretty-printed response or array) shows its first hit only once parsed.
  const index = hitIndex(layout === 'lines' ? parsed : (await readDocuments(path, size).catch(() => []))[0]);
  const target = classifyIndex(index ?? fromName);
  // An alias dump's hits name several indices (`…-2024-01`, `…-2024-02`): report it under its file's
  // name when that names the same kind, else under its first hit's index.
  const label = index === null || classifyIndex(fromName).kind === target.kind ? fromName : index;
  return { path, name, bytes: size, index: label, target, layout, hits: index !== null };
}

/** The lines to import from a `lines` file: records are unwrapped from their hits; bare usage events are given the file's index. */
export async function exportLines(file: ExportFile): Promise<{ lines: AsyncIterable<string>; bytesRead: () => number }> {
  const source = await readFileLines(file.path);
  const { target, index, hits } = file;
  async function* transformed(): AsyncGenerator<string> {
    for await (const line of source.lines) {
      if (target.kind === 'records' && line.includes('"_source"')) yield unwrapSource(line);
      // The importer reads a usage event's type from its hit's `_index` when the event does not say.
      else if (target.kind === 'usage-events' && !hits && line.trim() !== '') yield `{"_index":${JSON.stringify(index)},"_source":${line}}`;
      else yield line;
    }
  }
  return { lines: transformed(), bytesRead: source.bytesRead };
}

/** The hits of a `document` file (search responses, a JSON array, or one document), one JSON text each. */
export async function documentHits(file: ExportFile): Promise<string[]> {
  const hits = await readDocuments(file.path, file.bytes);
  return hits.map((hit) => JSON.stringify(file.target.kind === 'records' && isObject(hit) && isObject(hit['_source']) ? hit['_source'] : hit));
}

/** Every hit of a whole-document file: the hits of its search responses, the elements of an array, or the document itself. */
async function readDocuments(path: string, bytes: number): Promise<unknown[]> {
  if (bytes > MAX_DOCUMENT_BYTES) {
    throw new ImportError(`${path}: a single JSON document over ${MAX_DOCUMENT_BYTES / 1024 ** 2} MB; export it as NDJSON (one hit per line)`, path);
  }
  const raw = await readFile(path);
  const text = (raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw).toString('utf8');
  const whole = parseJson(text);
  const documents = whole !== undefined ? [whole] : text.split(/\r?\n/).filter((l) => l.trim() !== '').map((l) => parseJson(l));
  if (documents.some((d) => d === undefined)) throw new ImportError(`${path}: not JSON, nor one JSON document per line`, path);
  return documents.flatMap((d) => (Array.isArray(d) ? d : (hitsOf(d) ?? [d])));
}

function unwrapSource(line: string): string {
  const value = parseJson(line);
  return isObject(value) && isObject(value['_source']) ? JSON.stringify(value['_source']) : line;
}

/** The first non-blank line of a file (plain or gzip); the stream is closed right after. */
async function firstLine(path: string): Promise<string> {
  const stream = createReadStream(path);
  const input: Readable = (await isGzip(path)) ? stream.pipe(createGunzip()) : stream;
  const reader = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of reader) if (line.trim() !== '') return line;
    return '';
  } finally {
    reader.close();
    stream.destroy();
    input.destroy();
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The hits of a search response `{hits: {hits: […]}}`, else null. */
function hitsOf(v: unknown): unknown[] | null {
  const hits = isObject(v) && isObject(v['hits']) ? v['hits']['hits'] : null;
  return Array.isArray(hits) ? hits : null;
}
