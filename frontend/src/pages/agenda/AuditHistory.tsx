// The project's change history from the audit trail (GET /audit?objectType&objectId): the
// project itself and its current milestones and progress reports, newest first.
import { useEffect, useRef, useState } from 'react';
import { getAll, PORTFOLIO } from '../../api/client';
import type { AuditRegel } from '../../api/types/agenda';
import { useSession } from '../../auth/useSession';
import { Empty, Loaded, Loading } from '../../components/States';
import { t, tk } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useResource } from '../../lib/useResource';
import { useActors } from './actors';
import { auditChanges, objectTitle, phaseReason } from './audit';

type Obj = { type: 'project' | 'mijlpaal' | 'rapportage'; id: string };

function entriesOf(o: Obj, signal: AbortSignal) {
  return getAll<AuditRegel>(`${PORTFOLIO}/audit?objectType=${o.type}&objectId=${encodeURIComponent(o.id)}`, 'audit', signal, 500);
}

export function AuditHistory({ projectId, milestoneIds, reportIds, version }: { projectId: string; milestoneIds: string[]; reportIds: string[]; version: string }) {
  // Loaded when the section comes into view: most visits never scroll this far. No button, so a
  // reader's project page keeps having no controls at all.
  const [shown, setShown] = useState(typeof IntersectionObserver === 'undefined');
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (shown || !ref.current) return;
    const io = new IntersectionObserver((es) => es.some((e) => e.isIntersecting) && setShown(true), { rootMargin: '200px' });
    io.observe(ref.current);
    return () => io.disconnect();
  }, [shown]);
  return (
    <section className="jt-section" aria-labelledby="geschiedenis" ref={ref}>
      <h2 id="geschiedenis" className="utrecht-heading-2">
        {t('agenda.audit.title')}
      </h2>
      {shown ? (
        <History objects={[{ type: 'project', id: projectId }, ...milestoneIds.map((id) => ({ type: 'mijlpaal' as const, id })), ...reportIds.map((id) => ({ type: 'rapportage' as const, id }))]} version={version} />
      ) : (
        <Loading />
      )}
    </section>
  );
}

function History({ objects, version }: { objects: Obj[]; version: string }) {
  const { user } = useSession();
  const key = objects.map((o) => o.id).join(',');
  // `version` (the project's last change) makes it load again after an edit on the page.
  const res = useResource<AuditRegel[]>(async (signal) => (await Promise.all(objects.map((o) => entriesOf(o, signal)))).flat().sort((a, b) => b.id - a.id), [key, version]);
  const actor = useActors(res.state === 'ready' ? res.data.map((a) => a.actor) : [], user);
  return (
    <div id="geschiedenis-lijst">
      <Loaded resource={res}>
        {(entries) =>
          entries.length === 0 ? (
            <Empty>{t('agenda.audit.none')}</Empty>
          ) : (
            <ol className="jt-audit" data-testid="geschiedenis">
              {entries.map((a) => {
                const changes = auditChanges(a.voor as Record<string, unknown> | null, a.na as Record<string, unknown> | null);
                const reason = a.actie === 'fase_gewijzigd' ? phaseReason(a) : null;
                const title = a.objectType === 'project' ? '' : objectTitle(a);
                return (
                  <li key={a.id} className="jt-audit__item">
                    <p className="jt-audit__head">
                      <strong>
                        {tk('agenda.objectType', a.objectType)}
                        {title && <> “{title}”</>} {tk('agenda.action', a.actie)}
                      </strong>
                    </p>
                    <p className="jt-list__meta">
                      <time dateTime={a.tijdstip}>{formatDateTime(a.tijdstip)}</time> · {t('project.by', { door: actor(a.actor) })}
                    </p>
                    {changes.length > 0 && (
                      <ul className="jt-audit__changes">
                        {changes.map((c) => (
                          <li key={c.field}>
                            <span className="jt-audit__field">{c.label}:</span> <del>{c.before}</del> <span aria-hidden="true">→</span>
                            <span className="jt-visually-hidden"> {t('agenda.audit.became')} </span> <ins>{c.after}</ins>
                          </li>
                        ))}
                      </ul>
                    )}
                    {reason && (
                      <p className="jt-list__text">
                        {t('agenda.phase.reason')}: {reason}
                      </p>
                    )}
                  </li>
                );
              })}
            </ol>
          )
        }
      </Loaded>
    </div>
  );
}
