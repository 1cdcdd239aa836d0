import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { get, getAll, STAKEHOLDERS } from '../api/client';
import type { Gremium, Vacatureoverzicht, Zetel } from '../api/types';
import { StatusBadge } from '../components/Badges';
import { Field } from '../components/Field';
import { useTitle } from '../components/Layout';
import { Empty, Loaded } from '../components/States';
import { t, tk } from '../i18n';
import { formatDate } from '../lib/format';
import { useResource } from '../lib/useResource';

const KINDS = ['kernteam', 'werkgroep', 'stuurgroep', 'actielijnteam', 'bestuur', 'platform', 'projectgroep', 'klankbordgroep', 'overig'] as const;
const VACANCY_DAYS = 90;

interface BodiesData {
  gremia: Gremium[];
  zetels: Zetel[];
  vacatures: Vacatureoverzicht;
}

export default function Bodies() {
  useTitle(t('bodies.title'));
  const res = useResource<BodiesData>(async (signal) => {
    const [gremia, zetels, vacatures] = await Promise.all([
      getAll<Gremium>(`${STAKEHOLDERS}/gremia`, 'gremia', signal),
      getAll<Zetel>(`${STAKEHOLDERS}/zetels`, 'zetels', signal, 5000),
      get<Vacatureoverzicht>(`${STAKEHOLDERS}/vacatures?binnenDagen=${VACANCY_DAYS}`, signal),
    ]);
    return { gremia, zetels, vacatures };
  }, []);
  return (
    <>
      <h1 className="utrecht-heading-1">{t('bodies.title')}</h1>
      <p className="utrecht-paragraph jt-lead">{t('bodies.intro')}</p>
      <Loaded resource={res}>{(d) => <BodiesView data={d} />}</Loaded>
    </>
  );
}

function BodiesView({ data }: { data: BodiesData }) {
  const [kind, setKind] = useState('');
  const [query, setQuery] = useState('');
  const seatsByBody = useMemo(() => {
    const m = new Map<string, Zetel[]>();
    for (const z of data.zetels) m.set(z.gremiumId, [...(m.get(z.gremiumId) ?? []), z]);
    for (const list of m.values()) list.sort((a, b) => a.volgorde - b.volgorde);
    return m;
  }, [data.zetels]);
  const q = query.trim().toLowerCase();
  const bodies = data.gremia
    .filter((g) => !kind || g.soort === kind)
    .filter((g) => !q || g.naam.toLowerCase().includes(q) || (g.omschrijving ?? '').toLowerCase().includes(q))
    .sort((a, b) => KINDS.indexOf(a.soort) - KINDS.indexOf(b.soort) || a.naam.localeCompare(b.naam, 'nl'));
  const vacancies = data.vacatures.vacatures;

  return (
    <>
      <section className="jt-section jt-vacancies" aria-labelledby="vacatures">
        <h2 id="vacatures" className="utrecht-heading-2">
          {t('bodies.vacancies')} <span className="jt-count">({vacancies.length})</span>
        </h2>
        <p className="utrecht-paragraph">{t('bodies.vacanciesIntro', { dagen: data.vacatures.binnenDagen })}</p>
        {vacancies.length === 0 ? (
          <Empty>{t('bodies.noVacancies')}</Empty>
        ) : (
          <ul className="jt-list jt-list--grid">
            {vacancies.map((v) => (
              <li key={v.zetel.id} className="jt-list__item jt-list__item--vacancy">
                <strong>{v.zetel.gremiumNaam}</strong>
                <p className="jt-list__text">
                  {tk('seatRole', v.zetel.rol)}
                  {v.zetel.achterban && <> · {v.zetel.achterban}</>}
                </p>
                <p className="jt-list__meta">
                  <StatusBadge tone={v.status === 'open' ? 'danger' : 'warning'}>{v.status === 'open' ? t('bodies.vacancyOpen') : t('bodies.vacancySoon', { datum: formatDate(v.vrijVanaf) })}</StatusBadge>
                  {v.zetel.toelichting && v.zetel.toelichting.trim().toLowerCase() !== 'vacant' && <> {v.zetel.toelichting}</>}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="jt-section" aria-labelledby="gremia">
        <h2 id="gremia" className="utrecht-heading-2">
          {t('bodies.list')}
        </h2>
        <div className="jt-filters" role="search">
          <Field id="gremia-soort" label={t('bodies.filterKind')}>
            {(a) => (
              <select {...a} className="utrecht-select utrecht-select--html-select" value={kind} onChange={(e) => setKind(e.target.value)}>
                <option value="">{t('bodies.allKinds')}</option>
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {tk('bodyKind', k)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="gremia-zoek" label={t('bodies.search')}>
            {(a) => <input {...a} type="search" className="utrecht-textbox utrecht-textbox--html-input" value={query} onChange={(e) => setQuery(e.target.value)} />}
          </Field>
        </div>
        <p className="jt-visually-hidden" role="status">
          {t('bodies.found', { aantal: bodies.length })}
        </p>
        {bodies.length === 0 ? (
          <Empty>{t('bodies.noBodies')}</Empty>
        ) : (
          <ul className="jt-bodies">
            {bodies.map((g) => (
              <li key={g.id}>
                <Body body={g} seats={seatsByBody.get(g.id) ?? []} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function Body({ body: g, seats }: { body: Gremium; seats: Zetel[] }) {
  return (
    <details className="jt-body" data-testid="gremium">
      <summary className="jt-body__summary">
        <span className="jt-body__name">{g.naam}</span>
        <span className="jt-body__meta">
          <StatusBadge>{tk('bodyKind', g.soort)}</StatusBadge>
          <span>{t('bodies.seats', { aantal: g.aantalZetels })}</span>
          {g.aantalVacatures > 0 && <StatusBadge tone="danger">{t('bodies.vacancyCount', { aantal: g.aantalVacatures })}</StatusBadge>}
        </span>
      </summary>
      <div className="jt-body__content">
        {g.omschrijving && <p className="utrecht-paragraph">{g.omschrijving}</p>}
        <p className="jt-list__meta">
          {g.vergaderfrequentieWeken ? t('bodies.cadence', { weken: g.vergaderfrequentieWeken }) : null}
          {g.voorzitters.length > 0 && (
            <>
              {g.vergaderfrequentieWeken ? ' · ' : ''}
              {t('bodies.chairs')}: {g.voorzitters.map((v) => v.naam).join(', ')}
            </>
          )}
          {g.actielijnen.length > 0 && (
            <>
              {' · '}
              {t('bodies.actionLines')}: {g.actielijnen.join(', ')}
            </>
          )}
        </p>
        {seats.length === 0 ? (
          <Empty>{t('bodies.noSeats')}</Empty>
        ) : (
          <div className="utrecht-table-container jt-table-scroll">
            <table className="utrecht-table utrecht-table--html-table jt-table">
              <caption className="jt-visually-hidden">{t('bodies.seatsOf', { naam: g.naam })}</caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th scope="col" className="utrecht-table__header-cell">
                    {t('bodies.role')}
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    {t('bodies.person')}
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    {t('bodies.organisation')}
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    {t('bodies.constituency')}
                  </th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {seats.map((z) => (
                  <tr key={z.id} className={`utrecht-table__row${z.vacature ? ' jt-row--vacancy' : ''}`}>
                    <td className="utrecht-table__cell">{tk('seatRole', z.rol)}</td>
                    <td className="utrecht-table__cell">
                      {z.vacature ? <StatusBadge tone="danger">{t('bodies.vacant')}</StatusBadge> : z.personen.map((p, i) => <span key={p.id}>{i > 0 && ' / '}<Link className="utrecht-link" to={`/personen/${p.id}`}>{p.naam}</Link></span>)}
                      {z.gedeeld && <span className="jt-list__meta"> ({t('bodies.shared')})</span>}
                      {z.vacature && z.toelichting && z.toelichting.trim().toLowerCase() !== 'vacant' && <span className="jt-list__meta"> {z.toelichting}</span>}
                    </td>
                    <td className="utrecht-table__cell">{z.organisaties.map((o) => o.naam).join(', ')}</td>
                    <td className="utrecht-table__cell">{z.achterban ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </details>
  );
}
