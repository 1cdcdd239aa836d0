// Names for the stakeholders schemas used by the people screens (organisations, persons, network,
// constituency rounds), from the generated API types (npm run types).
import type { components as Portfolio } from '../generated/portfolio';
import type { components as Stakeholders } from '../generated/stakeholders';

type S = Stakeholders['schemas'];

export type Organisatie = S['Organisatie'];
export type OrganisatieNieuw = S['OrganisatieNieuw'];
export type OrganisatieWijziging = S['OrganisatieWijziging'];
export type OrganisatieType = S['OrganisatieType'];
export type Persoon = S['Persoon'];
export type PersoonNieuw = S['PersoonNieuw'];
export type PersoonWijziging = S['PersoonWijziging'];
export type Netwerk = S['Netwerk'];
export type Knoop = Netwerk['knopen'][number];
export type Verbinding = Netwerk['verbindingen'][number];
export type Achterbanraadpleging = S['Achterbanraadpleging'];
export type AchterbanraadplegingNieuw = S['AchterbanraadplegingNieuw'];
export type InbrengNieuw = S['InbrengNieuw'];
export type Inbreng = Achterbanraadpleging['gereageerd'][number];
export type ZetelRol = S['ZetelRol'];
export type BetrokkenheidRol = S['BetrokkenheidRol'];
export type DoelType = S['DoelType'];
export type Programma = Portfolio['schemas']['Programma'];
