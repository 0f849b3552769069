/**
 * The one rule for an item's labels when a vocabulary knows its id: the item's own non-empty
 * labels win in every language they give; the vocabulary's term fills the other languages. The
 * server applies it to every label it answers with (daily documents, bundles, the query API), so
 * "thesis" or "metadata-only" never reach a client with an empty label.
 */
import type { Term } from './types';

export type Labels = Record<string, string>;

/** The term of `id`, matched as written, then lower-cased (`PDF` → `pdf`). */
export function termOf(vocabulary: Readonly<Record<string, Term | Labels>> | undefined, id: string): Term | Labels | undefined {
  if (!vocabulary) return undefined;
  return Object.hasOwn(vocabulary, id) ? vocabulary[id] : Object.hasOwn(vocabulary, id.toLowerCase()) ? vocabulary[id.toLowerCase()] : undefined;
}

/**
 * @example
 * withTerm({ en: '' }, { en: 'Thesis', fr: 'Thèse' }) // { en: 'Thesis', fr: 'Thèse' }
 * withTerm({ en: 'Doctoral thesis' }, { en: 'Thesis', fr: 'Thèse' }) // { en: 'Doctoral thesis', fr: 'Thèse' }
 */
export function withTerm(labels: Readonly<Record<string, unknown>>, term: Term | Labels | undefined): Labels {
  const out: Labels = {};
  for (const [lang, text] of Object.entries(term ?? {})) if (typeof text === 'string' && text.trim() !== '') out[lang] = text;
  for (const [lang, text] of Object.entries(labels)) if (typeof text === 'string' && text.trim() !== '') out[lang] = text;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
