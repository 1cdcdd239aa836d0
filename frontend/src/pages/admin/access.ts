import type { MijGebruiker } from '../../api/types';

/** Only a beheerder with the auth:admin scope manages accounts (the auth service checks it too). */
export function isAdmin(user: MijGebruiker | null | undefined): boolean {
  return !!user && user.rol === 'beheerder' && (user.scopes ?? []).includes('auth:admin');
}
