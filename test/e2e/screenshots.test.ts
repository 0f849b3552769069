import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { takeScreenshots } from '../../scripts/screenshots';

describe('scripts/screenshots.ts', () => {
  it('when run against the demo server, then it writes one PNG per tab and theme with no console errors', async () => {
    const out = mkdtempSync(join(tmpdir(), 'repostats-shots-'));
    try {
      const files = await takeScreenshots({ url: inject('baseUrl'), outDir: out });
      expect(files.map((f) => f.replace(/^.*\//, ''))).toEqual([
        '01-content-light.png', '02-contributions-light.png', '03-cumulative-traffic-light.png', '04-usage-rates-light.png',
        '01-content-dark.png', '02-contributions-dark.png', '03-cumulative-traffic-dark.png', '04-usage-rates-dark.png',
      ]);
      for (const file of files) {
        const png = readFileSync(file);
        expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
        expect(png.length).toBeGreaterThan(20_000);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
