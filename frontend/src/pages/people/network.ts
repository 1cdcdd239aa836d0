// The network of who is involved where (stakeholders /netwerk), made readable: project and
// programme nodes get their titles from the portfolio (the stakeholders service only knows their
// ids), every node a link to its page, and filters by action line, kind and name.
import type { Netwerk } from '../../api/types/people';
import { tk } from '../../i18n';
import { fold } from './text';

export const NODE_KINDS = ['actielijn', 'gremium', 'persoon', 'organisatie', 'project', 'programma'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export interface GraphNode {
  id: string;
  soort: string;
  label: string;
  /** The organisation type or the kind of body, if any. */
  type: string | null;
  /** The app's page of this node, if it has one. */
  link: string | null;
  /** For a project: its action line. */
  actielijn: number | null;
}

export interface GraphEdge {
  bron: string;
  doel: string;
  soort: string;
  rol: string | null;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface ProjectRef {
  id: string;
  titel: string;
  actielijn: number;
}

export interface ProgrammeRef {
  id: string;
  code: string;
  naam: string;
}

function linkOf(soort: string, key: string): string | null {
  switch (soort) {
    case 'persoon':
      return `/personen/${key}`;
    case 'organisatie':
      return `/organisaties/${key}`;
    case 'actielijn':
      return `/actielijnen/${key}`;
    case 'project':
      return `/projecten/${key}`;
    case 'gremium':
      return '/gremia';
    default:
      return null;
  }
}

/** The network with titles from the portfolio and a link per node; edges to unknown nodes are dropped. */
export function enrich(net: Netwerk, projects: ProjectRef[], programmes: ProgrammeRef[]): Graph {
  const projectById = new Map(projects.map((p) => [p.id, p]));
  const programmeByKey = new Map<string, ProgrammeRef>();
  for (const g of programmes) {
    programmeByKey.set(g.id, g);
    programmeByKey.set(g.code, g);
  }
  const nodes: GraphNode[] = net.knopen.map((k) => {
    const key = k.id.slice(k.id.indexOf(':') + 1);
    const node: GraphNode = { id: k.id, soort: k.soort, label: k.label, type: k.type, link: linkOf(k.soort, key), actielijn: null };
    if (k.soort === 'project') {
      const p = projectById.get(key);
      if (p) {
        node.label = p.titel;
        node.actielijn = p.actielijn;
      }
    } else if (k.soort === 'programma') {
      const g = programmeByKey.get(key);
      if (g) node.label = g.naam;
    } else if (k.soort === 'actielijn') {
      node.actielijn = Number(key);
    }
    return node;
  });
  const ids = new Set(nodes.map((n) => n.id));
  const edges = net.verbindingen.filter((e) => ids.has(e.bron) && ids.has(e.doel)).map((e) => ({ ...e }));
  return { nodes, edges };
}

export interface GraphFilter {
  /** Only what is connected to this action line (its bodies and projects, and who is in them). */
  actielijn: number | null;
  /** The kinds of node to show. */
  soorten: ReadonlySet<string>;
  /** Only nodes whose name contains this (accents and case ignored), with their direct neighbours. */
  zoek: string;
}

function neighbours(edges: GraphEdge[], of: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const e of edges) {
    if (of.has(e.bron)) out.add(e.doel);
    if (of.has(e.doel)) out.add(e.bron);
  }
  return out;
}

/** The part of the graph the filter asks for; edges only between nodes that remain. */
export function filterGraph(g: Graph, f: GraphFilter): Graph {
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  let keep = new Set(g.nodes.map((n) => n.id));

  if (f.actielijn !== null) {
    const line = `actielijn:${f.actielijn}`;
    // The core: the line, its bodies and its projects; then who sits in, represents or is
    // involved in any of them, and the programmes of its bodies; then where those people work.
    const core = new Set<string>([line]);
    for (const e of g.edges) if (e.soort === 'hoortBij' && e.doel === line) core.add(e.bron);
    for (const n of g.nodes) if (n.soort === 'project' && n.actielijn === f.actielijn) core.add(n.id);
    const around = [...neighbours(g.edges, core)].filter((id) => ['persoon', 'organisatie', 'programma'].includes(byId.get(id)?.soort ?? ''));
    const people = new Set(around.filter((id) => byId.get(id)?.soort === 'persoon'));
    const employers = g.edges.filter((e) => e.soort === 'werktBij' && people.has(e.bron)).map((e) => e.doel);
    keep = new Set([...core, ...around, ...employers]);
  }

  const q = fold(f.zoek.trim());
  if (q) {
    const hits = new Set([...keep].filter((id) => fold(byId.get(id)?.label ?? '').includes(q)));
    const near = [...neighbours(g.edges, hits)].filter((id) => keep.has(id));
    keep = new Set([...hits, ...near]);
  }

  const nodes = g.nodes.filter((n) => keep.has(n.id) && f.soorten.has(n.soort));
  const ids = new Set(nodes.map((n) => n.id));
  return { nodes, edges: g.edges.filter((e) => ids.has(e.bron) && ids.has(e.doel)) };
}

export interface Connection {
  /** The edge's kind and which end this node is: "zetel.uit" for a person's seat in a body. */
  relation: string;
  rol: string | null;
  other: GraphNode;
}

/** Every connection of each node, sorted by relation and then by name, for the text alternative. */
export function connectionsOf(g: Graph): Map<string, Connection[]> {
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const out = new Map<string, Connection[]>(g.nodes.map((n) => [n.id, []]));
  for (const e of g.edges) {
    const from = byId.get(e.bron);
    const to = byId.get(e.doel);
    if (!from || !to) continue;
    out.get(from.id)!.push({ relation: `${e.soort}.uit`, rol: e.rol, other: to });
    out.get(to.id)!.push({ relation: `${e.soort}.in`, rol: e.rol, other: from });
  }
  for (const list of out.values()) list.sort((a, b) => a.relation.localeCompare(b.relation) || a.other.label.localeCompare(b.other.label, 'nl'));
  return out;
}

/** How many connections each node has (for the size of its symbol). */
export function degrees(g: Graph): Map<string, number> {
  const d = new Map<string, number>(g.nodes.map((n) => [n.id, 0]));
  for (const e of g.edges) {
    d.set(e.bron, (d.get(e.bron) ?? 0) + 1);
    d.set(e.doel, (d.get(e.doel) ?? 0) + 1);
  }
  return d;
}

/** The nodes in reading order: by kind (as NODE_KINDS), then by name. */
export function sortNodes(nodes: GraphNode[]): GraphNode[] {
  const rank = (s: string) => {
    const i = (NODE_KINDS as readonly string[]).indexOf(s);
    return i < 0 ? NODE_KINDS.length : i;
  };
  return [...nodes].sort((a, b) => rank(a.soort) - rank(b.soort) || a.label.localeCompare(b.label, 'nl', { numeric: true }));
}

/** An edge's role in words: a seat's role ("Voorzitter") or an involvement's ("Trekker"). */
export function roleLabel(soort: string, rol: string | null): string {
  if (!rol) return '';
  if (soort === 'zetel') return tk('seatRole', rol);
  if (soort === 'betrokken') return tk('involvement', rol);
  return rol;
}
