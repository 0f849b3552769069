import { describe, expect, it } from 'vitest';
import { edtfStartDay } from './edtf';

describe('edtfStartDay', () => {
  it.each([
    ['2020', '2020-01-01'],
    ['2020-10', '2020-10-01'],
    ['2020-10-13', '2020-10-13'],
    ['2020/2021', '2020-01-01'],
    ['2020-10/2021-02', '2020-10-01'],
    ['../2021', '2021-01-01'],
    ['2019?', '2019-01-01'],
    ['2019-06~', '2019-06-01'],
    ['2020-21', '2020-03-01'],
    ['2021-02-30', null],
    ['spring', null],
    ['', null],
    [undefined, null],
  ])('when the publication date is %s, then the day is %s', (input, expected) => {
    expect(edtfStartDay(input)).toBe(expected);
  });
});
