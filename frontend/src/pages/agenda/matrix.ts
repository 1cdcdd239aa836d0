// The principles matrix as data: action lines and their projects against the 8 guiding
// principles (or the 8 reform lines). Kept apart from the screen so that it can be tested.
import type { Actielijn, Project } from '../../api/types';
import type { Principe } from '../../api/types/agenda';

export type Dimension = 'principes' | 'hervormingslijnen';

export interface MatrixColumn {
  nummer: number;
  titel: string;
  /** Projects that contribute. */
  projects: number;
  /** Action lines that name it under "Draagt bij aan". */
  lines: number;
}
export interface MatrixProject {
  id: string;
  titel: string;
  rang: number;
  soort: string;
  cells: boolean[];
  /** How many of the columns this project contributes to. */
  total: number;
}
export interface MatrixLine {
  nummer: number;
  titel: string;
  /** Per column: the action line itself names it ("Draagt bij aan"). */
  declared: boolean[];
  /** Per column: how many of the line's projects contribute. */
  counts: number[];
  projects: MatrixProject[];
  /** How many columns at least one of the line's projects contributes to. */
  total: number;
}
export interface Matrix {
  columns: MatrixColumn[];
  lines: MatrixLine[];
  /** The highest count in a line's cell (for the shading). */
  max: number;
  /** Projects taken into account. */
  projectCount: number;
}

/** A stopped project no longer contributes to anything; every other one counts. */
export function counts(p: Pick<Project, 'status'>): boolean {
  return p.status !== 'gestopt';
}

export function buildMatrix(columns: Principe[], lines: Actielijn[], projects: Project[], dim: Dimension): Matrix {
  const cols = [...columns].sort((a, b) => a.nummer - b.nummer);
  const active = projects.filter(counts);
  const outLines: MatrixLine[] = [...lines]
    .sort((a, b) => a.nummer - b.nummer)
    .map((l) => {
      const own = active.filter((p) => p.actielijn === l.nummer).sort((a, b) => a.rang - b.rang);
      const mp: MatrixProject[] = own.map((p) => {
        const set = new Set(p[dim] ?? []);
        const cells = cols.map((c) => set.has(c.nummer));
        return { id: p.id, titel: p.titel, rang: p.rang, soort: p.soort, cells, total: cells.filter(Boolean).length };
      });
      const countsPerCol = cols.map((_, i) => mp.filter((p) => p.cells[i]).length);
      const declaredSet = new Set(l[dim] ?? []);
      return {
        nummer: l.nummer,
        titel: l.titel,
        declared: cols.map((c) => declaredSet.has(c.nummer)),
        counts: countsPerCol,
        projects: mp,
        total: countsPerCol.filter((n) => n > 0).length,
      };
    });
  const outCols: MatrixColumn[] = cols.map((c, i) => ({
    nummer: c.nummer,
    titel: c.titel,
    projects: outLines.reduce((s, l) => s + l.counts[i], 0),
    lines: outLines.filter((l) => l.declared[i]).length,
  }));
  const max = Math.max(0, ...outLines.flatMap((l) => l.counts));
  return { columns: outCols, lines: outLines, max, projectCount: active.length };
}

/** The columns no project contributes to: where the agenda has nothing going on. */
export function emptyColumns(m: Matrix): MatrixColumn[] {
  return m.columns.filter((c) => c.projects === 0);
}

/** The columns most projects contribute to, most first (ties by number); only non-empty ones. */
export function strongest(m: Matrix, n = 3): MatrixColumn[] {
  return m.columns
    .filter((c) => c.projects > 0)
    .sort((a, b) => b.projects - a.projects || a.nummer - b.nummer)
    .slice(0, n);
}

/** The shade of a cell, 0 (nothing) to 4 (the most in the matrix). Every count above zero gets
 * at least shade 1, so "one project" never looks like "none". */
export function level(count: number, max: number): 0 | 1 | 2 | 3 | 4 {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((count / max) * 4))) as 1 | 2 | 3 | 4;
}
