import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SUBCOUNT_CONFIG, resolveSubcountConfig } from './subcounts';

const file = (content: unknown) => {
  const path = join(mkdtempSync(join(tmpdir(), 'repostats-subcounts-')), 'subcounts.json');
  writeFileSync(path, JSON.stringify(content));
  return path;
};

describe('resolveSubcountConfig', () => {
  it('when no file is configured, then the defaults apply', () => {
    expect(resolveSubcountConfig(undefined)).toBe(DEFAULT_SUBCOUNT_CONFIG);
  });

  it('when a file overrides one field, then that field changes and the others keep their defaults', () => {
    const publishers = { kind: 'values', sources: [{ path: 'custom_fields.imprint:imprint.publisher' }] };
    const config = resolveSubcountConfig(file({ publishers }));
    expect(config.publishers).toEqual(publishers);
    expect(config.languages).toEqual(DEFAULT_SUBCOUNT_CONFIG.languages);
  });

  it('when the file sets only identifiedOnly on a field, then that field keeps its sources with the option changed', () => {
    expect(DEFAULT_SUBCOUNT_CONFIG.funders).toMatchObject({ identifiedOnly: true });
    const config = resolveSubcountConfig(file({ funders: { identifiedOnly: false } }));
    expect(config.funders).toEqual({ ...DEFAULT_SUBCOUNT_CONFIG.funders, identifiedOnly: false });
    expect(config.affiliations).toEqual(DEFAULT_SUBCOUNT_CONFIG.affiliations);
    expect(() => resolveSubcountConfig(file({ file_types: { identifiedOnly: false } }))).toThrow(/file_types: identifiedOnly applies to value fields only/);
  });

  it('when the file names an unknown field or lacks a path, then the error lists each problem with its path', () => {
    const path = file({ colours: { kind: 'values', sources: [] }, languages: { kind: 'values', sources: [{ id: 'id' }] } });
    expect(() => resolveSubcountConfig(path)).toThrow(/languages\.sources\.0\.path/);
  });
});
