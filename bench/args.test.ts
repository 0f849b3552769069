import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BenchArgsError, parseBenchArgs } from './args';

const dir = mkdtempSync(join(tmpdir(), 'repostats-bench-args-'));
const file = join(dir, 'medium.duckdb');
writeFileSync(file, '');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const note = ['--db-note', 'repostats demo --size medium --seed 1; repostats aggregate'];

describe('parseBenchArgs', () => {
  it('when nothing is given, then the small demo is generated and every step runs', () => {
    expect(parseBenchArgs([])).toMatchObject({ size: 'small', seed: 1, only: ['import', 'aggregate', 'serve', 'query', 'browser', 'library'], partial: false, db: null });
  });

  it('when --db names a file with a note, then every step but the import runs on it', () => {
    const a = parseBenchArgs(['--db', file, ...note]);
    expect(a.db).toEqual({ file, note: note[1] });
    expect(a.size).toBeNull();
    expect(a.only).toEqual(['aggregate', 'serve', 'query', 'browser', 'library']);
  });

  it('when the soak is asked with its minutes, then it runs, and a run without --only leaves it out', () => {
    expect(parseBenchArgs(['--db', file, ...note, '--only', 'soak', '--soak-minutes', '2'])).toMatchObject({ only: ['soak'], soakMinutes: 2 });
    expect(parseBenchArgs([]).only).not.toContain('soak');
    expect(() => parseBenchArgs(['--soak-minutes', '0'])).toThrow(/--soak-minutes: expected a positive number/);
  });

  it('when --db is given with --only, then those steps run', () => {
    expect(parseBenchArgs(['--db', file, ...note, '--only', 'serve,browser']).only).toEqual(['serve', 'browser']);
  });

  it.each([
    [['--db', join(dir, 'missing.duckdb'), ...note], /--db: no such file/],
    [['--db', dir, ...note], /--db: no such file/],
    [['--db', 'postgres://u@h/db', ...note], /not a PostgreSQL URL/],
    [['--db', file], /--db needs --db-note/],
    [['--db', file, '--db-note', '  '], /--db needs --db-note/],
    [['--db', file, ...note, '--size', 'medium'], /--size generates a data set/],
    [['--db', file, ...note, '--seed', '2'], /--seed generates a data set/],
    [['--db', file, ...note, '--only', 'import,serve'], /import cannot be measured/],
    [['--db-note', 'x'], /give --db too/],
    [['--only', 'serve,everything'], /unknown step "everything"/],
    [['--size', 'large'], /--size: expected small or medium/],
    [['--seconds', '0'], /--seconds: expected a positive number/],
    [['--end-date', '22/11/2026'], /--end-date: expected YYYY-MM-DD/],
    [['--bogus'], /Unknown option '--bogus'/],
  ])('when the arguments are %j, then it stops before any work, saying why', (argv, message) => {
    expect(() => parseBenchArgs(argv)).toThrow(BenchArgsError);
    expect(() => parseBenchArgs(argv)).toThrow(message);
  });

  it("when PostgreSQL's aggregation is asked, then it needs the NDJSON directory and a postgres URL, and only then", () => {
    const pg = ['--only', 'aggregate-pg', '--ndjson', dir, '--pg', 'postgres://u@127.0.0.1:5432/x'];
    expect(parseBenchArgs(pg)).toMatchObject({ only: ['aggregate-pg'], pg: { ndjson: dir, url: 'postgres://u@127.0.0.1:5432/x' } });
    expect(parseBenchArgs([]).only).not.toContain('aggregate-pg');
    expect(parseBenchArgs([]).pg).toBeNull();
    expect(() => parseBenchArgs(['--only', 'aggregate-pg', '--pg', 'postgres://u@h/x'])).toThrow(/needs --ndjson DIR/);
    expect(() => parseBenchArgs(['--only', 'aggregate-pg', '--ndjson', file, '--pg', 'postgres://u@h/x'])).toThrow(/needs --ndjson DIR/);
    expect(() => parseBenchArgs(['--only', 'aggregate-pg', '--ndjson', dir, '--pg', file])).toThrow(/needs --pg postgres/);
    expect(() => parseBenchArgs(['--only', 'serve', '--pg', 'postgres://u@h/x'])).toThrow(/--ndjson and --pg are for --only aggregate-pg/);
  });
});
