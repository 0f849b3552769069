import { describe, expect, it } from 'vitest';
import { mayChangeColumns, unnestInsertChunks } from './postgres-bulk';

describe('unnestInsertChunks', () => {
  it('when rows exceed a chunk, then each chunk is one statement with one converted array per column', () => {
    const rows = [['a', 1], ['b', undefined], ['c', 3]];
    const chunks = [...unnestInsertChunks('t', ['k', 'v'], ['text', 'bigint'], rows, {
      onConflict: 'ignore',
      toParam: (v) => (v === undefined ? null : v),
      chunkRows: 2,
    })];
    const sql = 'INSERT INTO t (k,v) SELECT * FROM unnest($1::text[], $2::bigint[]) ON CONFLICT DO NOTHING';
    expect(chunks).toEqual([
      { sql, params: [['a', 'b'], [1, null]] },
      { sql, params: [['c'], [3]] },
    ]);
  });

  it('when conflicts are errors, then the statement has no ON CONFLICT clause', () => {
    const [chunk] = [...unnestInsertChunks('t', ['d'], ['timestamp without time zone'], [['2024-01-01']], { toParam: (v) => v })];
    expect(chunk?.sql).toBe('INSERT INTO t (d) SELECT * FROM unnest($1::timestamp without time zone[])');
  });
});

describe('mayChangeColumns', () => {
  it.each([
    ['CREATE TABLE t (k TEXT)', true],
    ['alter table t add column v int', true],
    ['DROP TABLE IF EXISTS t', true],
    ["SELECT created FROM records WHERE basis = 'created'", false],
    ['INSERT INTO t VALUES (1)', false],
  ])('when the statement is %j, then it says %s', (sql, expected) => {
    expect(mayChangeColumns(sql)).toBe(expected);
  });
});
