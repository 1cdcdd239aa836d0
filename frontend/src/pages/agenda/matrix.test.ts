import { describe, expect, it } from 'vitest';
import type { Actielijn, Project } from '../../api/types';
import { buildMatrix, emptyColumns, level, strongest } from './matrix';

const cols = [1, 2, 3].map((nummer) => ({ nummer, titel: `Principe ${nummer}` }));
const lines = [
  { nummer: 2, titel: 'Onderwijs en zorg', principes: [1] },
  { nummer: 1, titel: 'Wonen en zorg', principes: [1, 2] },
] as unknown as Actielijn[];
const project = (id: string, actielijn: number, rang: number, principes: number[], status = 'actief') =>
  ({ id, actielijn, rang, titel: id, soort: 'nieuw', status, principes, hervormingslijnen: [] }) as unknown as Project;

describe('the principles matrix', () => {
  const projects = [project('a', 1, 2, [1]), project('b', 1, 1, [1, 3]), project('c', 2, 1, [1]), project('gestopt', 2, 2, [2], 'gestopt')];
  const m = buildMatrix(cols, lines, projects, 'principes');

  it('counts per action line and column the projects that contribute, lines in order', () => {
    expect(m.lines.map((l) => l.nummer)).toEqual([1, 2]);
    expect(m.lines[0].counts).toEqual([2, 0, 1]);
    expect(m.lines[1].counts).toEqual([1, 0, 0]);
    expect(m.lines[0].total).toBe(2);
    expect(m.max).toBe(2);
  });

  it('lists a line’s projects by rank with their own cells', () => {
    expect(m.lines[0].projects.map((p) => p.id)).toEqual(['b', 'a']);
    expect(m.lines[0].projects[0].cells).toEqual([true, false, true]);
    expect(m.lines[0].projects[0].total).toBe(2);
  });

  it('marks what the action line itself names, apart from the projects', () => {
    expect(m.lines[0].declared).toEqual([true, true, false]);
    expect(m.columns.map((c) => c.lines)).toEqual([2, 1, 0]);
  });

  it('leaves stopped projects out, so a column only they fed is empty', () => {
    expect(m.projectCount).toBe(3);
    expect(m.columns.map((c) => c.projects)).toEqual([3, 0, 1]);
    expect(emptyColumns(m).map((c) => c.nummer)).toEqual([2]);
  });

  it('names the strongest columns, most projects first, never an empty one', () => {
    expect(strongest(m).map((c) => c.nummer)).toEqual([1, 3]);
    expect(strongest(buildMatrix(cols, lines, [], 'principes'))).toEqual([]);
  });

  it('reads the reform lines from their own field', () => {
    const h = buildMatrix(cols, lines, [{ ...project('x', 1, 1, []), hervormingslijnen: [3] } as Project], 'hervormingslijnen');
    expect(h.lines[0].counts).toEqual([0, 0, 1]);
    expect(h.lines[0].declared).toEqual([false, false, false]);
  });
});

describe('the shade of a cell', () => {
  it('is 0 only for nothing, and at least 1 for any contribution', () => {
    expect(level(0, 10)).toBe(0);
    expect(level(1, 10)).toBe(1);
    expect(level(5, 10)).toBe(2);
    expect(level(8, 10)).toBe(4);
    expect(level(10, 10)).toBe(4);
    expect(level(3, 0)).toBe(0);
  });
});
