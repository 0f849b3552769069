/**
 * TopoJSON polygons to GeoJSON, for the world map: the part of the TopoJSON format
 * (https://github.com/topojson/topojson-specification) world-atlas uses — quantized or plain arcs,
 * Polygon and MultiPolygon geometries. Written here rather than taken from `topojson-client`, whose
 * package brings its command line (and `commander`) to every host that installs the dashboard.
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';

export interface TopoPolygonObject<P> {
  type: 'Polygon' | 'MultiPolygon' | null;
  /** Polygon: rings of arc indexes; MultiPolygon: polygons of those. A negative index ~i is arc i reversed. */
  arcs?: number[][] | number[][][];
  id?: string | number;
  properties?: P;
}

export interface TopoPolygons<P> {
  arcs: number[][][];
  transform?: { scale: [number, number]; translate: [number, number] };
  geometries: TopoPolygonObject<P>[];
}

/** The topology's arcs in absolute coordinates (quantized arcs are delta-encoded). */
function decodeArcs({ arcs, transform }: Pick<TopoPolygons<unknown>, 'arcs' | 'transform'>): Position[][] {
  if (!transform) return arcs as Position[][];
  const [kx, ky] = transform.scale;
  const [dx, dy] = transform.translate;
  return arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([ax, ay, ...rest]) => [(x += ax!) * kx + dx, (y += ay!) * ky + dy, ...rest]);
  });
}

/** GeoJSON features of the polygon objects, in their order, as topojson-client's `feature()` gives them. */
export function polygonFeatures<P>(topology: TopoPolygons<P>): FeatureCollection<Geometry | null, P>['features'] {
  const arcs = decodeArcs(topology);
  const ring = (indexes: number[]): Position[] => {
    const points: Position[] = [];
    for (const i of indexes) {
      const arc = i < 0 ? [...arcs[~i]!].reverse() : arcs[i]!;
      if (points.length) points.pop(); // shared with the previous arc's last point
      for (const p of arc) points.push([...p]);
    }
    while (points.length < 4) points.push(points[0]!); // a degenerate ring stays a valid ring
    return points;
  };
  return topology.geometries.map((o): Feature<Geometry | null, P> => {
    const geometry: Geometry | null =
      o.type === 'Polygon'
        ? { type: 'Polygon', coordinates: (o.arcs as number[][]).map(ring) }
        : o.type === 'MultiPolygon'
          ? { type: 'MultiPolygon', coordinates: (o.arcs as number[][][]).map((polygon) => polygon.map(ring)) }
          : null;
    return { type: 'Feature', ...(o.id === undefined || o.id === null ? {} : { id: o.id }), properties: (o.properties ?? {}) as P, geometry };
  });
}
