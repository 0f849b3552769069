import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import topology from 'world-atlas/countries-110m.json';
import { describe, expect, it } from 'vitest';
import { polygonFeatures, type TopoPolygons } from './topojson';

const topo = topology as unknown as Topology<{ countries: GeometryCollection; land: GeometryCollection }>;

describe('polygonFeatures', () => {
  it.each(['countries', 'land'] as const)('when given world-atlas %s, then it gives exactly what topojson-client gives', (name) => {
    const expected = feature(topo, topo.objects[name]);
    const ours = polygonFeatures({ ...topology, geometries: topology.objects[name].geometries } as never);
    expect(ours).toEqual(expected.features);
  });

  it('when arcs are not quantized and a ring uses an arc backwards, then the points are joined once and reversed', () => {
    const square: TopoPolygons<{ n: number }> = {
      arcs: [
        [[0, 0], [1, 0], [1, 1]],
        [[0, 0], [0, 1], [1, 1]],
      ],
      geometries: [{ type: 'Polygon', arcs: [[0, ~1]], id: 'sq', properties: { n: 1 } }, { type: null }],
    };
    expect(polygonFeatures(square)).toEqual([
      { type: 'Feature', id: 'sq', properties: { n: 1 }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] } },
      { type: 'Feature', properties: {}, geometry: null },
    ]);
  });
});
