// /raadplegingen: the constituency rounds (achterbanraadplegingen), newest session first, with
// how many members responded; filter by body; editors create a round.
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { getAll, STAKEHOLDERS } from '../../api/client';
import type { Gremium } from '../../api/types';
import type { Achterbanraadpleging } from '../../api/types/people';
import { canEditStakeholders, useSession } from '../../auth/useSession';
import { StatusBadge } from '../../components/Badges';
import { Field } from '../../components/Field';
import { useTitle } from '../../components/Layout';
import { Empty, Loaded } from '../../components/States';
import { t, tk } from '../../i18n';
import { formatDate, todayIso } from '../../lib/format';
import { useResource } from '../../lib/useResource';
import { useUrlParams } from '../../lib/useUrlParams';
import '../../styles/people.css';
import { PeopleTabs } from './PeopleTabs';
import { RoundForm } from './RoundForm';
import { PHASE_TONE, sortRounds, summarise } from './rounds';

export default function Rounds() {
  useTitle(t('people.rounds.title'));
  const { user } = useSession();
  const res = useResource(async (signal) => {
    const [rondes, gremia] = await Promise.all([
      getAll<Achterbanraadpleging>(`${STAKEHOLDERS}/achterbanraadplegingen`, 'achterbanraadplegingen', signal, 5000),
      getAll<Gremium>(`${STAKEHOLDERS}/gremia`, 'gremia', signal),
    ]);
    return { rondes, gremia };
  }, []);
  return (
    <>
      <h1 className="utrecht-heading-1">{t('people.rounds.title')}</h1>
      <p className="utrecht-paragraph jt-lead">{t('people.rounds.intro')}</p>
      <PeopleTabs current="/raadplegingen" />
      <Loaded resource={res}>{(d) => <RoundsView rondes={d.rondes} gremia={d.gremia} editable={canEditStakeholders(user)} />}</Loaded>
    </>
  );
}

function RoundsView({ rondes, gremia, editable }: { rondes: Achterbanraadpleging[]; gremia: Gremium[]; editable: boolean }) {
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  const [params, update] = useUrlParams();
  const body = params.get('gremium') ?? '';
  const today = todayIso();
  const shown = useMemo(() => sortRounds(rondes.filter((r) => !body || r.gremiumId === body)), [rondes, body]);
  // Only bodies that have rounds are worth filtering on.
  const withRounds = useMemo(() => gremia.filter((g) => rondes.some((r) => r.gremiumId === g.id)).sort((a, b) => a.naam.localeCompare(b.naam, 'nl')), [gremia, rondes]);

  return (
    <>
      {editable &&
        (adding ? (
          <RoundForm bodies={gremia} onCancel={() => setAdding(false)} onSaved={(r) => navigate(`/raadplegingen/${r.id}`)} />
        ) : (
          <p>
            <button type="button" className="utrecht-button utrecht-button--primary-action" onClick={() => setAdding(true)}>
              {t('people.round.new')}
            </button>
          </p>
        ))}
      <section className="jt-section" aria-labelledby="rondes">
        <h2 id="rondes" className="utrecht-heading-2">
          {t('people.rounds.list')} <span className="jt-count">({shown.length})</span>
        </h2>
        {withRounds.length > 1 && (
          <div className="jt-filters jt-no-print" role="search">
            <Field id="rondes-gremium" label={t('people.round.body')}>
              {(a) => (
                <select
                  {...a}
                  className="utrecht-select utrecht-select--html-select"
                  value={body}
                  onChange={(e) => update({ gremium: e.target.value })}
                >
                  <option value="">{t('people.rounds.allBodies')}</option>
                  {withRounds.map((g) => (
                    <option key={g.id} value={g.id}>
                      {g.naam}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        )}
        {shown.length === 0 ? (
          <Empty>{t('people.rounds.none')}</Empty>
        ) : (
          <div className="utrecht-table-container jt-table-scroll">
            <table className="utrecht-table utrecht-table--html-table jt-table" data-testid="raadplegingen">
              <caption className="jt-visually-hidden">{t('people.rounds.caption')}</caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th scope="col" className="utrecht-table__header-cell">
                    {t('people.round.body')}
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    {t('people.round.session')}
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    {t('people.round.subject')}
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    {t('people.round.deadlineLabel')}
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    {t('people.round.responses')}
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    {t('project.status')}
                  </th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {shown.map((r) => {
                  const s = summarise(r, today);
                  return (
                    <tr key={r.id} className="utrecht-table__row">
                      <th scope="row" className="utrecht-table__header-cell jt-rowhead">
                        <Link className="utrecht-link" to={`/raadplegingen/${r.id}`}>
                          {r.gremiumNaam}
                        </Link>
                      </th>
                      <td className="utrecht-table__cell">{formatDate(r.sessiedatum)}</td>
                      <td className="utrecht-table__cell">{r.onderwerp ?? ''}</td>
                      <td className="utrecht-table__cell">{formatDate(r.inbrengUiterlijk)}</td>
                      <td className="utrecht-table__cell">{t('people.round.respondedOf', { aantal: s.gereageerd, leden: s.leden })}</td>
                      <td className="utrecht-table__cell">
                        <StatusBadge tone={PHASE_TONE[s.fase]}>{tk('people.roundPhase', s.fase)}</StatusBadge>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
