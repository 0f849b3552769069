import { createRequire } from 'node:module';
import { isbot } from 'isbot';
import { describe, expect, it } from 'vitest';
import { BOT_AGENTS, BROWSER_AGENTS, COUNTRIES, DOCUMENTATION_BLOCKS } from './traffic';
import { visitorFor } from './visitors';

const geoip = createRequire(import.meta.url)('geoip-country') as { lookup(ip: string): { country: string } | null };

describe('demo traffic vocabularies', () => {
  it.each(COUNTRIES.flatMap((c) => c.blocks.map((block) => [c.code, block] as const)))(
    'when a visitor from %s uses block %s, then the offline database the importer uses locates it there',
    (code, block) => {
      for (const last of [1, 128, 254]) expect(geoip.lookup(`${block}.${last}`)?.country).toBe(code);
    },
  );

  it('when a visitor uses a documentation block, then no country is found', () => {
    for (const block of DOCUMENTATION_BLOCKS) expect(geoip.lookup(`${block}.10`)).toBeNull();
  });

  it.each(BOT_AGENTS)('when a crawler sends %s, then isbot recognises it', (ua) => {
    expect(isbot(ua)).toBe(true);
  });

  it.each(BROWSER_AGENTS)('when a browser sends %s, then isbot does not flag it', (ua) => {
    expect(isbot(ua)).toBe(false);
  });

  it('when visitors are derived, then the same index gives the same visitor and the address matches the country', () => {
    for (let i = 0; i < 200; i++) {
      const v = visitorFor(3, i, { robot: false });
      expect(visitorFor(3, i, { robot: false })).toEqual(v);
      expect(geoip.lookup(v.ip)?.country ?? null).toBe(v.country);
    }
  });
});
