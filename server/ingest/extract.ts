/**
 * Subcount extraction: which items of each field a record holds, by the configured JSON paths.
 * Pure: a record's raw JSON and a config in, item rows and their labels out.
 */
import type { SubcountConfig, SubcountFieldConfig, SubcountSource } from '../config/subcounts';
import { readFirst, readPath } from './jsonPath';

export interface RecordItem {
  field: string;
  item_id: string;
  /** Only for file types: this type's files in the record and their bytes. */
  file_count: number | null;
  data_volume: number | null;
}

/** `{lang: label}`; a plain-string label is stored under `en`, the language InvenioRDM defaults to. */
export type ItemLabels = Record<string, string>;

export interface ItemLabel {
  field: string;
  item_id: string;
  labels: ItemLabels;
}

export interface Extracted {
  items: RecordItem[];
  labels: ItemLabel[];
}

export function extractItems(record: unknown, config: SubcountConfig): Extracted {
  const items: RecordItem[] = [];
  const labels = new Map<string, ItemLabel>();
  for (const [field, fieldConfig] of Object.entries(config) as [string, SubcountFieldConfig][]) {
    if (fieldConfig.kind === 'file_types') {
      items.push(...fileTypeItems(record, field, fieldConfig));
      continue;
    }
    const seen = new Set<string>();
    for (const source of fieldConfig.sources) {
      for (const item of readPath(record, source.path)) {
        const id = itemId(item, source, { identifiedOnly: fieldConfig.identifiedOnly === true });
        if (id === null || seen.has(id)) continue;
        seen.add(id);
        items.push({ field, item_id: id, file_count: null, data_volume: null });
        const label = toLabels(source.label === undefined ? undefined : readFirst(item, source.label));
        if (label) mergeLabel(labels, { field, item_id: id, labels: label });
      }
    }
  }
  return { items, labels: [...labels.values()] };
}

function itemId(item: unknown, source: SubcountSource, options: { identifiedOnly: boolean }): string | null {
  const fallback = options.identifiedOnly ? undefined : readFirst(item, source.idFallback);
  const raw = source.id === undefined ? item : (readFirst(item, source.id) ?? fallback);
  if (typeof raw === 'number') return String(raw);
  if (typeof raw !== 'string') return null;
  const id = raw.trim();
  return id === '' ? null : id;
}

function toLabels(value: unknown): ItemLabels | null {
  if (typeof value === 'string') return value.trim() === '' ? null : { en: value.trim() };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const out: ItemLabels = {};
  for (const [lang, text] of Object.entries(value)) if (typeof text === 'string' && text.trim() !== '') out[lang] = text.trim();
  return Object.keys(out).length ? out : null;
}

function mergeLabel(into: Map<string, ItemLabel>, label: ItemLabel): void {
  const key = `${label.field}\u0000${label.item_id}`;
  const existing = into.get(key);
  into.set(key, existing ? { ...existing, labels: { ...label.labels, ...existing.labels } } : label);
}

function fileTypeItems(
  record: unknown,
  field: string,
  config: Extract<SubcountFieldConfig, { kind: 'file_types' }>,
): RecordItem[] {
  const byType = new Map<string, RecordItem>();
  for (const entry of fileEntries(record, config.entries)) {
    const ext = fileExtension(readFirst(entry, config.ext), readFirst(entry, config.key));
    if (!ext) continue;
    const item = byType.get(ext) ?? { field, item_id: ext, file_count: 0, data_volume: 0 };
    item.file_count = (item.file_count ?? 0) + 1;
    item.data_volume = (item.data_volume ?? 0) + fileSize(readFirst(entry, config.size));
    byType.set(ext, item);
  }
  return [...byType.values()];
}

/** File entries come as an object keyed by file name (REST API) or as an array (search index). */
export function fileEntries(record: unknown, path: string): unknown[] {
  return readPath(record, path).flatMap((v) =>
    v !== null && typeof v === 'object' && !('key' in v) && !('size' in v) ? Object.values(v) : [v],
  );
}

/** The entry's `ext`, else the extension of its key (`paper.PDF` → `pdf`). */
export function fileExtension(ext: unknown, key: unknown): string | null {
  if (typeof ext === 'string' && ext.trim() !== '') return ext.trim().toLowerCase();
  if (typeof key !== 'string') return null;
  const m = /\.([A-Za-z0-9]{1,10})$/.exec(key);
  return m ? m[1]!.toLowerCase() : null;
}

/** Sizes may be numbers or numeric strings. */
export function fileSize(value: unknown): number {
  const n = typeof value === 'string' ? Number(value) : typeof value === 'number' ? value : 0;
  return Number.isFinite(n) && n > 0 ? n : 0;
}
