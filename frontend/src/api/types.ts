// Names for the schemas of the generated API types (npm run types), used throughout the app.
import type { components as Auth } from './generated/auth';
import type { components as Portfolio } from './generated/portfolio';
import type { components as Stakeholders } from './generated/stakeholders';

type A = Auth['schemas'];
type P = Portfolio['schemas'];
type S = Stakeholders['schemas'];

export type Problem = P['Problem'];
export type InvalidParam = P['InvalidParam'];

export type Sessie = A['Sessie'];
export type MijGebruiker = A['MijGebruiker'];
export type Mij = A['Mij'];
export type Rol = A['Rol'];

export type Fase = P['Fase'];
export type Status = P['Status'];
export type Soort = P['Soort'];
export type Rag = P['Rag'];
export type Actielijn = P['Actielijn'];
export type Actielijnen = P['Actielijnen'];
export type Principes = P['Principes'];
export type Hervormingslijnen = P['Hervormingslijnen'];
export type Project = P['Project'];
export type ProjectenPagina = P['ProjectenPagina'];
export type Randvoorwaarden = P['Randvoorwaarden'];
export type Fasewijzigingen = P['Fasewijzigingen'];
export type Mijlpalen = P['Mijlpalen'];
export type Rapportage = P['Rapportage'];
export type Rapportages = P['Rapportages'];
export type RapportageNieuw = P['RapportageNieuw'];
export type RangWijziging = P['RangWijziging'];
export type Overzicht = P['Overzicht'];
export type Stuurgroeprapportage = P['Stuurgroeprapportage'];

export type Gremium = S['Gremium'];
export type GremiaPagina = S['GremiaPagina'];
export type Zetel = S['Zetel'];
export type ZetelsPagina = S['ZetelsPagina'];
export type Vacatureoverzicht = S['Vacatureoverzicht'];
export type Betrokkenheid = S['Betrokkenheid'];
export type BetrokkenhedenPagina = S['BetrokkenhedenPagina'];
