import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadHandBuiltMonth } from '../../domain/counter/fixture';
import { IrA1Schema } from '../../domain/counter/schemas';
import { openDatabase } from '../../storage/open';
import { buildProgram } from '../main';

let dir: string;
let db: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'repostats-counter-cli-'));
  db = join(dir, 'test.duckdb');
  const engine = await openDatabase(db);
  await loadHandBuiltMonth(engine);
  await engine.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => buildProgram().exitOverride().parseAsync(['node', 'repostats', 'counter', ...args, '--db', db]);

describe('repostats counter', () => {
  it('when PR is written as TSV for a community, then the file holds the header block and the hand-counted rows', async () => {
    const out = join(dir, 'pr.tsv');
    await run('pr', '--customer', 'the-lab', '--begin', '2024-03', '--end', '2024-03', '--format', 'tsv', '--out', out, '--param', 'data_type=Book_Segment');
    const lines = readFileSync(out, 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\n').map((l) => l.split('\t'));
    expect(lines[0]?.slice(0, 2)).toEqual(['Report_Name', 'Platform Report']);
    expect(lines[6]?.slice(0, 2)).toEqual(['Report_Filters', 'Data_Type=Book_Segment']);
    expect(lines.slice(15).map((l) => l.slice(2, 5))).toEqual([
      ['Total_Item_Investigations', '3', '3'], ['Total_Item_Requests', '2', '2'], ['Unique_Item_Investigations', '3', '3'],
      ['Unique_Item_Requests', '2', '2'], ['Unique_Title_Investigations', '2', '2'], ['Unique_Title_Requests', '1', '1'],
    ]);
  });

  it('when IR_A1 is written as JSON, then it validates against the COUNTER_SUSHI schema', async () => {
    const out = join(dir, 'ir_a1.json');
    await run('ir_a1', '--begin', '2024-03', '--end', '2024-03', '--out', out);
    expect(IrA1Schema.safeParse(JSON.parse(readFileSync(out, 'utf8'))).success).toBe(true);
  });

  it('when the report or the community is unknown, then the command fails naming it', async () => {
    await expect(run('tr', '--begin', '2024-03', '--end', '2024-03')).rejects.toThrow('unknown report "tr": expected one of pr, pr_p1, ir, ir_a1, ir_m1');
    await expect(run('pr', '--customer', 'nowhere', '--begin', '2024-03', '--end', '2024-03')).rejects.toThrow('no community "nowhere" (give its id or slug, or global)');
  });
});
