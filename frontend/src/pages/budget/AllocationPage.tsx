// /begroting/verdeling: choose a year, a key and what to split (the structural budget, a budget
// line or an amount) → the shares of the 14 municipalities as a table, whose total is exactly
// the amount, and a bar chart; CSV download. The choice lives in the URL, so it can be shared.
import { lazy, Suspense, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { get, getAll, CONTRIBUTIONS } from '../../api/client';
import type { Begrotingsregel, Verdeelsleutel, Verdeling } from '../../api/types/budget';
import { Field } from '../../components/Field';
import { useTitle } from '../../components/Layout';
import { Loaded } from '../../components/States';
import { t, tk } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { useResource } from '../../lib/useResource';
import { allocationQuery, sumShares, type AllocationSource } from './model';
import { centsToInput, euro, parseEuro, percent } from './money';
import { DownloadButton, intParam, thisYear, yearOptions } from './ui';
import '../../styles/budget.css';

const AllocationChart = lazy(() => import('./AllocationChart'));
const DEFAULT_KEY = 'per-inwoner';

function sourceOf(params: URLSearchParams): AllocationSource {
  const regel = params.get('regel');
  if (regel) return { kind: 'regel', regel };
  const bedrag = params.get('bedrag');
  if (bedrag && /^\d{1,16}$/.test(bedrag)) return { kind: 'bedrag', bedrag: Number(bedrag) };
  return { kind: 'structureel' };
}

export default function AllocationPage() {
  useTitle(t('budget.allocation.title'));
  const [params, setParams] = useSearchParams();
  const now = thisYear();
  const jaar = intParam(params.get('jaar'), now);
  const sleutel = params.get('sleutel') || DEFAULT_KEY;
  const source = sourceOf(params);
  const query = allocationQuery(jaar, sleutel, source);
  const keys = useResource((signal) => getAll<Verdeelsleutel>(`${CONTRIBUTIONS}/verdeelsleutels`, 'verdeelsleutels', signal), []);
  const result = useResource((signal) => get<Verdeling>(`${CONTRIBUTIONS}/verdelingen?${query}`, signal), [query]);

  return (
    <>
      <p className="jt-preheading">
        <Link className="utrecht-link" to="/begroting">
          {t('budget.backToBudget')}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t('budget.allocation.title')}</h1>
      <p className="utrecht-paragraph jt-lead">{t('budget.allocation.intro')}</p>
      <Loaded resource={keys}>
        {(list) => (
          <AllocationForm
            key={query}
            keys={list}
            jaar={jaar}
            sleutel={sleutel}
            source={source}
            now={now}
            onApply={(j, k, s) => {
              const p = new URLSearchParams({ jaar: String(j), sleutel: k });
              if (s.kind === 'regel') p.set('regel', s.regel);
              if (s.kind === 'bedrag') p.set('bedrag', String(s.bedrag));
              setParams(p);
            }}
          />
        )}
      </Loaded>
      <section className="jt-section" aria-labelledby="verdeling-titel">
        <h2 id="verdeling-titel" className="utrecht-heading-2">
          {t('budget.allocation.result')}
        </h2>
        <Loaded resource={result}>{(v) => <AllocationResult verdeling={v} query={query} />}</Loaded>
      </section>
    </>
  );
}

function AllocationForm({ keys, jaar, sleutel, source, now, onApply }: {
  keys: Verdeelsleutel[];
  jaar: number;
  sleutel: string;
  source: AllocationSource;
  now: number;
  onApply: (jaar: number, sleutel: string, source: AllocationSource) => void;
}) {
  const [year, setYear] = useState(jaar);
  const [key, setKey] = useState(keys.find((k) => k.id === sleutel || k.code === sleutel)?.id ?? sleutel);
  const [kind, setKind] = useState<AllocationSource['kind']>(source.kind);
  const [regel, setRegel] = useState(source.kind === 'regel' ? source.regel : '');
  const [bedrag, setBedrag] = useState(source.kind === 'bedrag' ? centsToInput(source.bedrag) : '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const lines = useResource((signal) => getAll<Begrotingsregel>(`${CONTRIBUTIONS}/begrotingsregels?jaar=${year}`, 'begrotingsregels', signal, 5000), [year]);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (kind === 'regel') {
      if (!regel) return setErrors({ regel: t('budget.allocation.chooseLine') });
      setErrors({});
      return onApply(year, key, { kind, regel });
    }
    if (kind === 'bedrag') {
      const p = parseEuro(bedrag);
      if (!p.ok) return setErrors({ bedrag: t(`budget.amount.${p.error}`) });
      setErrors({});
      return onApply(year, key, { kind, bedrag: p.cents });
    }
    setErrors({});
    onApply(year, key, { kind: 'structureel' });
  }

  const select = 'utrecht-select utrecht-select--html-select';
  return (
    <form className="utrecht-form jt-form jt-budget-allocation-form" onSubmit={submit} noValidate aria-label={t('budget.allocation.formLabel')}>
      <div className="jt-form__row">
        <Field id="verdeling-jaar" label={t('budget.field.jaar')}>
          {(a) => (
            <select {...a} className={select} value={year} onChange={(e) => setYear(Number(e.target.value))}>
              {yearOptions(now, [jaar]).map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="verdeling-sleutel" label={t('budget.allocation.key')}>
          {(a) => (
            <select {...a} className={select} value={key} onChange={(e) => setKey(e.target.value)}>
              {!keys.some((k) => k.id === key) && <option value={key}>{key}</option>}
              {keys.map((k) => (
                <option key={k.id} value={k.id}>
                  {k.naam} ({tk('budget.basis', k.grondslag)})
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <fieldset className="jt-choice">
        <legend>{t('budget.allocation.what')}</legend>
        {(['structureel', 'regel', 'bedrag'] as const).map((k) => (
          <label key={k} className="jt-choice__option">
            <input type="radio" name="verdeling-bron" value={k} checked={kind === k} onChange={() => setKind(k)} /> {t(`budget.allocation.source.${k}`)}
          </label>
        ))}
      </fieldset>
      {kind === 'regel' && (
        <Field id="verdeling-regel" label={t('budget.allocation.line')} error={errors.regel}>
          {(a) => (
            <Loaded resource={lines}>
              {(list) => (
                <select {...a} className={`${select} jt-budget-project-select${errors.regel ? ' utrecht-select--invalid' : ''}`} value={regel} onChange={(e) => setRegel(e.target.value)}>
                  <option value="">{list.length ? t('budget.form.choose') : t('budget.allocation.noLines', { jaar: year })}</option>
                  {regel && !list.some((l) => l.id === regel) && <option value={regel}>{t('budget.allocation.chosenLine')}</option>}
                  {list.map((l) => (
                    <option key={l.id} value={l.id}>
                      {l.omschrijving} ({euro(l.bedrag)})
                    </option>
                  ))}
                </select>
              )}
            </Loaded>
          )}
        </Field>
      )}
      {kind === 'bedrag' && (
        <Field id="verdeling-bedrag" label={t('budget.field.bedrag')} hint={t('budget.amount.hint')} error={errors.bedrag}>
          {(a) => <input {...a} type="text" inputMode="decimal" autoComplete="off" className={`utrecht-textbox utrecht-textbox--html-input jt-budget-amount-input${errors.bedrag ? ' utrecht-textbox--invalid' : ''}`} value={bedrag} onChange={(e) => setBedrag(e.target.value)} />}
        </Field>
      )}
      <button type="submit" className="utrecht-button utrecht-button--primary-action utrecht-button--submit">
        {t('budget.allocation.show')}
      </button>
    </form>
  );
}

function AllocationResult({ verdeling: v, query }: { verdeling: Verdeling; query: string }) {
  const total = sumShares(v.aandelen);
  const th = 'utrecht-table__header-cell';
  const td = 'utrecht-table__cell jt-budget-num';
  const what = v.bron.soort === 'begrotingsregel' ? t('budget.allocation.ofLine') : v.bron.soort === 'structureleBegroting' ? t('budget.allocation.ofStructural', { jaar: v.jaar }) : t('budget.allocation.ofAmount');
  return (
    <>
      <p className="utrecht-paragraph" data-testid="verdeling-samenvatting">
        {t('budget.allocation.summary', { bedrag: euro(v.bedrag), wat: what, sleutel: v.verdeelsleutel.naam, jaar: v.gewichtenJaar })}
        {v.bron.soort === 'begrotingsregel' && v.bron.begrotingsregelId && (
          <>
            {' '}
            <Link className="utrecht-link" to={`/begroting/regels/${v.bron.begrotingsregelId}`}>
              {t('budget.allocation.toLine')}
            </Link>
          </>
        )}
      </p>
      <div className="jt-budget-toolbar">
        <DownloadButton path={`${CONTRIBUTIONS}/exports/verdeling?${query}`} fileName={`verdeling-${v.jaar}.csv`} label={t('budget.csv.allocation')} />
      </div>
      <div className="utrecht-table-container jt-table-scroll" tabIndex={0} role="region" aria-labelledby="verdeling-caption">
        <table className="utrecht-table utrecht-table--html-table jt-table jt-budget-table" data-testid="verdeling-tabel">
          <caption id="verdeling-caption" className="jt-budget-caption">
            {t('budget.allocation.caption', { sleutel: v.verdeelsleutel.naam, jaar: v.jaar })}
          </caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className={th}>
                {t('budget.field.gemeente')}
              </th>
              <th scope="col" className={`${th} jt-budget-num`}>
                {t('budget.allocation.weight')}
              </th>
              <th scope="col" className={`${th} jt-budget-num`}>
                {t('budget.allocation.percentage')}
              </th>
              <th scope="col" className={`${th} jt-budget-num`}>
                {t('budget.allocation.share')}
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {v.aandelen.map((a) => (
              <tr key={a.gemeente} className="utrecht-table__row">
                <th scope="row" className={th}>
                  <Link className="utrecht-link" to={`/begroting/gemeenten/${a.gemeente}?jaar=${v.jaar}&sleutel=${encodeURIComponent(v.verdeelsleutel.code ?? v.verdeelsleutel.id)}`}>
                    {a.naam}
                  </Link>
                </th>
                <td className={td}>{formatNumber(a.gewicht)}</td>
                <td className={td}>{percent(a.gewicht, v.totaalGewicht)}</td>
                <td className={td} data-testid="aandeel">
                  {euro(a.aandeel)}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot className="jt-budget-totals">
            <tr className="utrecht-table__row jt-budget-sum jt-budget-sum--strong">
              <th scope="row" className={th}>
                {t('budget.allocation.total', { aantal: v.aandelen.length })}
              </th>
              <td className={td}>{formatNumber(v.totaalGewicht)}</td>
              <td className={td}>{percent(1, 1)}</td>
              <td className={td} data-testid="verdeling-totaal">
                {euro(total)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="jt-help">{v.afronding}</p>
      <Suspense fallback={<div className="jt-chart jt-budget-chart--tall" />}>
        <AllocationChart shares={v.aandelen} />
      </Suspense>
    </>
  );
}
