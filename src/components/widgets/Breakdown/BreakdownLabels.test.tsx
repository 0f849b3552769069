import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { BreakdownView } from './BreakdownView';
import { makeSeries } from '../../../core/charts/testSeries';
import type { FieldId } from '../../../core/fields';
import { tableRows, viewCommon, type TestLocale } from '../testing';

/** A breakdown of `field` whose items carry the labels the server sends: ids, empty, or none. */
function series(field: FieldId, items: { id: string; labels: Record<string, string> }[]) {
  return makeSeries({
    values: [items.length * 10],
    summary: items.length * 10,
    breakdown: {
      field,
      items: items.map((i) => ({ ...i, values: [10], summary: 10 })),
      other: { values: [0], summary: 0, items: 0 },
    },
  });
}

function names(locale: TestLocale, field: FieldId, items: { id: string; labels: Record<string, string> }[]): string[] {
  const { unmount } = render(
    <BreakdownView
      {...viewCommon(locale)}
      title="t"
      field={field}
      metric="records"
      mode="cumulative"
      view="table"
      views={['table']}
      pageSize={10}
      collapsed={false}
      series={series(field, items)}
    />,
  );
  const rows = tableRows(screen.getByRole('table')).slice(1).map((r) => r[0]!);
  unmount();
  return rows;
}

type Items = { id: string; labels: Record<string, string> }[];
const ACCESS: Items = [
  { id: 'open', labels: { en: 'open' } },
  { id: 'metadata-only', labels: {} },
];
/** The reference's documents carry the thesis type with an empty label. */
const TYPES: Items = [{ id: 'publication-thesis', labels: { en: '' } }];
const FILES: Items = [{ id: 'pdf', labels: { en: 'pdf' } }, { id: 'txt', labels: {} }];
const COUNTRIES: Items = [{ id: 'DE', labels: { en: 'DE' } }];
const LANGUAGES: Items = [{ id: 'zho', labels: {} }];
const UNKNOWN: Items = [{ id: 'data-paper_v2', labels: { en: '' } }];

describe('breakdown item names are words in the viewer’s language', () => {
  it.each([
    ['en', ['Open', 'Metadata-only'], ['Thesis'], ['PDF', 'Plain text'], ['Germany'], ['Chinese']],
    ['fr', ['Ouvert', 'Métadonnées uniquement'], ['Thèse'], ['PDF', 'Texte brut'], ['Allemagne'], ['Chinois']],
    ['de', ['Offen', 'Reiner Metadateneintrag'], ['Abschlussarbeit'], ['PDF', 'Nur-Text'], ['Deutschland'], ['Chinesisch']],
    ['es', ['Abierto', 'Solo metadatos'], ['Tesis'], ['PDF', 'Texto plano'], ['Alemania'], ['Chino']],
  ] as const)('in %s: access statuses, resource types, file types, countries and languages', (locale, access, types, files, countries, languages) => {
    expect(names(locale, 'access_statuses', ACCESS)).toEqual(access);
    expect(names(locale, 'resource_types', TYPES)).toEqual(types);
    expect(names(locale, 'file_types', FILES)).toEqual(files);
    expect(names(locale, 'countries', COUNTRIES)).toEqual(countries);
    expect(names(locale, 'languages', LANGUAGES)).toEqual(languages);
  });

  it('when a term is in no vocabulary and has no label, then its id is shown humanised', () => {
    expect(names('en', 'resource_types', UNKNOWN)).toEqual(['Data paper v2']);
  });

  it('when a referrer is a host name, then it is shown as written, not humanised', () => {
    expect(names('en', 'referrers', [{ id: 'www.google.com', labels: {} }, { id: 'scholar-archive.org', labels: {} }])).toEqual(['www.google.com', 'scholar-archive.org']);
  });

  it('when the item carries a label in the viewer’s language, then it wins over the shipped vocabulary', () => {
    expect(names('fr', 'resource_types', [{ id: 'publication-thesis', labels: { en: 'Thesis', fr: 'Mémoire' } }])).toEqual(['Mémoire']);
  });
});
