// The administration screens' logic: checks and request bodies for users and clients, and the
// audit trail's changes in words.
import type { Client, ClientNieuw, ClientScope, ClientWijziging, Gebruiker, GebruikerNieuw, GebruikerWijziging, Rol } from '../../api/types/admin';
import { t } from '../../i18n';

export const ROLES = ['lezer', 'redacteur', 'beheerder'] as const satisfies readonly Rol[];
export const LINES = [1, 2, 3, 4, 5] as const;
const NAME = /^[a-z0-9._-]{3,64}$/;

/** The client scopes per service, in the order the form shows them. */
export const SCOPE_GROUPS: { service: string; scopes: ClientScope[] }[] = [
  { service: 'portfolio', scopes: ['portfolio:read', 'portfolio:write'] },
  { service: 'stakeholders', scopes: ['stakeholders:read', 'stakeholders:write'] },
  { service: 'contributions', scopes: ['contributions:read', 'contributions:write'] },
  { service: 'monitoring', scopes: ['monitoring:read', 'monitoring:write', 'monitoring:ingest'] },
];

export interface NewUserValues {
  gebruikersnaam: string;
  naam: string;
  email: string;
  rol: string;
  actielijnen: number[];
  wachtwoord: string;
  herhaling: string;
}

export function validatePassword(wachtwoord: string, herhaling: string, field = 'wachtwoord'): Record<string, string> {
  const e: Record<string, string> = {};
  if (wachtwoord.length < 12) e[field] = t('admin.user.passwordShort');
  else if (wachtwoord.length > 128) e[field] = t('admin.user.passwordLong');
  else if (herhaling !== wachtwoord) e.herhaling = t('admin.user.passwordMismatch');
  return e;
}

export function validateNewUser(v: NewUserValues): Record<string, string> {
  const e: Record<string, string> = {};
  if (!NAME.test(v.gebruikersnaam)) e.gebruikersnaam = t('admin.user.usernameRule');
  if (!v.naam.trim()) e.naam = t('form.required');
  if (v.email.trim() && !v.email.includes('@')) e.email = t('people.person.emailFormat');
  if (!v.rol) e.rol = t('admin.user.chooseRole');
  return { ...e, ...validatePassword(v.wachtwoord, v.herhaling) };
}

/** Action lines only go with the role redacteur (the API refuses them with another role). */
export function linesFor(rol: string, lines: number[]): number[] {
  return rol === 'redacteur' ? [...lines].sort((a, b) => a - b) : [];
}

export function newUserBody(v: NewUserValues): GebruikerNieuw {
  const body: GebruikerNieuw = { gebruikersnaam: v.gebruikersnaam, naam: v.naam.trim(), rol: v.rol as Rol, wachtwoord: v.wachtwoord };
  if (v.email.trim()) body.email = v.email.trim();
  const lines = linesFor(v.rol, v.actielijnen);
  if (lines.length) body.actielijnen = lines;
  return body;
}

export interface UserValues {
  naam: string;
  email: string;
  rol: string;
  actielijnen: number[];
}

export function userValues(u: Gebruiker): UserValues {
  return { naam: u.naam, email: u.email ?? '', rol: u.rol, actielijnen: [...u.actielijnen] };
}

/** The PATCH body: only what changed; an emptied e-mail address is null. */
export function userPatch(v: UserValues, u: Gebruiker): GebruikerWijziging {
  const body: GebruikerWijziging = {};
  if (v.naam.trim() !== u.naam) body.naam = v.naam.trim();
  const email = v.email.trim() || null;
  if (email !== u.email) body.email = email;
  if (v.rol !== u.rol) body.rol = v.rol as Rol;
  const lines = linesFor(v.rol, v.actielijnen);
  if (JSON.stringify(lines) !== JSON.stringify([...u.actielijnen].sort((a, b) => a - b))) body.actielijnen = lines;
  return body;
}

export interface ClientValues {
  clientId: string;
  naam: string;
  scopes: ClientScope[];
  gemeente: string;
}

export function validateClient(v: ClientValues): Record<string, string> {
  const e: Record<string, string> = {};
  if (!NAME.test(v.clientId)) e.clientId = t('admin.client.idRule');
  if (!v.naam.trim()) e.naam = t('form.required');
  if (v.scopes.length === 0) e.scopes = t('admin.client.chooseScope');
  return e;
}

export function clientBody(v: ClientValues): ClientNieuw {
  const body: ClientNieuw = { clientId: v.clientId, naam: v.naam.trim(), scopes: sortScopes(v.scopes) };
  if (v.gemeente.trim()) body.gemeente = v.gemeente.trim().toUpperCase();
  return body;
}

/** Scopes in the order of SCOPE_GROUPS. */
export function sortScopes(scopes: ClientScope[]): ClientScope[] {
  const order = SCOPE_GROUPS.flatMap((g) => g.scopes);
  return [...scopes].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

export interface Change {
  veld: string;
  voor: unknown;
  na: unknown;
}

/** What an audit row changed: the fields whose value differs between before and after (all of
 * them for a creation), without the id. */
export function auditChanges(voor: Record<string, unknown> | null, na: Record<string, unknown> | null): Change[] {
  const keys = new Set([...Object.keys(voor ?? {}), ...Object.keys(na ?? {})]);
  keys.delete('id');
  const out: Change[] = [];
  for (const k of [...keys].sort()) {
    const a = voor?.[k];
    const b = na?.[k];
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ veld: k, voor: a, na: b });
  }
  return out;
}

/** A value from the audit trail in words: ja/nee, lists joined, empty as a dash. */
export function showValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? t('admin.yes') : t('admin.no');
  if (Array.isArray(v)) return v.length ? v.join(', ') : '—';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** "alle actielijnen" or "actielijn 2 en 4". */
export function linesText(lines: number[]): string {
  if (lines.length === 0) return t('admin.user.allLines');
  const sorted = [...lines].sort((a, b) => a - b);
  const list = sorted.length === 1 ? String(sorted[0]) : `${sorted.slice(0, -1).join(', ')} ${t('admin.and')} ${sorted[sorted.length - 1]}`;
  return t(sorted.length === 1 ? 'admin.user.line' : 'admin.user.lineList', { lijnen: list });
}

export interface ClientEditValues {
  naam: string;
  scopes: ClientScope[];
  gemeente: string;
}

/** The PATCH body: only what changed; an emptied municipality is null. */
export function clientPatch(v: ClientEditValues, c: Client): ClientWijziging {
  const body: ClientWijziging = {};
  if (v.naam.trim() !== c.naam) body.naam = v.naam.trim();
  const scopes = sortScopes(v.scopes);
  if (JSON.stringify(scopes) !== JSON.stringify(sortScopes(c.scopes))) body.scopes = scopes;
  const gemeente = v.gemeente.trim().toUpperCase() || null;
  if (gemeente !== c.gemeente) body.gemeente = gemeente;
  return body;
}

/** Whether a client has a secret, from its audit rows (newest first): the client itself does not
 * say (the API has no field for it). */
export function secretState(rows: { actie: string; tijdstip: string }[]): { state: 'uitgegeven' | 'ingetrokken'; sinds: string } | null {
  const last = rows.find((r) => r.actie === 'geheim-vernieuwd' || r.actie === 'geheim-ingetrokken' || r.actie === 'aangemaakt');
  if (!last) return null;
  return { state: last.actie === 'geheim-ingetrokken' ? 'ingetrokken' : 'uitgegeven', sinds: last.tijdstip };
}
