import { describe, expect, it } from 'vitest';
import { freshDb } from '../../ingest/testDb';
import { RESOURCE_TYPE_DATA_TYPES, accessTypeOf, accessTypeSql, dataTypeOf, dataTypeSql, yopOf, yopSql } from './dataTypes';

describe('Data_Type, Access_Type and YOP', () => {
  it.each([
    ['publication-article', 'Article'], ['publication-preprint', 'Article'], ['publication-book', 'Book_Segment'],
    ['publication-section', 'Book_Segment'], ['publication-thesis', 'Thesis_or_Dissertation'], ['dataset', 'Dataset'],
    ['image-photo', 'Image'], ['video', 'Audiovisual'], ['software', 'Software'], ['publication-conferencepaper', 'Conference_Item'],
    ['lesson', 'Other'], ['textDocument-journalArticle', 'Other'], [null, 'Unspecified'], ['', 'Unspecified'],
  ])('when the resource type is %s, then the Data_Type is %s', (type, expected) => {
    expect(dataTypeOf(type)).toBe(expected);
  });

  it.each([['open', 'Open'], ['embargoed', 'Controlled'], ['restricted', 'Controlled'], ['metadata-only', 'Controlled'], [null, 'Controlled']])(
    'when the access status is %s, then the Access_Type is %s',
    (status, expected) => expect(accessTypeOf(status)).toBe(expected),
  );

  it.each([['2020-10-13', '2020'], ['0987-01-01', '0987'], [null, '0001']])('when published %s, then YOP is %s', (day, yop) => {
    expect(yopOf(day)).toBe(yop);
  });

  it('when the database evaluates the SQL forms, then they agree with the functions for every known value', async () => {
    const db = await freshDb();
    const types = [...Object.keys(RESOURCE_TYPE_DATA_TYPES), 'lesson', "o'dd", '', null];
    for (const type of types) {
      const [row] = await db.query<{ d: string; a: string }>(`SELECT ${dataTypeSql('CAST($1 AS TEXT)')} AS d, ${accessTypeSql('CAST($2 AS TEXT)')} AS a`, [type, type === 'dataset' ? 'open' : type]);
      expect([type, row?.d, row?.a]).toEqual([type, dataTypeOf(type), accessTypeOf(type === 'dataset' ? 'open' : type)]);
    }
    const years = await db.query<{ y: string }>(`SELECT ${yopSql('d')} AS y FROM (SELECT CAST('2020-10-13' AS DATE) AS d UNION ALL SELECT CAST('0987-01-01' AS DATE) UNION ALL SELECT CAST(NULL AS DATE)) t ORDER BY y`);
    expect(years.map((r) => r.y)).toEqual(['0001', '0987', '2020']);
    await db.close();
  });
});
