// The names behind the ids the contributions API uses: action lines and projects (portfolio),
// organisations (stakeholders, by id or code), municipalities (CBS code) and funding sources.
// Each part is optional: when a service does not answer, the screens show the id or code.
import { get, getAll, CONTRIBUTIONS, PORTFOLIO, STAKEHOLDERS } from '../../api/client';
import type { Actielijnen, Project } from '../../api/types';
import type { Financieringsbron, Gemeente } from '../../api/types/budget';
import type { components } from '../../api/generated/stakeholders';
import { t } from '../../i18n';
import { scopeKey, type ScopeRef } from './model';

type Organisatie = components['schemas']['Organisatie'];

export interface Names {
  actielijnen: Map<number, string>;
  projecten: Map<string, { titel: string; actielijn: number }>;
  /** Name by id and by code. */
  organisaties: Map<string, string>;
  /** The organisations to choose from (not the municipalities: they have their own field), by code or id. */
  organisatieLijst: { key: string; naam: string }[];
  gemeenten: Gemeente[];
  bronnen: Financieringsbron[];
}

export const NO_NAMES: Names = { actielijnen: new Map(), projecten: new Map(), organisaties: new Map(), organisatieLijst: [], gemeenten: [], bronnen: [] };

type Part = 'actielijnen' | 'projecten' | 'organisaties' | 'gemeenten' | 'bronnen';

/** Loads the parts asked for; a part that fails stays empty. */
export async function loadNames(parts: Part[], signal: AbortSignal): Promise<Names> {
  const want = new Set(parts);
  const none = <T,>(v: T) => () => v;
  const [lijnen, projecten, orgs, gemeenten, bronnen] = await Promise.all([
    want.has('actielijnen') ? get<Actielijnen>(`${PORTFOLIO}/actielijnen`, signal).then((d) => d.actielijnen).catch(none([])) : [],
    want.has('projecten') ? getAll<Project>(`${PORTFOLIO}/projecten`, 'projecten', signal).catch(none([] as Project[])) : [],
    want.has('organisaties') ? getAll<Organisatie>(`${STAKEHOLDERS}/organisaties`, 'organisaties', signal, 5000).catch(none([] as Organisatie[])) : [],
    want.has('gemeenten') ? get<{ gemeenten: Gemeente[] }>(`${CONTRIBUTIONS}/gemeenten`, signal).then((d) => d.gemeenten).catch(none([] as Gemeente[])) : [],
    want.has('bronnen') ? getAll<Financieringsbron>(`${CONTRIBUTIONS}/financieringsbronnen`, 'financieringsbronnen', signal).catch(none([] as Financieringsbron[])) : [],
  ]);
  const organisaties = new Map<string, string>();
  for (const o of orgs) {
    organisaties.set(o.id, o.naam);
    if (o.code) organisaties.set(o.code, o.naam);
  }
  return {
    actielijnen: new Map(lijnen.map((l) => [l.nummer, l.titel])),
    projecten: new Map(projecten.map((p) => [p.id, { titel: p.titel, actielijn: p.actielijn }])),
    organisaties,
    organisatieLijst: orgs
      .filter((o) => o.type !== 'gemeente')
      .map((o) => ({ key: o.code ?? o.id, naam: o.naam }))
      .sort((a, b) => a.naam.localeCompare(b.naam, 'nl')),
    gemeenten: [...gemeenten].sort((a, b) => a.naam.localeCompare(b.naam, 'nl')),
    bronnen: [...bronnen].sort((a, b) => a.naam.localeCompare(b.naam, 'nl')),
  };
}

/** "Programma", "Actielijn 2: Onderwijs en zorg", "Project: <titel>". */
export function scopeLabel(s: ScopeRef, n: Names): string {
  if (s.scope === 'actielijn') {
    const titel = n.actielijnen.get(s.actielijn ?? 0);
    return titel ? t('budget.scope.actionLineNamed', { nummer: s.actielijn ?? '', titel }) : t('budget.scope.actionLine', { nummer: s.actielijn ?? '' });
  }
  if (s.scope === 'project') {
    return t('budget.scope.projectNamed', { titel: n.projecten.get(s.projectId ?? '')?.titel ?? s.projectId ?? '' });
  }
  return t('budget.scope.programma');
}

export function scopeLabelByKey(key: string, refs: Map<string, ScopeRef>, n: Names): string {
  const r = refs.get(key);
  return r ? scopeLabel(r, n) : key;
}

export { scopeKey };

export function municipalityName(code: string | null | undefined, n: Names): string {
  if (!code) return '';
  return n.gemeenten.find((g) => g.code === code)?.naam ?? code;
}

/** Who contributes: "Accare", "Enschede", or "Accare (namens Enschede)". */
export function contributorLabel(b: { organisatie: string | null; gemeente: string | null }, n: Names): string {
  const org = b.organisatie ? (n.organisaties.get(b.organisatie) ?? b.organisatie) : '';
  const gm = municipalityName(b.gemeente, n);
  if (org && gm) return t('budget.contributor.both', { organisatie: org, gemeente: gm });
  return org || gm;
}

export function sourceName(id: string | null | undefined, n: Names): string {
  if (!id) return '';
  return n.bronnen.find((b) => b.id === id)?.naam ?? id;
}
