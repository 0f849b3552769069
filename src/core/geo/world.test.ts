import { describe, expect, it } from 'vitest';
import { alpha2ForAtlasFeature, mappableCountries, worldGeoJson } from './world';

describe('worldGeoJson', () => {
  it('when converted, then every atlas country becomes a feature named by its alpha-2 code', () => {
    const world = worldGeoJson();
    // 177 atlas shapes less Antarctica.
    expect(world.features).toHaveLength(176);
    for (const f of world.features) expect(f.properties.name).toMatch(/^[A-Z]{2}$/);
  });

  it.each([
    ['276', 'Germany', 'DE'],
    ['840', 'United States of America', 'US'],
    ['250', 'France', 'FR'],
    ['076', 'Brazil', 'BR'],
    [undefined, 'Kosovo', 'XK'],
    ['010', 'Antarctica', 'AQ'],
  ])('when the atlas id is %s (%s), then the code is %s', (id, name, code) => {
    expect(alpha2ForAtlasFeature(id, name)).toBe(code);
  });

  it('when asked which countries are mappable, then the big ones are there and unknown ones are not', () => {
    const codes = mappableCountries();
    for (const c of ['DE', 'FR', 'ES', 'US', 'CN', 'IN', 'AU', 'ZA']) expect(codes.has(c)).toBe(true);
    expect(codes.has('ZZ')).toBe(false);
    expect(codes.has('AQ')).toBe(false);
  });

  it('when a country crosses the antimeridian, then none of its rings jumps across the map', () => {
    for (const code of ['RU', 'FJ']) {
      const f = worldGeoJson().features.find((x) => x.properties.name === code)!;
      const rings = f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates.flat() : (f.geometry as { coordinates: number[][][] }).coordinates;
      for (const ring of rings) {
        const lons = ring.map((p) => p[0]!);
        expect(Math.max(...lons) - Math.min(...lons)).toBeLessThan(200);
      }
    }
  });
});
