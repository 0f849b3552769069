import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemo } from './generate';
import { writeDemoFiles, type DemoProgress } from './write';

const dir = mkdtempSync(join(tmpdir(), 'repostats-demo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const options = { size: 'tiny', seed: 5, endDate: '2026-03-31' } as const;

describe('writeDemoFiles', () => {
  it('when writing plain and gzipped files, then both hold exactly the generated lines, one JSON per line', async () => {
    const progress: DemoProgress[] = [];
    const plain = await writeDemoFiles({ ...options, outDir: join(dir, 'plain'), onProgress: (p) => progress.push(p) });
    const gz = await writeDemoFiles({ ...options, outDir: join(dir, 'gz'), gzip: true });
    const demo = generateDemo(options);
    for (const kind of ['records', 'memberships', 'events'] as const) {
      const text = readFileSync(join(dir, 'plain', `${kind}.ndjson`), 'utf8');
      expect(gunzipSync(readFileSync(join(dir, 'gz', `${kind}.ndjson.gz`))).toString('utf8')).toBe(text);
      const lines = text.trimEnd().split('\n');
      expect(lines).toEqual([...demo[kind]].map((item) => JSON.stringify(item)));
      expect(plain.files.find((f) => f.kind === kind)?.lines).toBe(lines.length);
      expect(gz.files.find((f) => f.kind === kind)!.bytes).toBeLessThan(plain.files.find((f) => f.kind === kind)!.bytes / 3);
    }
    expect(progress.at(-1)).toMatchObject({ kind: 'events', lines: plain.files[2]!.lines });
  });
});
