import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseSize } from './config';

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

describe('parseSize', () => {
  it.each([
    ['100', 100],
    ['2kb', 2048],
    ['1MB', 1048576],
  ])('when given %s, then it is %d bytes', (text, bytes) => {
    expect(parseSize(text)).toBe(bytes);
  });
});
