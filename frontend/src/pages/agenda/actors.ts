// Who did something: audit rows and phase changes carry the `sub` of the token (a user's id, or a
// machine client's id). The current user is "u"; a beheerder (auth:admin) sees the name from the
// auth service; anyone else sees "een andere gebruiker", as the portfolio API gives no names.
import { useEffect, useState } from 'react';
import { get, AUTH } from '../../api/client';
import type { MijGebruiker } from '../../api/types';
import { t } from '../../i18n';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const names = new Map<string, Promise<string | null>>();

function lookUp(id: string): Promise<string | null> {
  let p = names.get(id);
  if (!p) {
    p = get<{ naam?: string }>(`${AUTH}/gebruikers/${encodeURIComponent(id)}`).then(
      (u) => u.naam ?? null,
      () => null,
    );
    names.set(id, p);
  }
  return p;
}

/** The plain name of an actor, given what is known. */
export function actorLabel(id: string | null | undefined, user: MijGebruiker | null, known: Record<string, string | null>): string {
  if (!id) return t('agenda.actor.unknown');
  if (user && id === user.id) return t('agenda.actor.you');
  const name = known[id];
  if (name) return name;
  return UUID.test(id) ? t('agenda.actor.someone') : id;
}

/** Resolves the names of `ids` when the user may read users; returns a labeller. */
export function useActors(ids: (string | null | undefined)[], user: MijGebruiker | null): (id: string | null | undefined) => string {
  const [known, setKnown] = useState<Record<string, string | null>>({});
  const canLookUp = !!user?.scopes?.includes('auth:admin');
  const key = [...new Set(ids.filter((x): x is string => !!x && UUID.test(x) && x !== user?.id))].sort().join(',');
  useEffect(() => {
    if (!canLookUp || !key) return;
    let live = true;
    const list = key.split(',');
    void Promise.all(list.map((id) => lookUp(id).then((n) => [id, n] as const))).then((pairs) => {
      if (live) setKnown((k) => ({ ...k, ...Object.fromEntries(pairs) }));
    });
    return () => {
      live = false;
    };
  }, [key, canLookUp]);
  return (id) => actorLabel(id, user, known);
}
