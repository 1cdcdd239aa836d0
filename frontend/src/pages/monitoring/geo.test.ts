import { describe, expect, it } from 'vitest';
import { projectFeatures, type FeatureCollection } from './geo';
import boundaries from './twente-municipalities.geojson?raw';

describe('projecting the boundaries', () => {
  it('fits the shapes into the box, north up, with the longitude scaled by the latitude', () => {
    // A square of one degree at 60° north is half as wide as it is high on the ground.
    const fc: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { code: 'A', name: 'A' }, geometry: { type: 'Polygon', coordinates: [[[5, 59.5], [6, 59.5], [6, 60.5], [5, 60.5], [5, 59.5]]] } },
      ],
    };
    const m = projectFeatures(fc, 100, 0);
    expect(m.width).toBe(100);
    expect(m.height).toBe(200);
    expect(m.shapes[0].d).toBe('M0.0,200.0L100.0,200.0L100.0,0.0L0.0,0.0L0.0,200.0Z');
  });
  it('draws every ring of a multipolygon', () => {
    const square = (x: number) => [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]];
    const fc: FeatureCollection = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { code: 'B', name: 'B' }, geometry: { type: 'MultiPolygon', coordinates: [square(0), square(2)] } }],
    };
    expect(projectFeatures(fc, 300, 0).shapes[0].d.match(/M/g)).toHaveLength(2);
  });
  it('gives the 14 municipalities of Twente, by CBS code', () => {
    const fc = JSON.parse(boundaries) as FeatureCollection;
    const m = projectFeatures(fc, 400);
    expect(m.shapes).toHaveLength(14);
    expect(m.shapes.map((s) => s.code)).toContain('GM0153');
    expect(m.height).toBeGreaterThan(200);
    expect(m.height).toBeLessThan(600);
    for (const s of m.shapes) for (const n of s.d.match(/-?\d+\.\d/g) ?? []) expect(Number(n)).toBeGreaterThanOrEqual(0);
  });
});
