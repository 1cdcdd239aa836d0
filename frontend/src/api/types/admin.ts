// Names for the auth schemas used by the administration screens (users, machine clients, audit),
// from the generated API types (npm run types).
import type { components as Auth } from '../generated/auth';

type A = Auth['schemas'];

export type Gebruiker = A['Gebruiker'];
export type GebruikerNieuw = A['GebruikerNieuw'];
export type GebruikerWijziging = A['GebruikerWijziging'];
export type Client = A['Client'];
export type ClientNieuw = A['ClientNieuw'];
export type ClientWijziging = A['ClientWijziging'];
export type ClientAangemaakt = A['ClientAangemaakt'];
export type ClientScope = A['ClientScope'];
export type NieuwClientGeheim = A['NieuwClientGeheim'];
export type AuditRegel = A['AuditRegel'];
export type Rol = A['Rol'];
