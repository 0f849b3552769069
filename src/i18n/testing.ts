/**
 * Words tests look for in the shipped catalogs, per language: one list, used by the layout's title
 * test and the rendered dashboard's.
 */
import type { Locale } from './createI18n';

/** Words that title a figure as additions ("added", "new"): a net change must never be titled so. */
export const ADDITION_WORDS = /\b(added|new)\b|ajout|nouve|hinzugef|\bneue?\b|añadid|nuev/i;

/** How each language says "net change". */
export const NET_WORDS: Record<Locale, RegExp> = { en: /net change/, fr: /variation nette/, de: /Nettoveränderung/, es: /variación neta/ };
