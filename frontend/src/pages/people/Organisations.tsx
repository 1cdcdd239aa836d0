// /organisaties: every organisation, filtered by type and a search on name and sector (kept in
// the URL, so a filtered list can be shared and survives going back); editors add one here.
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { getAll, STAKEHOLDERS } from '../../api/client';
import type { Organisatie } from '../../api/types/people';
import { canEditStakeholders, useSession } from '../../auth/useSession';
import { StatusBadge } from '../../components/Badges';
import { Field } from '../../components/Field';
import { useTitle } from '../../components/Layout';
import { Empty, Loaded } from '../../components/States';
import { t, tk } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { useResource } from '../../lib/useResource';
import { useUrlParams } from '../../lib/useUrlParams';
import '../../styles/people.css';
import { OrganisationForm } from './OrganisationForm';
import { ORG_TYPES, countByType, filterOrganisations } from './organisations';
import { PeopleTabs } from './PeopleTabs';

export default function Organisations() {
  useTitle(t('people.orgs.title'));
  const { user } = useSession();
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  const res = useResource((signal) => getAll<Organisatie>(`${STAKEHOLDERS}/organisaties`, 'organisaties', signal, 5000), []);
  return (
    <>
      <h1 className="utrecht-heading-1">{t('people.orgs.title')}</h1>
      <p className="utrecht-paragraph jt-lead">{t('people.orgs.intro')}</p>
      <PeopleTabs current="/organisaties" />
      {canEditStakeholders(user) &&
        (adding ? (
          <OrganisationForm onSaved={(o) => navigate(`/organisaties/${o.id}`)} onCancel={() => setAdding(false)} />
        ) : (
          <p>
            <button type="button" className="utrecht-button utrecht-button--primary-action" onClick={() => setAdding(true)}>
              {t('people.org.new')}
            </button>
          </p>
        ))}
      <Loaded resource={res}>{(list) => <OrganisationList list={list} />}</Loaded>
    </>
  );
}

function OrganisationList({ list }: { list: Organisatie[] }) {
  const [params, update] = useUrlParams();
  const type = params.get('type') ?? '';
  const zoek = params.get('zoek') ?? '';
  const counts = useMemo(() => countByType(list), [list]);
  const shown = useMemo(() => filterOrganisations(list, type, zoek), [list, type, zoek]);

  const setParam = (k: string, v: string) => update({ [k]: v });

  return (
    <section className="jt-section" aria-labelledby="organisaties">
      <h2 id="organisaties" className="utrecht-heading-2">
        {t('people.orgs.list')} <span className="jt-count">({shown.length})</span>
      </h2>
      <div className="jt-filters jt-no-print" role="search">
        <Field id="org-filter-type" label={t('people.orgs.filterType')}>
          {(a) => (
            <select {...a} className="utrecht-select utrecht-select--html-select" value={type} onChange={(e) => setParam('type', e.target.value)}>
              <option value="">{t('people.orgs.allTypes', { aantal: list.length })}</option>
              {ORG_TYPES.filter((x) => counts[x]).map((x) => (
                <option key={x} value={x}>
                  {tk('people.orgType', x)} ({counts[x]})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="org-filter-zoek" label={t('people.orgs.search')}>
          {(a) => <input {...a} type="search" className="utrecht-textbox utrecht-textbox--html-input" value={zoek} onChange={(e) => setParam('zoek', e.target.value)} />}
        </Field>
      </div>
      <p className="jt-visually-hidden" role="status">
        {t('people.orgs.found', { aantal: shown.length })}
      </p>
      {shown.length === 0 ? (
        <Empty>{list.length === 0 ? t('people.orgs.none') : t('people.orgs.noneFound')}</Empty>
      ) : (
        <div className="utrecht-table-container jt-table-scroll" tabIndex={0} role="region" aria-labelledby="organisaties">
          <table className="utrecht-table utrecht-table--html-table jt-table" data-testid="organisaties">
            <caption className="jt-visually-hidden">{t('people.orgs.caption')}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  {t('people.org.naam')}
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {t('people.org.type')}
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {t('people.org.sector')}
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {t('people.org.cbsCode')}
                </th>
                <th scope="col" className="utrecht-table__header-cell jt-num">
                  {t('people.org.inwoners')}
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {shown.map((o) => (
                <tr key={o.id} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell jt-rowhead">
                    <Link className="utrecht-link" to={`/organisaties/${o.id}`}>
                      {o.naam}
                    </Link>
                  </th>
                  <td className="utrecht-table__cell">
                    <StatusBadge>{tk('people.orgType', o.type)}</StatusBadge>
                  </td>
                  <td className="utrecht-table__cell">{o.sector ?? ''}</td>
                  <td className="utrecht-table__cell">{o.cbsCode ?? ''}</td>
                  <td className="utrecht-table__cell jt-num">{formatNumber(o.inwoners)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
