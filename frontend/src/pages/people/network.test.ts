import { describe, expect, it } from 'vitest';
import type { Netwerk } from '../../api/types/people';
import { NODE_KINDS, connectionsOf, degrees, enrich, filterGraph, roleLabel, sortNodes } from './network';

const net: Netwerk = {
  knopen: [
    { id: 'actielijn:1', soort: 'actielijn', label: 'Actielijn 1', type: null },
    { id: 'actielijn:2', soort: 'actielijn', label: 'Actielijn 2', type: null },
    { id: 'gremium:g1', soort: 'gremium', label: 'Werkgroep Wonen', type: 'werkgroep' },
    { id: 'gremium:g2', soort: 'gremium', label: 'Stuurgroep Onderwijs', type: 'stuurgroep' },
    { id: 'persoon:p1', soort: 'persoon', label: 'Anna de Vries', type: null },
    { id: 'persoon:p2', soort: 'persoon', label: 'Bram Cliënt', type: null },
    { id: 'organisatie:o1', soort: 'organisatie', label: 'Accare', type: 'zorgaanbieder' },
    { id: 'organisatie:o2', soort: 'organisatie', label: 'Gemeente Enschede', type: 'gemeente' },
    { id: 'project:pr1', soort: 'project', label: 'Project pr1', type: null },
    { id: 'programma:twentse-koers', soort: 'programma', label: 'Programma twentse-koers', type: null },
  ],
  verbindingen: [
    { bron: 'gremium:g1', doel: 'actielijn:1', soort: 'hoortBij', rol: null },
    { bron: 'gremium:g2', doel: 'actielijn:2', soort: 'hoortBij', rol: null },
    { bron: 'gremium:g1', doel: 'programma:twentse-koers', soort: 'hoortBij', rol: null },
    { bron: 'persoon:p1', doel: 'gremium:g1', soort: 'zetel', rol: 'voorzitter' },
    { bron: 'persoon:p2', doel: 'gremium:g2', soort: 'zetel', rol: 'lid' },
    { bron: 'persoon:p1', doel: 'organisatie:o1', soort: 'werktBij', rol: null },
    { bron: 'organisatie:o2', doel: 'gremium:g2', soort: 'vertegenwoordigdIn', rol: null },
    { bron: 'persoon:p2', doel: 'project:pr1', soort: 'betrokken', rol: 'trekker' },
    // Points at a node the network does not have: dropped.
    { bron: 'persoon:p1', doel: 'project:weg', soort: 'betrokken', rol: 'deelnemer' },
  ],
};
const projects = [{ id: 'pr1', titel: 'Passend onderwijs thuisnabij', actielijn: 2 }];
const programmes = [{ id: 'uuid-tk', code: 'twentse-koers', naam: 'Twentse Koers' }];
const all = new Set<string>(NODE_KINDS);

describe('the network', () => {
  const g = enrich(net, projects, programmes);

  it('gets titles from the portfolio, a page per node, and no edge to a missing node', () => {
    const byId = new Map(g.nodes.map((n) => [n.id, n]));
    expect(byId.get('project:pr1')).toMatchObject({ label: 'Passend onderwijs thuisnabij', actielijn: 2, link: '/projecten/pr1' });
    expect(byId.get('programma:twentse-koers')).toMatchObject({ label: 'Twentse Koers', link: null });
    expect(byId.get('persoon:p1')?.link).toBe('/personen/p1');
    expect(byId.get('organisatie:o2')?.link).toBe('/organisaties/o2');
    expect(byId.get('actielijn:2')).toMatchObject({ link: '/actielijnen/2', actielijn: 2 });
    expect(g.edges).toHaveLength(8);
    expect(g.edges.some((e) => e.doel === 'project:weg')).toBe(false);
  });

  it('keeps an unknown project with its id', () => {
    const bare = enrich(net, [], []);
    expect(bare.nodes.find((n) => n.id === 'project:pr1')?.label).toBe('Project pr1');
  });

  it('filters on an action line: its bodies and projects, who is in them, and where they work', () => {
    const one = filterGraph(g, { actielijn: 1, soorten: all, zoek: '' });
    expect(one.nodes.map((n) => n.id).sort()).toEqual(['actielijn:1', 'gremium:g1', 'organisatie:o1', 'persoon:p1', 'programma:twentse-koers']);
    const two = filterGraph(g, { actielijn: 2, soorten: all, zoek: '' });
    expect(two.nodes.map((n) => n.id).sort()).toEqual(['actielijn:2', 'gremium:g2', 'organisatie:o2', 'persoon:p2', 'project:pr1']);
    // Edges only between what remains.
    expect(two.edges.every((e) => two.nodes.some((n) => n.id === e.bron) && two.nodes.some((n) => n.id === e.doel))).toBe(true);
    expect(two.edges).toHaveLength(4);
  });

  it('filters on kinds', () => {
    const people = filterGraph(g, { actielijn: null, soorten: new Set(['persoon']), zoek: '' });
    expect(people.nodes.map((n) => n.soort)).toEqual(['persoon', 'persoon']);
    expect(people.edges).toEqual([]);
    expect(filterGraph(g, { actielijn: null, soorten: new Set(), zoek: '' }).nodes).toEqual([]);
  });

  it('searches names without accents or case and keeps the direct neighbours', () => {
    const s = filterGraph(g, { actielijn: null, soorten: all, zoek: '  client ' });
    expect(s.nodes.map((n) => n.id).sort()).toEqual(['gremium:g2', 'persoon:p2', 'project:pr1']);
    expect(filterGraph(g, { actielijn: 1, soorten: all, zoek: 'bram' }).nodes).toEqual([]);
  });

  it('lists each node’s connections from its own side, for the table', () => {
    const c = connectionsOf(g);
    expect(c.get('persoon:p1')?.map((x) => [x.relation, x.rol, x.other.label])).toEqual([
      ['werktBij.uit', null, 'Accare'],
      ['zetel.uit', 'voorzitter', 'Werkgroep Wonen'],
    ]);
    expect(c.get('gremium:g1')?.map((x) => x.relation)).toEqual(['hoortBij.uit', 'hoortBij.uit', 'zetel.in']);
  });

  it('counts degrees and sorts by kind, then name', () => {
    expect(degrees(g).get('gremium:g1')).toBe(3);
    expect(degrees(g).get('organisatie:o2')).toBe(1);
    expect(sortNodes(g.nodes).map((n) => n.soort)).toEqual(['actielijn', 'actielijn', 'gremium', 'gremium', 'persoon', 'persoon', 'organisatie', 'organisatie', 'project', 'programma']);
    expect(sortNodes(g.nodes).slice(2, 4).map((n) => n.label)).toEqual(['Stuurgroep Onderwijs', 'Werkgroep Wonen']);
  });

  it('names roles in words', () => {
    expect(roleLabel('zetel', 'voorzitter')).toBe('Voorzitter');
    expect(roleLabel('betrokken', 'trekker')).toBe('Trekker');
    expect(roleLabel('werktBij', null)).toBe('');
  });
});
