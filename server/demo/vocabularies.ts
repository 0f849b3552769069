/**
 * Controlled vocabularies the demo records draw from, with the multilingual labels InvenioRDM
 * vocabularies carry (`title: {en, fr, de, es}`), so the dashboards' label handling is exercised.
 * Each entry has a relative frequency: the breakdowns come out skewed, as real ones are.
 */
import { RESOURCE_TYPES as SHIPPED_RESOURCE_TYPES } from '../../src/core/vocabularies';

export type Labels = { en: string; fr?: string; de?: string; es?: string };

export interface FileKind {
  ext: string;
  mimetype: string;
  /** Median size in bytes; sizes are log-normal around it. */
  median: number;
}

export const FILE_KINDS = {
  pdf: { ext: 'pdf', mimetype: 'application/pdf', median: 1_400_000 },
  docx: { ext: 'docx', mimetype: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', median: 180_000 },
  csv: { ext: 'csv', mimetype: 'text/csv', median: 350_000 },
  xlsx: { ext: 'xlsx', mimetype: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', median: 220_000 },
  zip: { ext: 'zip', mimetype: 'application/zip', median: 40_000_000 },
  png: { ext: 'png', mimetype: 'image/png', median: 900_000 },
  jpg: { ext: 'jpg', mimetype: 'image/jpeg', median: 2_500_000 },
  tif: { ext: 'tif', mimetype: 'image/tiff', median: 30_000_000 },
  pptx: { ext: 'pptx', mimetype: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', median: 6_000_000 },
  mp4: { ext: 'mp4', mimetype: 'video/mp4', median: 180_000_000 },
  mp3: { ext: 'mp3', mimetype: 'audio/mpeg', median: 25_000_000 },
  json: { ext: 'json', mimetype: 'application/json', median: 120_000 },
  txt: { ext: 'txt', mimetype: 'text/plain', median: 20_000 },
  py: { ext: 'py', mimetype: 'text/x-python', median: 15_000 },
} as const satisfies Record<string, FileKind>;

export type FileKindId = keyof typeof FILE_KINDS;

export interface ResourceType {
  id: string;
  title: Labels;
  weight: number;
  /** Main file kinds, then extras that sometimes come along. */
  files: readonly FileKindId[];
  extras: readonly FileKindId[];
  /** How much more (or less) often its files are downloaded than viewed. */
  downloadAffinity: number;
  journal?: boolean;
}

const TYPE_MIX: readonly Omit<ResourceType, 'title'>[] = [
  { id: 'publication-article', weight: 34, files: ['pdf'], extras: ['docx', 'csv'], downloadAffinity: 1, journal: true },
  { id: 'publication-preprint', weight: 10, files: ['pdf'], extras: ['docx'], downloadAffinity: 1.1 },
  { id: 'publication-book', weight: 5, files: ['pdf'], extras: [], downloadAffinity: 0.9 },
  { id: 'publication-section', weight: 6, files: ['pdf'], extras: [], downloadAffinity: 0.9 },
  { id: 'publication-thesis', weight: 5, files: ['pdf'], extras: ['zip'], downloadAffinity: 1.2 },
  { id: 'publication-report', weight: 6, files: ['pdf'], extras: ['xlsx'], downloadAffinity: 0.8 },
  { id: 'dataset', weight: 12, files: ['csv', 'zip', 'xlsx', 'json'], extras: ['pdf', 'txt'], downloadAffinity: 1.5 },
  { id: 'software', weight: 5, files: ['zip'], extras: ['py', 'txt'], downloadAffinity: 1.6 },
  { id: 'image-figure', weight: 5, files: ['png', 'jpg'], extras: ['tif'], downloadAffinity: 0.7 },
  { id: 'image-photo', weight: 3, files: ['jpg', 'tif'], extras: [], downloadAffinity: 0.6 },
  { id: 'presentation', weight: 5, files: ['pptx', 'pdf'], extras: [], downloadAffinity: 0.8 },
  { id: 'poster', weight: 3, files: ['pdf', 'png'], extras: [], downloadAffinity: 0.7 },
  { id: 'video', weight: 2, files: ['mp4', 'mp3'], extras: ['txt'], downloadAffinity: 0.5 },
  { id: 'lesson', weight: 2, files: ['pdf', 'pptx'], extras: ['docx'], downloadAffinity: 1 },
];

/** Titled as InvenioRDM's default vocabulary titles them (`src/core/vocabularies`), as a site's records are. */
export const RESOURCE_TYPES: readonly ResourceType[] = TYPE_MIX.map((t) => {
  const title = SHIPPED_RESOURCE_TYPES[t.id];
  if (!title) throw new Error(`demo resource type ${t.id} is not in the shipped vocabulary`);
  return { ...t, title };
});

export const LANGUAGES: readonly { id: string; title: Labels; weight: number }[] = [
  { id: 'eng', title: { en: 'English', fr: 'Anglais', de: 'Englisch', es: 'Inglés' }, weight: 62 },
  { id: 'spa', title: { en: 'Spanish', fr: 'Espagnol', de: 'Spanisch', es: 'Español' }, weight: 9 },
  { id: 'fra', title: { en: 'French', fr: 'Français', de: 'Französisch', es: 'Francés' }, weight: 7 },
  { id: 'deu', title: { en: 'German', fr: 'Allemand', de: 'Deutsch', es: 'Alemán' }, weight: 7 },
  { id: 'por', title: { en: 'Portuguese', fr: 'Portugais', de: 'Portugiesisch', es: 'Portugués' }, weight: 4 },
  { id: 'ita', title: { en: 'Italian', fr: 'Italien', de: 'Italienisch', es: 'Italiano' }, weight: 3 },
  { id: 'nld', title: { en: 'Dutch', fr: 'Néerlandais', de: 'Niederländisch', es: 'Neerlandés' }, weight: 2 },
  { id: 'zho', title: { en: 'Chinese', fr: 'Chinois', de: 'Chinesisch', es: 'Chino' }, weight: 2 },
  { id: 'jpn', title: { en: 'Japanese', fr: 'Japonais', de: 'Japanisch', es: 'Japonés' }, weight: 1 },
  { id: 'ara', title: { en: 'Arabic', fr: 'Arabe', de: 'Arabisch', es: 'Árabe' }, weight: 1 },
  { id: 'rus', title: { en: 'Russian', fr: 'Russe', de: 'Russisch', es: 'Ruso' }, weight: 1 },
  { id: 'pol', title: { en: 'Polish', fr: 'Polonais', de: 'Polnisch', es: 'Polaco' }, weight: 1 },
];

export const RIGHTS: readonly { id: string; title: Labels; weight: number }[] = [
  { id: 'cc-by-4.0', title: { en: 'Creative Commons Attribution 4.0 International', fr: 'Creative Commons Attribution 4.0 International', de: 'Creative Commons Namensnennung 4.0 International', es: 'Creative Commons Atribución 4.0 Internacional' }, weight: 45 },
  { id: 'cc-by-sa-4.0', title: { en: 'Creative Commons Attribution Share Alike 4.0 International', fr: 'Creative Commons Attribution - Partage dans les mêmes conditions 4.0 International', de: 'Creative Commons Namensnennung - Weitergabe unter gleichen Bedingungen 4.0 International', es: 'Creative Commons Atribución-CompartirIgual 4.0 Internacional' }, weight: 8 },
  { id: 'cc-by-nc-4.0', title: { en: 'Creative Commons Attribution Non Commercial 4.0 International', fr: "Creative Commons Attribution - Pas d'utilisation commerciale 4.0 International", de: 'Creative Commons Namensnennung - Nicht kommerziell 4.0 International', es: 'Creative Commons Atribución-NoComercial 4.0 Internacional' }, weight: 9 },
  { id: 'cc-by-nc-nd-4.0', title: { en: 'Creative Commons Attribution Non Commercial No Derivatives 4.0 International', fr: "Creative Commons Attribution - Pas d'utilisation commerciale - Pas de modification 4.0 International", de: 'Creative Commons Namensnennung - Nicht kommerziell - Keine Bearbeitungen 4.0 International', es: 'Creative Commons Atribución-NoComercial-SinDerivadas 4.0 Internacional' }, weight: 6 },
  { id: 'cc0-1.0', title: { en: 'Creative Commons Zero v1.0 Universal', fr: 'Creative Commons Zéro v1.0 Universel', de: 'Creative Commons Zero v1.0 Universell', es: 'Creative Commons Cero v1.0 Universal' }, weight: 10 },
  { id: 'arr', title: { en: 'All Rights Reserved', fr: 'Tous droits réservés', de: 'Alle Rechte vorbehalten', es: 'Todos los derechos reservados' }, weight: 12 },
  { id: 'mit', title: { en: 'MIT License', fr: 'Licence MIT', de: 'MIT-Lizenz', es: 'Licencia MIT' }, weight: 4 },
  { id: 'apache-2.0', title: { en: 'Apache License 2.0', fr: 'Licence Apache 2.0', de: 'Apache-Lizenz 2.0', es: 'Licencia Apache 2.0' }, weight: 2 },
];

/** FAST-style topical headings (ids as worldcat URIs, the shape of the reference's sample records). */
export const SUBJECTS: readonly { id: string; subject: string; weight: number }[] = [
  ['1108176', 'Science', 20], ['958235', 'History', 14], ['1012163', 'Mathematics', 8],
  ['1012213', 'Mathematics--Philosophy', 2], ['997916', 'Literature', 9], ['1060329', 'Philosophy', 7],
  ['1108638', 'Social sciences', 10], ['1010218', 'Linguistics', 6], ['872044', 'Computer science', 9],
  ['832465', 'Biology', 8], ['853139', 'Climatic changes', 6], ['902116', 'Economics', 7],
  ['1010267', 'Medicine', 6], ['1012010', 'Music', 4], ['817758', 'Art', 5],
  ['1060720', 'Physics', 5], ['853897', 'Chemistry', 4], ['872528', 'Education', 6],
  ['940555', 'Geography', 3], ['1086404', 'Religion', 4], ['1108725', 'Sociology', 5],
  ['1081683', 'Psychology', 4], ['1041305', 'Political science', 5], ['910317', 'Archaeology', 3],
].map(([id, subject, weight]) => ({ id: `http://id.worldcat.org/fast/${id}`, subject: subject as string, weight: weight as number }));

/** Access statuses as InvenioRDM computes them (`metadata-only` is set for records without files). */
export const ACCESS_STATUSES = [
  ['open', 82],
  ['restricted', 8],
  ['embargoed', 6],
] as const;
