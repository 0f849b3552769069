import { describe, expect, it } from 'vitest';
import { lockKey, parseTimestamp, toPgParam } from './postgres-values';

describe('parseTimestamp', () => {
  it.each([
    ['2024-01-02 03:04:05', '2024-01-02T03:04:05.000Z'],
    ['2024-01-02 03:04:05.123456', '2024-01-02T03:04:05.123Z'],
    ['2024-01-02 03:04:05.5', '2024-01-02T03:04:05.500Z'],
    ['2024-01-02 03:04:05+00', '2024-01-02T03:04:05.000Z'],
    ['2024-01-02 03:04:05.25+02', '2024-01-02T01:04:05.250Z'],
    ['2024-01-02 00:30:00-05:30', '2024-01-02T06:00:00.000Z'],
    ['infinity', 'infinity'],
  ])('when PostgreSQL sends %s, then the engine returns %s', (text, iso) => {
    expect(parseTimestamp(text)).toBe(iso);
  });
});

describe('toPgParam', () => {
  it.each<[string, unknown, unknown]>([
    ['undefined becomes NULL', undefined, null],
    ['a bigint becomes its decimal text', 2n ** 63n - 1n, '9223372036854775807'],
    ['a Date becomes ISO text in UTC', new Date('2024-02-29T12:00:00Z'), '2024-02-29T12:00:00.000Z'],
    ['an array becomes JSON text, as on DuckDB', ['a', 1], '["a",1]'],
    ['an object becomes JSON text', { a: 1 }, '{"a":1}'],
    ['a string stays', 'x', 'x'],
  ])('when given %s, then it sends the expected value', (_what, value, expected) => {
    expect(toPgParam(value)).toEqual(expected);
  });

  it('when given bytes, then it sends a Buffer of the same bytes', () => {
    expect(toPgParam(new Uint8Array([1, 2, 3]))).toEqual(Buffer.from([1, 2, 3]));
  });
});

describe('lockKey', () => {
  it('when names differ, then keys differ; the same name always gives the same signed 64-bit key', () => {
    const keys = ['aggregate', 'migrate', 'aggregate '].map(lockKey);
    expect(new Set(keys).size).toBe(3);
    expect(lockKey('aggregate')).toBe(keys[0]);
    for (const k of keys) expect(BigInt(k) >= -(2n ** 63n) && BigInt(k) < 2n ** 63n).toBe(true);
  });
});
