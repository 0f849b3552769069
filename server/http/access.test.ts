import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { dashboardEnabled, hashToken } from './access';
import { GLOBAL_COMMUNITY, type CommunityRow } from '../storage/communities';

const community = (over: Partial<CommunityRow> = {}): CommunityRow => ({
  id: 'c1',
  slug: 'one',
  title: 'One',
  restricted: false,
  enabled: true,
  tokenHash: null,
  ...over,
});

describe('dashboardEnabled', () => {
  it.each([
    ['opt-out, not listed', { REPOSTATS_DASHBOARDS: 'opt-out' }, community(), true],
    ['opt-out, listed by id', { REPOSTATS_DASHBOARDS: 'opt-out', REPOSTATS_DASHBOARD_COMMUNITIES: 'c1' }, community(), false],
    ['opt-in, not listed', { REPOSTATS_DASHBOARDS: 'opt-in' }, community(), false],
    ['opt-in, listed by slug', { REPOSTATS_DASHBOARDS: 'opt-in', REPOSTATS_DASHBOARD_COMMUNITIES: 'x,one' }, community(), true],
    ['opt-in, listed but switched off in the table', { REPOSTATS_DASHBOARDS: 'opt-in', REPOSTATS_DASHBOARD_COMMUNITIES: 'c1' }, community({ enabled: false }), false],
    ['opt-in, global', { REPOSTATS_DASHBOARDS: 'opt-in' }, GLOBAL_COMMUNITY, true],
  ].map(([name, env, c, expected]) => ({ name, env, c, expected })) as {
    name: string;
    env: Record<string, string>;
    c: CommunityRow;
    expected: boolean;
  }[])('when $name, then enabled is $expected', ({ env, c, expected }) => {
    expect(dashboardEnabled(loadConfig(env), c)).toBe(expected);
  });
});

describe('hashToken', () => {
  it('when a token is hashed, then it is the SHA-256 hex that `sha256sum` prints', () => {
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
