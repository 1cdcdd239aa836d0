// Names for the schemas of the contributions API (openapi/contributions.json), used by the budget screens.
import type { components } from '../generated/contributions';

type C = components['schemas'];

export type Scope = C['Scope'];
export type Begrotingsregel = C['Begrotingsregel'];
export type BegrotingsregelNieuw = C['BegrotingsregelNieuw'];
export type BegrotingsregelWijziging = C['BegrotingsregelWijziging'];
export type BegrotingsregelPagina = C['BegrotingsregelPagina'];
export type Revisie = C['Revisie'];
export type Uitgave = C['Uitgave'];
export type Financieringsbron = C['Financieringsbron'];
export type Bijdrage = C['Bijdrage'];
export type BijdrageNieuw = C['BijdrageNieuw'];
export type BijdrageWijziging = C['BijdrageWijziging'];
export type BijdrageAntwoord = C['BijdrageAntwoord'];
export type Waarschuwing = C['Waarschuwing'];
export type Verdeelsleutel = C['Verdeelsleutel'];
export type Verdeling = C['Verdeling'];
export type Aandeel = Verdeling['aandelen'][number];
export type Gemeente = C['Gemeente'];
export type Jaaroverzicht = C['Jaaroverzicht'];
export type Dekking = C['Dekking'];
export type DekkingJaar = Dekking['jaren'][number];
export type DekkingBedragen = C['DekkingBedragen'];

export type Aard = Begrotingsregel['aard'];
export type RegelStatus = Begrotingsregel['status'];
export type BijdrageSoort = Bijdrage['soort'];
export type BijdrageStatus = Bijdrage['status'];
export type BronSoort = Financieringsbron['soort'];
export type Grondslag = Verdeelsleutel['grondslag'];
