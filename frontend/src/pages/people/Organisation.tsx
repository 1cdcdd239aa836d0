// /organisaties/:id: an organisation with its people, its seats in bodies and its involvements;
// editors change it and add a person to it.
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { getAll, request, STAKEHOLDERS } from '../../api/client';
import type { Betrokkenheid, Zetel } from '../../api/types';
import type { Organisatie, Persoon } from '../../api/types/people';
import { canEditStakeholders, useSession } from '../../auth/useSession';
import { StatusBadge } from '../../components/Badges';
import { useTitle } from '../../components/Layout';
import { Alert, Empty, Loaded } from '../../components/States';
import { t, tk } from '../../i18n';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useResource } from '../../lib/useResource';
import '../../styles/people.css';
import { Row } from './form';
import { OrganisationForm } from './OrganisationForm';
import { PersonForm } from './PersonForm';
import { InvolvementTable, SeatTable, loadTargets, type Target } from './parts';

interface OrgData {
  org: Organisatie;
  etag: string | null;
  personen: Persoon[];
  zetels: Zetel[];
  betrokken: Betrokkenheid[];
  targets: Map<string, Target>;
}

export default function OrganisationPage() {
  const id = useParams().id ?? '';
  const { user } = useSession();
  const res = useResource<OrgData>(
    async (signal) => {
      const q = `organisatieId=${encodeURIComponent(id)}`;
      const [{ data: org, etag }, personen, zetels, betrokken] = await Promise.all([
        request<Organisatie>(`${STAKEHOLDERS}/organisaties/${encodeURIComponent(id)}`, { signal }),
        getAll<Persoon>(`${STAKEHOLDERS}/personen?${q}`, 'personen', signal),
        getAll<Zetel>(`${STAKEHOLDERS}/zetels?${q}`, 'zetels', signal),
        getAll<Betrokkenheid>(`${STAKEHOLDERS}/betrokkenheden?${q}`, 'betrokkenheden', signal),
      ]);
      return { org, etag, personen, zetels, betrokken, targets: await loadTargets(betrokken, signal) };
    },
    [id],
  );
  useTitle(res.state === 'ready' ? res.data.org.naam : t('people.orgs.title'));
  return (
    <>
      <p className="jt-preheading">
        <Link className="utrecht-link" to="/organisaties">
          {t('people.org.back')}
        </Link>
      </p>
      <Loaded resource={res}>{(d) => <OrganisationView data={d} editable={canEditStakeholders(user)} reload={res.reload} />}</Loaded>
    </>
  );
}

function OrganisationView({ data, editable, reload }: { data: OrgData; editable: boolean; reload: () => void }) {
  const { org: o, etag, personen, zetels, betrokken, targets } = data;
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState(false);
  return (
    <article className="jt-article">
      <h1 className="utrecht-heading-1">{o.naam}</h1>
      <p className="jt-rank__meta">
        <StatusBadge>{tk('people.orgType', o.type)}</StatusBadge>
        {o.sector && <span className="jt-muted">{o.sector}</span>}
      </p>
      {saved && <Alert type="ok">{t('edit.saved')}</Alert>}
      {editable &&
        (editing ? (
          <OrganisationForm
            organisation={o}
            etag={etag}
            onCancel={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              setSaved(true);
              reload();
            }}
          />
        ) : (
          <p>
            <button
              type="button"
              className="utrecht-button utrecht-button--secondary-action"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {t('people.org.edit')}
            </button>
          </p>
        ))}
      <div className="jt-columns jt-columns--wide">
        <div>
          <section className="jt-section" aria-labelledby="org-personen">
            <h2 id="org-personen" className="utrecht-heading-2">
              {t('people.org.people')} <span className="jt-count">({personen.length})</span>
            </h2>
            {editable &&
              (adding ? (
                <PersonForm organisatieId={o.id} onCancel={() => setAdding(false)} onSaved={(p) => navigate(`/personen/${p.id}`)} />
              ) : (
                <p>
                  <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => setAdding(true)}>
                    {t('people.person.new')}
                  </button>
                </p>
              ))}
            {personen.length === 0 ? (
              <Empty>{t('people.org.noPeople')}</Empty>
            ) : (
              <ul className="jt-plainlist jt-people" data-testid="personen">
                {[...personen]
                  .sort((a, b) => a.naam.localeCompare(b.naam, 'nl'))
                  .map((p) => (
                    <li key={p.id}>
                      <Link className="utrecht-link" to={`/personen/${p.id}`}>
                        {p.naam}
                      </Link>
                      {p.functie && <span className="jt-muted"> — {p.functie}</span>}
                    </li>
                  ))}
              </ul>
            )}
          </section>
          <section className="jt-section" aria-labelledby="org-zetels">
            <h2 id="org-zetels" className="utrecht-heading-2">
              {t('people.org.seats')} <span className="jt-count">({zetels.length})</span>
            </h2>
            <SeatTable seats={zetels} caption={t('people.org.seatsOf', { naam: o.naam })} showHolders />
          </section>
          <section className="jt-section" aria-labelledby="org-betrokken">
            <h2 id="org-betrokken" className="utrecht-heading-2">
              {t('people.org.involvements')} <span className="jt-count">({betrokken.length})</span>
            </h2>
            <InvolvementTable list={betrokken} targets={targets} caption={t('people.org.involvementsOf', { naam: o.naam })} />
          </section>
        </div>
        <aside className="jt-aside">
          <section aria-labelledby="org-gegevens">
            <h2 id="org-gegevens" className="utrecht-heading-3">
              {t('project.details')}
            </h2>
            <dl className="jt-dl jt-dl--rows">
              <Row label={t('people.org.type')}>{tk('people.orgType', o.type)}</Row>
              <Row label={t('people.org.sector')}>{o.sector}</Row>
              <Row label={t('people.org.website')}>
                {o.website && (
                  <a className="utrecht-link" href={o.website} rel="noopener noreferrer">
                    {o.website}
                  </a>
                )}
              </Row>
              {(o.type === 'gemeente' || o.cbsCode) && <Row label={t('people.org.cbsCode')}>{o.cbsCode}</Row>}
              {(o.type === 'gemeente' || o.inwoners !== null) && <Row label={t('people.org.inwoners')}>{formatNumber(o.inwoners)}</Row>}
              <Row label={t('project.changed')}>{formatDateTime(o.gewijzigdOp)}</Row>
            </dl>
          </section>
        </aside>
      </div>
    </article>
  );
}
