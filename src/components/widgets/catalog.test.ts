/**
 * Every key the widgets use exists in the English catalog (fr/de/es parity is checked by the
 * i18n suite), including the keys built from registries (metrics, fields, granularities).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIELD_IDS } from '../../core/fields';
import { METRIC_IDS } from '../../core/metrics';
import { GRANULARITIES, COMPARISONS } from '../../core/series/types';
import en from '../../i18n/locales/en/widgets.json';
import fr from '../../i18n/locales/fr/widgets.json';
import de from '../../i18n/locales/de/widgets.json';
import es from '../../i18n/locales/es/widgets.json';

const has = (catalog: unknown, key: string) =>
  key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), catalog) !==
  undefined;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\./.test(name) ? [path] : [];
  });
}

const literalKeys = [
  ...new Set(
    sources(__dirname).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z]+\.[a-zA-Z.-]+)'/g)].map((m) => m[1]!)),
  ),
];
const registryKeys = [
  ...METRIC_IDS.map((m) => `metrics.${m}`),
  ...FIELD_IDS.map((f) => `fields.${f}`),
  ...GRANULARITIES.map((g) => `granularity.${g}`),
  ...COMPARISONS.filter((c) => c !== 'none').flatMap((c) => [
    `comparison.${c}`,
    `singleStat.${c}`,
    `timeSeries.itemComparison.${c}`,
    `timeSeries.comparedTop.${c}`,
  ]),
  ...['delta', 'cumulative'].map((m) => `modes.${m}`),
  ...['views', 'downloads'].map((m) => `topRecords.titles.${m}`),
];

describe('widgets catalog', () => {
  it('when the sources are scanned, then they use catalog keys', () => {
    expect(literalKeys.length).toBeGreaterThan(20);
  });

  it.each([...literalKeys, ...registryKeys])('when the widgets use %s, then every language has it', (key) => {
    for (const catalog of [en, fr, de, es]) expect(has(catalog, key), key).toBe(true);
  });
});
