import { describe, expect, it } from 'vitest';
import { ConfigError, loadCliConfig, loadConfig, loadHarvestConfig, loadStorageConfig, parseSize } from './config';

describe('loadConfig', () => {
  it('when the environment is empty, then the defaults apply', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 8080, host: '127.0.0.1', db: undefined, adminToken: undefined, corsOrigins: [] });
    expect(c.ingestLimitBytes).toBe(10 * 1024 * 1024);
    expect(c.dashboards).toEqual({ mode: 'opt-out', communities: [] });
  });

  it('when values are given, then they are parsed', () => {
    const c = loadConfig({
      PORT: '9001',
      HOST: '0.0.0.0',
      REPOSTATS_CORS_ORIGINS: 'https://a.example, https://b.example',
      REPOSTATS_INGEST_LIMIT: '512kb',
      REPOSTATS_DASHBOARDS: 'opt-in',
      REPOSTATS_DASHBOARD_COMMUNITIES: 'c1,c2',
    });
    expect(c.port).toBe(9001);
    expect(c.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(c.ingestLimitBytes).toBe(512 * 1024);
    expect(c.dashboards).toEqual({ mode: 'opt-in', communities: ['c1', 'c2'] });
  });

  it('when several values are wrong, then every problem is listed at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', REPOSTATS_ADMIN_TOKEN: 'short', REPOSTATS_DASHBOARDS: 'sometimes' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/PORT/);
    expect(problems).toMatch(/REPOSTATS_ADMIN_TOKEN/);
    expect(problems).toMatch(/REPOSTATS_DASHBOARDS/);
  });
});

describe('memory settings', () => {
  it('when nothing is set, then DuckDB gets 1 GB for CLI work, 64 MB for serving, 256 MB for work inside serve, its own thread count (one inside serve), and the bundle LRU 64 MB', () => {
    const c = loadConfig({});
    expect(c.duckdb).toEqual({ workMemoryBytes: 1024 ** 3, serveMemoryBytes: 64 * 1024 ** 2, serveWorkMemoryBytes: 256 * 1024 ** 2, threads: undefined, serveThreads: 1 });
    expect(c.cacheMemoryBytes).toBe(64 * 1024 ** 2);
  });

  it('when sizes are given with units in any case, then they are read as bytes', () => {
    const c = loadConfig({
      REPOSTATS_DUCKDB_MEMORY: '2GB',
      REPOSTATS_DUCKDB_SERVE_MEMORY: '128mb',
      REPOSTATS_DUCKDB_SERVE_WORK_MEMORY: '384MB',
      REPOSTATS_DUCKDB_THREADS: '1',
      REPOSTATS_DUCKDB_SERVE_THREADS: '2',
      REPOSTATS_CACHE_MEMORY: '16MB',
    });
    expect(c.duckdb).toEqual({ workMemoryBytes: 2 * 1024 ** 3, serveMemoryBytes: 128 * 1024 ** 2, serveWorkMemoryBytes: 384 * 1024 ** 2, threads: 1, serveThreads: 2 });
    expect(c.cacheMemoryBytes).toBe(16 * 1024 ** 2);
  });

  it('when the CLI reads the storage settings alone, then the same variables apply and the server-only ones are ignored', () => {
    expect(loadStorageConfig({ REPOSTATS_DUCKDB_MEMORY: '768mb', PORT: 'not-a-port' }).duckdb.workMemoryBytes).toBe(768 * 1024 ** 2);
  });

  it.each([
    ['REPOSTATS_DUCKDB_MEMORY', 'lots', /REPOSTATS_DUCKDB_MEMORY: expected a size like 1gb/],
    ['REPOSTATS_DUCKDB_MEMORY', '1.5GB', /REPOSTATS_DUCKDB_MEMORY: expected a size/],
    ['REPOSTATS_DUCKDB_MEMORY', '1mb', /REPOSTATS_DUCKDB_MEMORY: at least 64mb, got 1mb/],
    ['REPOSTATS_DUCKDB_SERVE_MEMORY', '10%', /REPOSTATS_DUCKDB_SERVE_MEMORY: expected a size/],
    ['REPOSTATS_DUCKDB_THREADS', '0', /REPOSTATS_DUCKDB_THREADS/],
    ['REPOSTATS_CACHE_MEMORY', 'big', /REPOSTATS_CACHE_MEMORY: expected a size like 64mb/],
  ])('when %s is %s, then start-up fails naming it', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(message);
    if (name.startsWith('REPOSTATS_DUCKDB')) expect(() => loadStorageConfig({ [name]: value })).toThrow(message);
  });
});

describe('per-request budgets', () => {
  it('when nothing is set, then 8 queries per /api/stats body and 366 days per range or page', () => {
    expect(loadConfig({}).limits).toEqual({ statsMaxQueries: 8, maxRangeDays: 366 });
  });

  it('when set, then they are read; zero or a fraction is refused naming the variable', () => {
    expect(loadConfig({ REPOSTATS_STATS_MAX_QUERIES: '2', REPOSTATS_MAX_RANGE_DAYS: '731' }).limits).toEqual({ statsMaxQueries: 2, maxRangeDays: 731 });
    expect(() => loadConfig({ REPOSTATS_STATS_MAX_QUERIES: '0', REPOSTATS_MAX_RANGE_DAYS: '1.5' })).toThrow(
      /REPOSTATS_STATS_MAX_QUERIES[\s\S]*REPOSTATS_MAX_RANGE_DAYS/,
    );
  });
});

describe('loadHarvestConfig', () => {
  it('when REPOSTATS_HARVEST_TOKEN is set, then it is the token; empty means none', () => {
    expect(loadHarvestConfig({ REPOSTATS_HARVEST_TOKEN: 'tok-123' })).toEqual({ token: 'tok-123' });
    expect(loadHarvestConfig({ REPOSTATS_HARVEST_TOKEN: '' })).toEqual({ token: undefined });
  });
});

describe('parseSize', () => {
  it.each([
    ['100', 100],
    ['2kb', 2048],
    ['1MB', 1048576],
    ['1 gb', 1024 ** 3],
  ])('when given %s, then it is %d bytes', (text, bytes) => {
    expect(parseSize(text)).toBe(bytes);
  });
});

describe('the settings read outside serve', () => {
  it('when REPOSTATS_DB is set, then the storage settings carry it', () => {
    expect(loadStorageConfig({ REPOSTATS_DB: 'postgres://h/db' }).db).toBe('postgres://h/db');
    expect(loadStorageConfig({}).db).toBeUndefined();
  });

  it('when the progress interval is a number, then the CLI uses it; otherwise the error names the setting', () => {
    expect(loadCliConfig({ REPOSTATS_PROGRESS_INTERVAL_MS: '0' }).progressIntervalMs).toBe(0);
    expect(loadCliConfig({}).progressIntervalMs).toBeUndefined();
    expect(() => loadCliConfig({ REPOSTATS_PROGRESS_INTERVAL_MS: 'often' })).toThrow(/REPOSTATS_PROGRESS_INTERVAL_MS/);
  });
});
