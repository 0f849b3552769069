/**
 * The layer boundaries in eslint.boundaries.js, shown failing on fixtures: each snippet is linted
 * as if it were a file at the given path in the tree.
 */
import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SQL_OUTSIDE_STORAGE } from '../../eslint.boundaries.js';

const root = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function problems(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, path) });
  return result!.messages.map((m) => m.message);
}

describe('ESLint boundaries', () => {
  it('when the library imports the server, then lint fails', async () => {
    expect(await problems('src/components/Fixture.tsx', "import { loadConfig } from '../../server/config';\nexport const c = loadConfig;\n")).toEqual([
      expect.stringContaining('The library (src/) never imports the server'),
    ]);
  });

  it('when src/core imports React, then lint fails; a component may', async () => {
    const code = "import { useState } from 'react';\nexport const s = useState;\n";
    expect(await problems('src/core/fixture.ts', code)).toEqual([expect.stringContaining('src/core is pure TypeScript')]);
    expect(await problems('src/components/fixture.ts', code)).toEqual([]);
  });

  it('when code outside server/config reads process.env, then lint fails; server/config may', async () => {
    const code = 'export const port = process.env.PORT;\n';
    expect(await problems('server/http/fixture.ts', code)).toEqual([expect.stringContaining('Only server/config reads process.env')]);
    expect(await problems('src/core/fixture.ts', code)).toEqual([expect.stringContaining('Only server/config reads process.env')]);
    expect(await problems('server/config/fixture.ts', code)).toEqual([]);
  });

  it('when SQL is written outside server/storage, then lint fails; server/storage may', async () => {
    const code = 'export const q = (id: string) => `\n  SELECT * FROM records WHERE id = ${id}`;\nexport const d = \'DELETE FROM records\';\n';
    expect(await problems('server/http/fixture.ts', code)).toEqual([
      expect.stringContaining('Only server/storage writes SQL'),
      expect.stringContaining('Only server/storage writes SQL'),
    ]);
    expect(await problems('server/storage/fixture.ts', code)).toEqual([]);
    expect(await problems('server/http/fixture.ts', "export const label = 'Selected records';\n")).toEqual([]);
    // Words that happen to be keywords, in a sentence's case, are not SQL.
    expect(await problems('server/cli/fixture.ts', "export const help = 'with --out: write .ndjson.gz files';\nexport const l = 'With Files';\n")).toEqual([]);
  });

  it('when a file on the SQL allow-list no longer holds SQL, then the test says to take it off the list', async () => {
    const stale: string[] = [];
    for (const file of SQL_OUTSIDE_STORAGE) {
      // The file's text, linted at a path off the list: it must still be caught.
      const found = await problems('server/http/allow-list-probe.ts', readFileSync(resolve(root, file), 'utf8'));
      if (!found.some((m) => m.includes('Only server/storage writes SQL'))) stale.push(file);
    }
    expect(stale).toEqual([]);
  });
});
