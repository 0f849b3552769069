/**
 * World country shapes for the choropleth, shipped offline: world-atlas' 110 m TopoJSON
 * (Natural Earth, ~100 KB) converted to GeoJSON once, when this module is first imported.
 * Each feature's `name` is its ISO alpha-2 code, so map data joins on the code the server stores
 * and names are localised at display time (`Intl.DisplayNames`), not baked in English.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import topology from 'world-atlas/countries-110m.json';
import { polygonFeatures, type TopoPolygons } from './topojson';
import { ISO_NUMERIC_TO_ALPHA2, UNNUMBERED_NAME_TO_ALPHA2 } from './isoNumeric';

export interface CountryProperties {
  /** ISO 3166-1 alpha-2 code. */
  name: string;
  /** Natural Earth's English name, kept for debugging and as a last-resort label. */
  atlasName: string;
}

export type WorldGeoJson = FeatureCollection<Geometry, CountryProperties>;

/** The alpha-2 code of an atlas feature, or null when it is no country (none today). */
export function alpha2ForAtlasFeature(id: string | number | undefined, atlasName: string): string | null {
  if (id !== undefined) return ISO_NUMERIC_TO_ALPHA2[String(id).padStart(3, '0')] ?? null;
  return UNNUMBERED_NAME_TO_ALPHA2[atlasName] ?? null;
}

/** Not a place visitors come from, and at the edge of the projection it dwarfs every country. */
const LEFT_OUT = new Set(['AQ']);

type Ring = number[][];

/**
 * Rings that cross the antimeridian (eastern Russia, Fiji) jump from +180 to −180 and would be
 * drawn as bands across the whole map; moving their western points by +360° keeps them whole.
 */
export function unwrapRing(ring: Ring): Ring {
  const crosses = ring.some(([lon]) => lon! > 150) && ring.some(([lon]) => lon! < -150);
  return crosses ? ring.map(([lon, lat]) => [lon! < 0 ? lon! + 360 : lon!, lat!]) : ring;
}

function unwrap(geometry: Geometry): Geometry {
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: geometry.coordinates.map(unwrapRing) };
  if (geometry.type === 'MultiPolygon') return { ...geometry, coordinates: geometry.coordinates.map((p) => p.map(unwrapRing)) };
  return geometry;
}

let cached: WorldGeoJson | null = null;

/** The world as GeoJSON keyed by alpha-2 (`feature.properties.name`). Computed once per page. */
export function worldGeoJson(): WorldGeoJson {
  if (cached) return cached;
  const countries: TopoPolygons<{ name: string }> = { ...topology, geometries: topology.objects.countries.geometries } as never;
  const features = polygonFeatures(countries).flatMap((f) => {
    const code = alpha2ForAtlasFeature(f.id, f.properties.name);
    if (!code || LEFT_OUT.has(code) || !f.geometry) return [];
    return [{ ...f, geometry: unwrap(f.geometry), properties: { name: code, atlasName: f.properties.name } }];
  });
  cached = { type: 'FeatureCollection', features };
  return cached;
}

/** Every alpha-2 code the map can colour. */
export function mappableCountries(): Set<string> {
  return new Set(worldGeoJson().features.map((f) => f.properties.name));
}
