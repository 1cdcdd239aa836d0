// The municipalities' boundaries (GeoJSON, WGS84) as SVG paths. Twente is small, so a plain
// equirectangular projection with the longitude scaled by cos(latitude) keeps the shapes true
// enough; no map library is needed.

export interface Feature {
  type: 'Feature';
  properties: { code: string; name: string };
  geometry: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
}
export interface FeatureCollection {
  type: 'FeatureCollection';
  features: Feature[];
}

export interface MapShape {
  code: string;
  name: string;
  d: string;
}

export interface ProjectedMap {
  width: number;
  height: number;
  shapes: MapShape[];
}

function polygons(f: Feature): number[][][][] {
  return f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
}

/** Projects the features into a box `width` wide (height follows), with `pad` around. */
export function projectFeatures(fc: FeatureCollection, width = 400, pad = 4): ProjectedMap {
  const points: number[][] = fc.features.flatMap((f) => polygons(f).flat(2));
  if (points.length === 0) return { width, height: 0, shapes: [] };
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLon - minLon) * k, 1e-9);
  const spanY = Math.max(maxLat - minLat, 1e-9);
  const scale = (width - 2 * pad) / spanX;
  const height = Math.round(spanY * scale + 2 * pad);
  const x = (lon: number) => ((lon - minLon) * k * scale + pad).toFixed(1);
  const y = (lat: number) => ((maxLat - lat) * scale + pad).toFixed(1);
  const shapes = fc.features.map((f) => ({
    code: f.properties.code,
    name: f.properties.name,
    d: polygons(f)
      .flatMap((poly) => poly.map((ring) => `M${ring.map(([lon, lat]) => `${x(lon)},${y(lat)}`).join('L')}Z`))
      .join(''),
  }));
  return { width, height, shapes };
}
