/**
 * File types (the subcount id is the file's extension). Most read best as the extension in
 * capitals ("PDF", "CSV"); the entries here are the ones that need a word or a canonical form.
 */
import type { Vocabulary } from './types';

export const FILE_TYPES: Vocabulary = {
  jpg: { en: 'JPEG' },
  jpeg: { en: 'JPEG' },
  tif: { en: 'TIFF' },
  tiff: { en: 'TIFF' },
  txt: { en: 'Plain text', fr: 'Texte brut', de: 'Nur-Text', es: 'Texto plano' },
  md: { en: 'Markdown' },
  py: { en: 'Python' },
  ipynb: { en: 'Jupyter notebook', fr: 'Notebook Jupyter', de: 'Jupyter-Notebook', es: 'Cuaderno Jupyter' },
  r: { en: 'R' },
  unknown: { en: 'Unknown', fr: 'Inconnu', de: 'Unbekannt', es: 'Desconocido' },
};

/** A file type without an entry: its extension in capitals. */
export function fileTypeFallback(id: string): string {
  return id.replace(/^\./, '').toUpperCase();
}
