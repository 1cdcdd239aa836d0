// /monitoring: the indicator catalogue, searchable and filtered by source monitor, action line
// and principle (kept in the URL, so the back button and a shared link keep the filter).
import { Link } from 'react-router';
import { get, getAll, MONITORING, PORTFOLIO } from '../../api/client';
import type { Actielijnen, Principes } from '../../api/types';
import type { Bron, Bronnen, Indicator } from '../../api/types/monitoring';
import { Field } from '../../components/Field';
import { useTitle } from '../../components/Layout';
import { Empty, Loaded } from '../../components/States';
import { t, tk } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useUrlParams } from '../../lib/useUrlParams';
import { filterIndicators } from './lib';
import { MonitoringTabs } from './Tabs';
import '../../styles/monitoring.css';

interface CatalogueData {
  indicatoren: Indicator[];
  bronnen: Bron[];
  // Titles from the portfolio service; the filter falls back to numbers without them.
  actielijnen: { nummer: number; titel: string }[];
  principes: { nummer: number; titel: string }[];
}

export default function Catalogue() {
  useTitle(t('monitoring.title'));
  const res = useResource<CatalogueData>(async (signal) => {
    const [indicatoren, bronnen, lijnen, principes] = await Promise.all([
      getAll<Indicator>(`${MONITORING}/indicatoren`, 'indicatoren', signal),
      get<Bronnen>(`${MONITORING}/bronnen`, signal).then((b) => b.bronnen, () => []),
      get<Actielijnen>(`${PORTFOLIO}/actielijnen`, signal).then((a) => a.actielijnen, () => null),
      get<Principes>(`${PORTFOLIO}/principes`, signal).then((p) => p.principes, () => null),
    ]);
    return {
      indicatoren,
      bronnen,
      actielijnen: (lijnen ?? [1, 2, 3, 4, 5].map((nummer) => ({ nummer, titel: '' }))).map((l) => ({ nummer: l.nummer, titel: l.titel })),
      principes: (principes ?? [1, 2, 3, 4, 5, 6, 7, 8].map((nummer) => ({ nummer, titel: '' }))).map((p) => ({ nummer: p.nummer, titel: p.titel })),
    };
  }, []);
  return (
    <>
      <h1 className="utrecht-heading-1">{t('monitoring.title')}</h1>
      <MonitoringTabs current="indicatoren" />
      <p className="utrecht-paragraph jt-lead">{t('monitoring.intro')}</p>
      <Loaded resource={res}>{(d) => <CatalogueView data={d} />}</Loaded>
    </>
  );
}

function option(nummer: number, titel: string) {
  return titel ? t('monitoring.lineOption', { nummer, titel }) : String(nummer);
}

function CatalogueView({ data }: { data: CatalogueData }) {
  const [params, update] = useUrlParams();
  const q = params.get('q') ?? '';
  const bron = params.get('bron') ?? '';
  const actielijn = Number(params.get('actielijn')) || 0;
  const principe = Number(params.get('principe')) || 0;
  const set = (key: string, value: string) => update({ [key]: value });
  const list = filterIndicators(data.indicatoren, { q, bron, actielijn, principe });
  const sourceName = new Map(data.bronnen.map((b) => [b.code, b.naam]));
  const filtered = !!(q || bron || actielijn || principe);

  return (
    <section className="jt-section" aria-labelledby="indicatoren">
      <h2 id="indicatoren" className="utrecht-heading-2">
        {t('monitoring.catalogue')} <span className="jt-count">({data.indicatoren.length})</span>
      </h2>
      <div className="jt-filters mon-filters" role="search">
        <Field id="mon-zoek" label={t('monitoring.search')}>
          {(a) => <input {...a} type="search" className="utrecht-textbox utrecht-textbox--html-input" value={q} onChange={(e) => set('q', e.target.value)} />}
        </Field>
        <Field id="mon-bron" label={t('monitoring.filterSource')}>
          {(a) => (
            <select {...a} className="utrecht-select utrecht-select--html-select" value={bron} onChange={(e) => set('bron', e.target.value)}>
              <option value="">{t('monitoring.allSources')}</option>
              {data.bronnen.map((b) => (
                <option key={b.code} value={b.code}>
                  {b.naam}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="mon-actielijn" label={t('monitoring.filterLine')}>
          {(a) => (
            <select {...a} className="utrecht-select utrecht-select--html-select" value={actielijn || ''} onChange={(e) => set('actielijn', e.target.value)}>
              <option value="">{t('monitoring.allLines')}</option>
              {data.actielijnen.map((l) => (
                <option key={l.nummer} value={l.nummer}>
                  {option(l.nummer, l.titel)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="mon-principe" label={t('monitoring.filterPrinciple')}>
          {(a) => (
            <select {...a} className="utrecht-select utrecht-select--html-select mon-select--wide" value={principe || ''} onChange={(e) => set('principe', e.target.value)}>
              <option value="">{t('monitoring.allPrinciples')}</option>
              {data.principes.map((p) => (
                <option key={p.nummer} value={p.nummer}>
                  {option(p.nummer, p.titel)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <p className="jt-visually-hidden" role="status">
        {t('monitoring.found', { aantal: list.length })}
      </p>
      {data.indicatoren.length === 0 ? (
        <Empty>{t('monitoring.noIndicators')}</Empty>
      ) : list.length === 0 ? (
        <>
          <Empty>{t('monitoring.noMatch')}</Empty>
          {filtered && (
            <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => update({ q: null, bron: null, actielijn: null, principe: null })}>
              {t('monitoring.clearFilters')}
            </button>
          )}
        </>
      ) : (
        <ul className="jt-list jt-list--grid mon-catalogue">
          {list.map((i) => (
            <li key={i.code} className="jt-list__item" data-testid="indicator">
              <h3 className="utrecht-heading-3 mon-catalogue__title">
                <Link className="utrecht-link" to={`/monitoring/indicatoren/${encodeURIComponent(i.code)}`}>
                  {i.naam}
                </Link>
              </h3>
              {i.beschrijving && <p className="jt-list__text">{i.beschrijving}</p>}
              <p className="jt-list__meta">
                {[
                  sourceName.get(i.bron) ?? i.bron,
                  tk('monitoring.unit', i.eenheid),
                  tk('monitoring.direction', i.richting),
                  tk('monitoring.frequency', i.frequentie),
                  i.actielijnen.length ? t('monitoring.linesShort', { nummers: i.actielijnen.join(', ') }) : '',
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              <p className="jt-list__meta mon-code">{i.code}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
