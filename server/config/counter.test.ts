import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, loadCounterConfig, type ConfigError } from '../config';

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (e) {
    return (e as ConfigError).problems;
  }
  return [];
};

describe('COUNTER settings', () => {
  it('when nothing is set, then the platform is repostats with no registry record and no SUSHI customers', () => {
    expect(loadConfig({}).counter).toEqual({
      platform: 'repostats', platformId: 'repostats', registryRecord: '', createdBy: 'repostats', recordUrl: null, customers: [],
    });
  });

  it('when customers are given inline or in a file, then both are read', () => {
    const inline = '[{"customer_id":"global","name":"The World","api_key":"0123456789abcdef"}]';
    expect(loadConfig({ REPOSTATS_SUSHI_CUSTOMERS: inline }).counter.customers).toEqual([{ customer_id: 'global', name: 'The World', api_key: '0123456789abcdef' }]);
    const dir = mkdtempSync(join(tmpdir(), 'repostats-sushi-'));
    const file = join(dir, 'customers.json');
    writeFileSync(file, '[{"customer_id":"physics","name":"Physics Library","requestor_id":"phys-1"}]');
    expect(loadConfig({ REPOSTATS_SUSHI_CUSTOMERS: file }).counter.customers).toEqual([{ customer_id: 'physics', name: 'Physics Library', requestor_id: 'phys-1' }]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('when the customers or the platform settings are wrong, then start-up lists each problem with its path', () => {
    expect(problemsOf({ REPOSTATS_SUSHI_CUSTOMERS: '[{"customer_id":"global","name":"W","api_key":"short"}]' })).toEqual([
      'REPOSTATS_SUSHI_CUSTOMERS: 0.name: Too small: expected string to have >=2 characters',
      'REPOSTATS_SUSHI_CUSTOMERS: 0.api_key: at least 8 characters',
    ]);
    expect(problemsOf({ REPOSTATS_SUSHI_CUSTOMERS: './no-such-file.json' })).toEqual([
      'REPOSTATS_SUSHI_CUSTOMERS: expected a JSON array or the path of a file holding one; no file ./no-such-file.json',
    ]);
    expect(problemsOf({ REPOSTATS_COUNTER_PLATFORM_ID: '1repo', REPOSTATS_COUNTER_RECORD_URL: 'https://repo.example/records/' })).toEqual([
      'REPOSTATS_COUNTER_PLATFORM_ID: a letter, then 1–17 letters, digits, _ . /',
      'REPOSTATS_COUNTER_RECORD_URL: expected an http(s) URL containing {id}',
    ]);
  });

  it('when the CLI reads the COUNTER settings alone, then server-only settings do not matter', () => {
    expect(loadCounterConfig({ REPOSTATS_COUNTER_PLATFORM: 'Example Repository', PORT: 'none' }).platform).toBe('Example Repository');
  });
});
