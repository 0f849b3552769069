import { describe, expect, it } from 'vitest';
import { itemMetadata } from './metadata';

const raw = (record: object) => JSON.stringify(record);

describe('itemMetadata', () => {
  it('when a record has a DOI, creators and a journal, then the item and its parent are described', () => {
    const meta = itemMetadata({
      title: 'An article',
      dataType: 'Article',
      raw: raw({
        pids: { doi: { identifier: '10.5281/zenodo.123' } },
        metadata: {
          publisher: 'Zenodo', publication_date: '2020-10-13',
          creators: [
            { person_or_org: { name: 'Doe, Jane', identifiers: [{ scheme: 'orcid', identifier: '0000-0002-1825-0097' }] } },
            { person_or_org: { family_name: 'Roe', given_name: 'Rich' } },
            { person_or_org: { name: 'Poe, Ed' } },
            { person_or_org: { name: 'Fourth, Al' } },
          ],
        },
        custom_fields: { 'journal:journal': { title: 'J. Tests', issn: '1234-5679' } },
      }),
    });
    expect(meta).toEqual({
      title: 'An article', publisher: 'Zenodo', doi: '10.5281/zenodo.123', publicationDate: '2020-10-13',
      authors: [{ Name: 'Doe, Jane', ORCID: '0000-0002-1825-0097' }, { Name: 'Roe, Rich' }, { Name: 'Poe, Ed' }],
      parent: { dataType: 'Journal', title: 'J. Tests', issn: '1234-5679', isbn: null },
    });
  });

  it('when values break the COUNTER patterns or the JSON is damaged, then they are left out instead of sent invalid', () => {
    expect(itemMetadata({ title: null, dataType: 'Dataset', raw: raw({ pids: { doi: { identifier: 'not-a-doi' } }, metadata: { title: 'T', publication_date: '2020' } }) }))
      .toMatchObject({ title: 'T', doi: null, publicationDate: null, parent: null, publisher: '' });
    expect(itemMetadata({ title: 'X', dataType: 'Dataset', raw: '{broken' })).toMatchObject({ title: 'X', doi: null, authors: [] });
  });
});
