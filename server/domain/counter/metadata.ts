/**
 * What an Item Report says about an item, read from the stored InvenioRDM record JSON: its DOI,
 * up to three authors (with ORCID / ISNI), publication date, publisher, and its COUNTER parent
 * (the journal of an article, the book of a chapter, from the `journal:journal` and
 * `imprint:imprint` custom fields). Values that do not match the COUNTER_SUSHI patterns are left
 * out rather than sent invalid. Pure.
 */
import type { DataType } from './spec';

export interface Author {
  Name: string;
  ORCID?: string;
  ISNI?: string;
}

export interface ParentMeta {
  dataType: 'Journal' | 'Book';
  title: string | null;
  issn: string | null;
  isbn: string | null;
}

export interface ItemMeta {
  title: string;
  publisher: string;
  doi: string | null;
  authors: Author[];
  publicationDate: string | null;
  parent: ParentMeta | null;
}

const DOI = /^10\.[1-9][0-9]{2}[0-9.]*\/.+$/;
const ORCID = /^[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]$/;
const ISNI = /^[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{3}[0-9X]$/;
const ISSN = /^[0-9]{4}-[0-9]{3}[0-9X]$/;
const ISBN = /^97[89]-[0-9]+-[0-9]+-[0-9]+-[0-9]$/;

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const matching = (v: unknown, re: RegExp): string | null => {
  const s = str(v);
  return s !== null && re.test(s) ? s : null;
};

function doiOf(record: Json, metadata: Json): string | null {
  const own = matching(obj(obj(record['pids'])['doi'])['identifier'], DOI);
  if (own) return own;
  const listed = arr(metadata['identifiers']).map(obj).find((i) => str(i['scheme'])?.toLowerCase() === 'doi');
  return listed ? matching(listed['identifier'], DOI) : null;
}

function authorsOf(metadata: Json): Author[] {
  const out: Author[] = [];
  for (const creator of arr(metadata['creators']).map(obj)) {
    const person = obj(creator['person_or_org']);
    const name = str(person['name']) ?? [str(person['family_name']), str(person['given_name'])].filter(Boolean).join(', ');
    if (name.length < 2 || out.some((a) => a.Name === name)) continue;
    const author: Author = { Name: name };
    for (const id of arr(person['identifiers']).map(obj)) {
      const scheme = str(id['scheme'])?.toLowerCase();
      if (scheme === 'orcid' && !author.ORCID) author.ORCID = matching(id['identifier'], ORCID) ?? undefined;
      if (scheme === 'isni' && !author.ISNI) author.ISNI = matching(id['identifier'], ISNI) ?? undefined;
    }
    if (!author.ORCID) delete author.ORCID;
    if (!author.ISNI) delete author.ISNI;
    out.push(author);
    if (out.length === 3) break;
  }
  return out;
}

function parentOf(record: Json, dataType: DataType): ParentMeta | null {
  const custom = obj(record['custom_fields']);
  if (dataType === 'Article') {
    const journal = obj(custom['journal:journal']);
    const title = str(journal['title']);
    const issn = matching(journal['issn'], ISSN);
    return title || issn ? { dataType: 'Journal', title, issn, isbn: null } : null;
  }
  if (dataType === 'Book_Segment') {
    const imprint = obj(custom['imprint:imprint']);
    const title = str(imprint['title']);
    const isbn = matching(imprint['isbn'], ISBN);
    return title || isbn ? { dataType: 'Book', title, issn: null, isbn } : null;
  }
  return null;
}

/**
 * @example
 * itemMetadata({ raw, title: 'A dataset', dataType: 'Dataset' })
 * // { title: 'A dataset', publisher: 'Zenodo', doi: '10.5281/zenodo.1', authors: [{ Name: 'Doe, Jane', ORCID: '0000-0002-1825-0097' }], … }
 */
export function itemMetadata(options: { raw: string | null; title: string | null; dataType: DataType }): ItemMeta {
  let record: Json;
  try {
    record = obj(options.raw ? JSON.parse(options.raw) : {});
  } catch {
    record = {};
  }
  const metadata = obj(record['metadata']);
  const date = str(metadata['publication_date']);
  return {
    title: options.title ?? str(metadata['title']) ?? '',
    publisher: str(metadata['publisher']) ?? '',
    doi: doiOf(record, metadata),
    authors: authorsOf(metadata),
    publicationDate: date !== null && /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(date)) ? date : null,
    parent: parentOf(record, options.dataType),
  };
}
