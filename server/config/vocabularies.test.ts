import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';
import { SHIPPED_VOCABULARIES, VocabularyError, labelsFor, loadVocabularies } from './vocabularies';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'repostats-vocab-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string) => writeFileSync(join(dir, name), text);

describe('the shipped vocabularies', () => {
  it('when a record gives no label, then resource types and access statuses get InvenioRDM’s labels in the four languages', () => {
    expect(labelsFor(SHIPPED_VOCABULARIES, 'resource_types', 'publication-thesis', { en: '' })).toEqual({
      de: 'Abschlussarbeit', en: 'Thesis', es: 'Tesis', fr: 'Thèse',
    });
    expect(labelsFor(SHIPPED_VOCABULARIES, 'resource_types', 'publication-dissertation')).toEqual({
      de: 'Abschlussarbeit', en: 'Thesis', es: 'Tesis', fr: 'Thèse',
    });
    expect(labelsFor(SHIPPED_VOCABULARIES, 'access_statuses', 'metadata-only')).toEqual({
      de: 'Reiner Metadateneintrag', en: 'Metadata-only', es: 'Solo metadatos', fr: 'Métadonnées uniquement',
    });
  });

  it('when a record gives no title for a licence, then its SPDX-based id gets InvenioRDM’s title', () => {
    expect(labelsFor(SHIPPED_VOCABULARIES, 'rights', 'cc-by-4.0')).toEqual({ en: 'Creative Commons Attribution 4.0 International' });
    expect(labelsFor(SHIPPED_VOCABULARIES, 'rights', 'cc0-1.0')).toEqual({ en: 'Creative Commons Zero v1.0 Universal' });
    expect(labelsFor(SHIPPED_VOCABULARIES, 'rights', 'bsd-3-clause')).toEqual({ en: 'BSD 3-Clause "New" or "Revised" License' });
    expect(Object.keys(SHIPPED_VOCABULARIES.rights ?? {})).toHaveLength(419);
  });

  it('when a record gives a label, then it wins in its languages and the vocabulary fills the others', () => {
    expect(labelsFor(SHIPPED_VOCABULARIES, 'resource_types', 'publication-article', { en: 'Article (peer reviewed)' })).toEqual({
      de: 'Zeitschriftenartikel', en: 'Article (peer reviewed)', es: 'Artículo de revista', fr: 'Article de revue',
    });
  });

  it('when neither the record nor a vocabulary names an item, then it has no labels (the client humanises the id)', () => {
    expect(labelsFor(SHIPPED_VOCABULARIES, 'subjects', 'history')).toEqual({});
    expect(labelsFor(SHIPPED_VOCABULARIES, 'resource_types', 'textDocument-thesis')).toEqual({});
  });
});

describe('a site’s own vocabularies (REPOSTATS_VOCABULARIES)', () => {
  it('when the directory holds InvenioRDM’s YAML, CSV or a JSON object, then their terms join the shipped ones per language', () => {
    write('resource_types.yaml', [
      '- id: textDocument-thesis',
      '  icon: file alt outline',
      '  title:',
      '    en: Thesis',
      '- id: publication-article',
      '  title: {sv: Tidskriftsartikel}',
    ].join('\n'));
    write('licenses.csv', 'id,title__en,title__de,tags\narr,All Rights Reserved,Alle Rechte vorbehalten,all\n');
    write('access_statuses.json', JSON.stringify({ open: { en: 'Open access' } }));
    write('vocabularies.yaml', 'names: {pid-type: names}\n');
    write('README.md', '# not a vocabulary');
    const v = loadVocabularies(dir);
    expect(labelsFor(v, 'resource_types', 'textDocument-thesis')).toEqual({ en: 'Thesis' });
    expect(labelsFor(v, 'resource_types', 'publication-article')).toMatchObject({ en: 'Journal article', sv: 'Tidskriftsartikel' });
    expect(labelsFor(v, 'rights', 'arr')).toEqual({ de: 'Alle Rechte vorbehalten', en: 'All Rights Reserved' });
    expect(labelsFor(v, 'rights', 'mit')).toEqual({ en: 'MIT License' });
    expect(labelsFor(v, 'access_statuses', 'open')).toEqual({ de: 'Offen', en: 'Open access', es: 'Abierto', fr: 'Ouvert' });
  });

  it('when a file cannot be read as a vocabulary, then every bad file is named and the server refuses to start', () => {
    write('resource_types.yaml', '- title: {en: No id}\n');
    write('rights.json', '{"cc-by-4.0": 4}');
    write('languages.csv', 'code,name\neng,English\n');
    const error = (() => {
      try {
        loadVocabularies(dir);
      } catch (e) {
        return e as VocabularyError;
      }
      throw new Error('expected a VocabularyError');
    })();
    expect(error).toBeInstanceOf(VocabularyError);
    expect(error.problems).toEqual([
      `${join(dir, 'languages.csv')}: expected a header with "id" and "title__<lang>" columns`,
      `${join(dir, 'resource_types.yaml')}: entry 1: expected an object with a string id`,
      `${join(dir, 'rights.json')}: cc-by-4.0: expected a label or {lang: label}`,
    ]);
    expect(() => loadConfig({ REPOSTATS_VOCABULARIES: dir })).toThrow(ConfigError);
    expect(() => loadConfig({ REPOSTATS_VOCABULARIES: join(dir, 'missing') })).toThrow(/REPOSTATS_VOCABULARIES: .*missing/);
  });
});
