import { describe, expect, it } from 'vitest';
import { createFormat } from './format';
import { toCsv } from './csv';

const en = createFormat('en');
const de = createFormat('de');
const nb = (s: string) => s.replace(/\u00a0|\u202f/g, ' ');

describe('createFormat', () => {
  it.each([
    ['number', en.number(1234567), '1,234,567'],
    ['number de', de.number(1234567), '1.234.567'],
    ['compact', en.compact(1234567), '1.2M'],
    ['compact de', de.compact(1234567), '1,2 Mio.'],
    ['percent', en.percent(0.253), '25.3%'],
    ['percent de', de.percent(0.253), '25,3 %'],
    ['bytes', en.bytes(1_500_000), '1.5 MB'],
    ['bytes de', de.bytes(2_000_000_000), '2 GB'],
    ['bytes small', en.bytes(512), '512 bytes'],
    ['bytes zero', en.bytes(0), '0 bytes'],
    ['bytes one', en.bytes(1), '1 byte'],
    ['bytes small de', de.bytes(512), '512 Byte'],
    ['month', en.date('2024-03-01', 'month'), 'Mar 2024'],
    ['month de', de.date('2024-03-01', 'month'), 'März 2024'],
    ['quarter', en.date('2024-04-01', 'quarter'), 'Q2 2024'],
    ['year', de.date('2024-01-01', 'year'), '2024'],
    ['country', en.country('DE'), 'Germany'],
    ['country de', de.country('DE'), 'Deutschland'],
    ['label de', de.label({ en: 'Dataset', de: 'Datensatz' }), 'Datensatz'],
    ['label fallback', de.label({ en: 'Software' }), 'Software'],
  ])('when formatting %s, then the reader sees %s', (_name, actual, expected) => {
    expect(nb(actual)).toBe(expected);
  });
});

describe('toCsv', () => {
  it.each([
    [[['a', 1]], 'h1,h2\r\na,1\r\n'],
    [[['x,y', null]], 'h1,h2\r\n"x,y",\r\n'],
    [[['say "hi"', 2]], 'h1,h2\r\n"say ""hi""",2\r\n'],
    [[['=SUM(A1)', -3]], "h1,h2\r\n'=SUM(A1),-3\r\n"],
  ] as const)('when rows are %j, then the CSV is quoted safely', (rows, expected) => {
    expect(toCsv(['h1', 'h2'], rows.map((r) => [...r]))).toBe(expected);
  });
});
