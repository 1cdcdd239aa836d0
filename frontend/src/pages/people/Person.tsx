// /personen/:id: a person with their organisation, seats (bodies, roles, constituencies),
// involvements in action lines and projects, and the constituency rounds they are asked for;
// editors change the person, a beheerder downloads everything about them (AVG export).
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { download, getAll, request, STAKEHOLDERS } from '../../api/client';
import type { Betrokkenheid, Zetel } from '../../api/types';
import type { Achterbanraadpleging, Persoon } from '../../api/types/people';
import { canEditStakeholders, useSession } from '../../auth/useSession';
import { StatusBadge } from '../../components/Badges';
import { useTitle } from '../../components/Layout';
import { Alert, Empty, Loaded } from '../../components/States';
import { t } from '../../i18n';
import { formatDate } from '../../lib/format';
import { explain } from '../../lib/problems';
import { useResource } from '../../lib/useResource';
import '../../styles/people.css';
import { Row } from './form';
import { PersonForm } from './PersonForm';
import { InvolvementTable, SeatTable, loadTargets, type Target } from './parts';
import { roundsOfPerson } from './rounds';

interface PersonData {
  person: Persoon;
  etag: string | null;
  zetels: Zetel[];
  betrokken: Betrokkenheid[];
  targets: Map<string, Target>;
  rondes: Achterbanraadpleging[];
}

export default function PersonPage() {
  const id = useParams().id ?? '';
  const { user } = useSession();
  const res = useResource<PersonData>(
    async (signal) => {
      const q = `persoonId=${encodeURIComponent(id)}`;
      const [{ data: person, etag }, zetels, betrokken] = await Promise.all([
        request<Persoon>(`${STAKEHOLDERS}/personen/${encodeURIComponent(id)}`, { signal }),
        getAll<Zetel>(`${STAKEHOLDERS}/zetels?${q}`, 'zetels', signal),
        getAll<Betrokkenheid>(`${STAKEHOLDERS}/betrokkenheden?${q}`, 'betrokkenheden', signal),
      ]);
      // Rounds are per body: those of the bodies the person has a seat in.
      const bodies = [...new Set(zetels.map((z) => z.gremiumId))];
      const [targets, rondes] = await Promise.all([
        loadTargets(betrokken, signal),
        Promise.all(bodies.map((g) => getAll<Achterbanraadpleging>(`${STAKEHOLDERS}/achterbanraadplegingen?gremiumId=${g}`, 'achterbanraadplegingen', signal))).then((l) => l.flat()),
      ]);
      return { person, etag, zetels, betrokken, targets, rondes };
    },
    [id],
  );
  useTitle(res.state === 'ready' ? res.data.person.naam : t('people.person.title'));
  return (
    <>
      <p className="jt-preheading">
        <Link className="utrecht-link" to="/organisaties">
          {t('people.org.back')}
        </Link>
      </p>
      <Loaded resource={res}>{(d) => <PersonView data={d} editable={canEditStakeholders(user)} mayExport={user?.rol === 'beheerder'} reload={res.reload} />}</Loaded>
    </>
  );
}

function PersonView({ data, editable, mayExport, reload }: { data: PersonData; editable: boolean; mayExport: boolean; reload: () => void }) {
  const { person: p, etag, zetels, betrokken, targets, rondes } = data;
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const mine = roundsOfPerson(rondes, p.id);
  return (
    <article className="jt-article">
      <h1 className="utrecht-heading-1">{p.naam}</h1>
      <p className="jt-lead">
        {[p.functie, p.organisatieNaam].filter(Boolean).join(', ')}
      </p>
      {saved && <Alert type="ok">{t('edit.saved')}</Alert>}
      <div className="jt-buttons jt-page-actions">
        {editable && !editing && (
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {t('people.person.edit')}
          </button>
        )}
        {mayExport && <ExportButton person={p} />}
      </div>
      {editable && editing && (
        <PersonForm
          person={p}
          etag={etag}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            setSaved(true);
            reload();
          }}
        />
      )}
      <div className="jt-columns jt-columns--wide">
        <div>
          <section className="jt-section" aria-labelledby="persoon-zetels">
            <h2 id="persoon-zetels" className="utrecht-heading-2">
              {t('people.person.seats')} <span className="jt-count">({zetels.length})</span>
            </h2>
            <SeatTable seats={zetels} caption={t('people.person.seatsOf', { naam: p.naam })} />
          </section>
          <section className="jt-section" aria-labelledby="persoon-betrokken">
            <h2 id="persoon-betrokken" className="utrecht-heading-2">
              {t('people.person.involvements')} <span className="jt-count">({betrokken.length})</span>
            </h2>
            <InvolvementTable list={betrokken} targets={targets} caption={t('people.person.involvementsOf', { naam: p.naam })} />
          </section>
          <section className="jt-section" aria-labelledby="persoon-rondes">
            <h2 id="persoon-rondes" className="utrecht-heading-2">
              {t('people.person.rounds')} <span className="jt-count">({mine.length})</span>
            </h2>
            {mine.length === 0 ? (
              <Empty>{t('people.person.noRounds')}</Empty>
            ) : (
              <ul className="jt-list" data-testid="persoon-rondes">
                {mine.map(({ round: r, ontvangenOp, opTijd }) => (
                  <li key={r.id} className="jt-list__item">
                    <Link className="utrecht-link" to={`/raadplegingen/${r.id}`}>
                      {t('people.round.name', { gremium: r.gremiumNaam, datum: formatDate(r.sessiedatum) })}
                    </Link>
                    {r.onderwerp && <p className="jt-list__text">{r.onderwerp}</p>}
                    <p className="jt-list__meta">
                      {ontvangenOp ? (
                        <StatusBadge tone={opTijd ? 'safe' : 'warning'}>{opTijd ? t('people.round.respondedOnTime', { datum: formatDate(ontvangenOp) }) : t('people.round.respondedLate', { datum: formatDate(ontvangenOp) })}</StatusBadge>
                      ) : (
                        <StatusBadge tone="danger">{t('people.round.notResponded')}</StatusBadge>
                      )}{' '}
                      {t('people.round.deadline', { datum: formatDate(r.inbrengUiterlijk) })}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
        <aside className="jt-aside">
          <section aria-labelledby="persoon-gegevens">
            <h2 id="persoon-gegevens" className="utrecht-heading-3">
              {t('project.details')}
            </h2>
            <dl className="jt-dl jt-dl--rows">
              <Row label={t('people.person.organisation')}>
                {p.organisatieId && (
                  <Link className="utrecht-link" to={`/organisaties/${p.organisatieId}`}>
                    {p.organisatieNaam ?? p.organisatieId}
                  </Link>
                )}
              </Row>
              <Row label={t('people.person.functie')}>{p.functie}</Row>
              <Row label={t('people.person.email')}>
                {p.email && (
                  <a className="utrecht-link" href={`mailto:${p.email}`}>
                    {p.email}
                  </a>
                )}
              </Row>
              <Row label={t('people.person.telefoon')}>
                {p.telefoon && (
                  <a className="utrecht-link" href={`tel:${p.telefoon.replace(/[^+\d]/g, '')}`}>
                    {p.telefoon}
                  </a>
                )}
              </Row>
            </dl>
          </section>
        </aside>
      </div>
    </article>
  );
}

/** The AVG export: a JSON file with everything the service holds about the person. */
function ExportButton({ person }: { person: Persoon }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="utrecht-button utrecht-button--secondary-action"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            await download(`${STAKEHOLDERS}/personen/${person.id}/export`, `persoon-${person.id}.json`, 'application/json');
          } catch (e) {
            setError(explain(e, true).message);
          } finally {
            setBusy(false);
          }
        }}
      >
        {busy ? t('people.person.exporting') : t('people.person.export')}
      </button>
      {error && <Alert type="error">{error}</Alert>}
    </>
  );
}
