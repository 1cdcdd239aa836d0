import { useSyncExternalStore } from 'react';
import { getSession, subscribe, type SessionState } from '../api/session';
import type { MijGebruiker } from '../api/types';

export function useSession(): SessionState {
  return useSyncExternalStore(subscribe, getSession, getSession);
}

/** What a role may change. The services decide in the end (a 403 is still shown); the app only
 * leaves out what is not allowed. */
export function canEditPortfolio(user: MijGebruiker | null, actielijn?: number): boolean {
  if (!user || !user.scopes?.includes('portfolio:write')) return false;
  if (user.rol === 'beheerder') return true;
  if (user.rol !== 'redacteur') return false;
  const lines = user.actielijnen ?? [];
  return actielijn === undefined || lines.length === 0 || lines.includes(actielijn);
}

export function canEditStakeholders(user: MijGebruiker | null): boolean {
  return !!user && user.rol !== 'lezer' && !!user.scopes?.includes('stakeholders:write');
}
