// /begroting/gemeenten/:code: a municipality's statement for a year: its share of the structural
// budget (in total and per budget line), what it pledged and paid, the comparison with the year
// before; CSV download and a print layout (the statement is meant for councils, on paper too).
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { get, getAll, CONTRIBUTIONS } from '../../api/client';
import type { Begrotingsregel, Jaaroverzicht, Verdeelsleutel, Verdeling } from '../../api/types/budget';
import { Field } from '../../components/Field';
import { useTitle } from '../../components/Layout';
import { Empty, Loaded } from '../../components/States';
import { t, tk } from '../../i18n';
import { formatDate, formatNumber } from '../../lib/format';
import { useResource } from '../../lib/useResource';
import { sharesPerLine } from './model';
import { contributionAmount, euro, percent } from './money';
import { loadNames, scopeLabel, sourceName, type Names } from './names';
import { DownloadButton, FactRow, intParam, thisYear, yearOptions } from './ui';
import '../../styles/budget.css';

const DEFAULT_KEY = 'per-inwoner';

interface StatementData {
  overzicht: Jaaroverzicht;
  /** This municipality's share of each structural line of the year. */
  perLine: { line: Begrotingsregel; share: number }[];
  names: Names;
}

export default function StatementPage() {
  const code = (useParams().code ?? '').toUpperCase();
  const [params] = useSearchParams();
  const now = thisYear();
  const jaar = intParam(params.get('jaar'), now);
  const sleutel = params.get('sleutel') || DEFAULT_KEY;
  const keys = useResource((signal) => getAll<Verdeelsleutel>(`${CONTRIBUTIONS}/verdeelsleutels`, 'verdeelsleutels', signal).catch(() => [] as Verdeelsleutel[]), []);
  const res = useResource<StatementData>(
    async (signal) => {
      const k = encodeURIComponent(sleutel);
      const [overzicht, lines, weights, names] = await Promise.all([
        get<Jaaroverzicht>(`${CONTRIBUTIONS}/gemeenten/${encodeURIComponent(code)}/jaaroverzichten/${jaar}?verdeelsleutel=${k}`, signal),
        getAll<Begrotingsregel>(`${CONTRIBUTIONS}/begrotingsregels?jaar=${jaar}&aard=structureel`, 'begrotingsregels', signal, 5000),
        // Splitting nothing gives the weights of the key for the year, in CBS order.
        get<Verdeling>(`${CONTRIBUTIONS}/verdelingen?verdeelsleutel=${k}&jaar=${jaar}&bedrag=0`, signal),
        loadNames(['actielijnen', 'projecten', 'organisaties', 'gemeenten', 'bronnen'], signal),
      ]);
      return { overzicht, perLine: sharesPerLine(lines, weights, code), names };
    },
    [code, jaar, sleutel],
  );
  const naam = res.state === 'ready' ? res.data.overzicht.gemeente.naam : code;
  useTitle(t('budget.statement.title', { gemeente: naam ?? code, jaar }));

  return (
    <>
      <p className="jt-preheading jt-budget-noprint">
        <Link className="utrecht-link" to="/begroting">
          {t('budget.backToBudget')}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t('budget.statement.title', { gemeente: naam ?? code, jaar })}</h1>
      <Loaded resource={keys}>{(list) => <StatementForm key={`${code}-${jaar}-${sleutel}`} code={code} jaar={jaar} sleutel={sleutel} keys={list} now={now} names={res.state === 'ready' ? res.data.names : null} />}</Loaded>
      <Loaded resource={res}>{(d) => <StatementView data={d} code={code} sleutel={sleutel} />}</Loaded>
    </>
  );
}

function StatementForm({ code, jaar, sleutel, keys, now, names }: { code: string; jaar: number; sleutel: string; keys: Verdeelsleutel[]; now: number; names: Names | null }) {
  const navigate = useNavigate();
  const [gm, setGm] = useState(code);
  const [year, setYear] = useState(jaar);
  const [key, setKey] = useState(keys.find((k) => k.id === sleutel || k.code === sleutel)?.code ?? sleutel);
  const select = 'utrecht-select utrecht-select--html-select';
  function submit(e: FormEvent) {
    e.preventDefault();
    navigate(`/begroting/gemeenten/${gm}?jaar=${year}&sleutel=${encodeURIComponent(key)}`);
  }
  return (
    <form className="jt-filters jt-budget-noprint" onSubmit={submit} aria-label={t('budget.statement.formLabel')}>
      {names && names.gemeenten.length > 0 && (
        <Field id="overzicht-gemeente" label={t('budget.field.gemeente')}>
          {(a) => (
            <select {...a} className={select} value={gm} onChange={(e) => setGm(e.target.value)}>
              {!names.gemeenten.some((g) => g.code === gm) && <option value={gm}>{gm}</option>}
              {names.gemeenten.map((g) => (
                <option key={g.code} value={g.code}>
                  {g.naam}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field id="overzicht-jaar" label={t('budget.field.jaar')}>
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
      {keys.length > 0 && (
        <Field id="overzicht-sleutel" label={t('budget.allocation.key')}>
          {(a) => (
            <select {...a} className={select} value={key} onChange={(e) => setKey(e.target.value)}>
              {!keys.some((k) => (k.code ?? k.id) === key) && <option value={key}>{key}</option>}
              {keys.map((k) => (
                <option key={k.id} value={k.code ?? k.id}>
                  {k.naam}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <div className="jt-field">
        <button type="submit" className="utrecht-button utrecht-button--secondary-action">
          {t('budget.statement.show')}
        </button>
      </div>
    </form>
  );
}

function StatementView({ data, code, sleutel }: { data: StatementData; code: string; sleutel: string }) {
  const { overzicht: o, perLine, names } = data;
  const key = o.verdeelsleutel;
  const total = o.structureleBegroting?.totaal ?? 0;
  const share = o.structureleBegroting?.aandeel ?? 0;
  const lineSum = perLine.reduce((a, x) => a + x.share, 0);
  const vorig = o.vorigJaar;
  const th = 'utrecht-table__header-cell';
  const td = 'utrecht-table__cell jt-budget-num';
  const contributions = [...o.bijdragen].sort((a, b) => a.status.localeCompare(b.status) || (a.datum ?? '').localeCompare(b.datum ?? ''));
  return (
    <article className="jt-budget-statement" data-testid="jaaroverzicht">
      <div className="jt-budget-toolbar jt-budget-noprint">
        <DownloadButton path={`${CONTRIBUTIONS}/exports/jaaroverzicht?gemeente=${code}&jaar=${o.jaar}&verdeelsleutel=${encodeURIComponent(sleutel)}`} fileName={`jaaroverzicht-${code}-${o.jaar}.csv`} label={t('budget.csv.statement')} />
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => window.print()}>
          {t('budget.statement.print')}
        </button>
      </div>

      <section className="jt-section" aria-labelledby="aandeel-titel">
        <h2 id="aandeel-titel" className="utrecht-heading-2">
          {t('budget.statement.shareTitle')}
        </h2>
        <dl className="jt-dl jt-dl--rows jt-budget-facts">
          <FactRow label={t('budget.statement.structural', { jaar: o.jaar })} value={euro(total)} />
          <FactRow label={t('budget.allocation.key')} value={t('budget.statement.keyValue', { naam: key?.naam ?? '', grondslag: tk('budget.basis', key?.grondslag), jaar: key?.gewichtenJaar ?? '' })} />
          <FactRow label={t('budget.allocation.weight')} value={t('budget.statement.weightValue', { gewicht: formatNumber(key?.gewicht), totaal: formatNumber(key?.totaalGewicht), procent: percent(key?.gewicht ?? 0, key?.totaalGewicht ?? 0) })} />
          <FactRow label={t('budget.statement.share')} value={<strong data-testid="jaaroverzicht-aandeel">{euro(share)}</strong>} />
        </dl>

        <h3 className="utrecht-heading-3">{t('budget.statement.perLine')}</h3>
        {perLine.length === 0 ? (
          <Empty>{t('budget.statement.noLines', { jaar: o.jaar })}</Empty>
        ) : (
          <>
            <div className="utrecht-table-container jt-table-scroll" tabIndex={0} role="region" aria-labelledby="perregel-caption">
              <table className="utrecht-table utrecht-table--html-table jt-table jt-budget-table" data-testid="jaaroverzicht-regels">
                <caption id="perregel-caption" className="jt-budget-caption">
                  {t('budget.statement.perLineCaption', { gemeente: o.gemeente.naam ?? code, jaar: o.jaar })}
                </caption>
                <thead className="utrecht-table__header">
                  <tr className="utrecht-table__row">
                    <th scope="col" className={th}>
                      {t('budget.table.line')}
                    </th>
                    <th scope="col" className={th}>
                      {t('budget.field.scope')}
                    </th>
                    <th scope="col" className={`${th} jt-budget-num`}>
                      {t('budget.statement.lineAmount')}
                    </th>
                    <th scope="col" className={`${th} jt-budget-num`}>
                      {t('budget.statement.lineShare')}
                    </th>
                  </tr>
                </thead>
                <tbody className="utrecht-table__body">
                  {perLine.map(({ line, share: s }) => (
                    <tr key={line.id} className="utrecht-table__row">
                      <th scope="row" className={th}>
                        <Link className="utrecht-link" to={`/begroting/regels/${line.id}`}>
                          {line.omschrijving}
                        </Link>
                        <span className="jt-list__meta jt-budget-block">{line.categorie}</span>
                      </th>
                      <td className="utrecht-table__cell">{scopeLabel(line, names)}</td>
                      <td className={td}>{euro(line.bedrag)}</td>
                      <td className={td}>{euro(s)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot className="jt-budget-totals">
                  <tr className="utrecht-table__row jt-budget-sum jt-budget-sum--strong">
                    <th scope="row" colSpan={2} className={th}>
                      {t('budget.table.total')}
                    </th>
                    <td className={td}>{euro(perLine.reduce((a, x) => a + x.line.bedrag, 0))}</td>
                    <td className={td}>{euro(lineSum)}</td>
                  </tr>
                </tfoot>
              </table>
            </div>
            {lineSum !== share && <p className="jt-help">{t('budget.statement.roundingNote', { verschil: euro(Math.abs(lineSum - share)) })}</p>}
          </>
        )}
      </section>

      <section className="jt-section" aria-labelledby="betaalt-titel">
        <h2 id="betaalt-titel" className="utrecht-heading-2">
          {t('budget.statement.contributions', { jaar: o.jaar })}
        </h2>
        <dl className="jt-dl jt-dl--rows jt-budget-facts">
          <FactRow label={t('budget.status.toegezegd')} value={euro(o.totalen.toegezegd)} />
          <FactRow label={t('budget.status.gerealiseerd')} value={euro(o.totalen.gerealiseerd)} />
          {(o.totalen.urenToegezegd > 0 || o.totalen.urenGerealiseerd > 0) && (
            <FactRow label={t('budget.coverage.hours')} value={t('budget.statement.hoursValue', { toegezegd: formatNumber(o.totalen.urenToegezegd), gerealiseerd: formatNumber(o.totalen.urenGerealiseerd) })} />
          )}
        </dl>
        {contributions.length === 0 ? (
          <Empty>{t('budget.statement.noContributions', { jaar: o.jaar })}</Empty>
        ) : (
          <div className="utrecht-table-container jt-table-scroll" tabIndex={0} role="region" aria-labelledby="betaalt-caption">
            <table className="utrecht-table utrecht-table--html-table jt-table jt-budget-table" data-testid="jaaroverzicht-bijdragen">
              <caption id="betaalt-caption" className="jt-budget-caption">
                {t('budget.statement.contributionsCaption', { gemeente: o.gemeente.naam ?? code, jaar: o.jaar })}
              </caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th scope="col" className={th}>
                    {t('budget.field.scopeContribution')}
                  </th>
                  <th scope="col" className={th}>
                    {t('budget.field.contributionStatus')}
                  </th>
                  <th scope="col" className={`${th} jt-budget-num`}>
                    {t('budget.contributions.amount')}
                  </th>
                  <th scope="col" className={`${th} jt-budget-num`}>
                    {t('budget.contributions.value')}
                  </th>
                  <th scope="col" className={th}>
                    {t('budget.field.bron')}
                  </th>
                  <th scope="col" className={th}>
                    {t('budget.field.datum')}
                  </th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {contributions.map((b) => (
                  <tr key={b.id} className="utrecht-table__row">
                    <th scope="row" className={th}>
                      {scopeLabel(b, names)}
                      {b.organisatie && <span className="jt-list__meta jt-budget-block">{names.organisaties.get(b.organisatie) ?? b.organisatie}</span>}
                      {b.toelichting && <span className="jt-list__meta jt-budget-block">{b.toelichting}</span>}
                    </th>
                    <td className="utrecht-table__cell">{tk('budget.status', b.status)}</td>
                    <td className={td}>{contributionAmount(b)}</td>
                    <td className={td}>{euro(b.waarde)}</td>
                    <td className="utrecht-table__cell">{sourceName(b.financieringsbronId, names)}</td>
                    <td className="utrecht-table__cell jt-budget-nowrap">{formatDate(b.datum)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {vorig && (
        <section className="jt-section" aria-labelledby="vergelijking-titel">
          <h2 id="vergelijking-titel" className="utrecht-heading-2">
            {t('budget.statement.compare', { jaar: vorig.jaar ?? o.jaar - 1 })}
          </h2>
          <div className="utrecht-table-container jt-table-scroll" tabIndex={0} role="region" aria-labelledby="vergelijking-titel">
            <table className="utrecht-table utrecht-table--html-table jt-table jt-budget-table">
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <td className="utrecht-table__cell" />
                  <th scope="col" className={`${th} jt-budget-num`}>
                    {vorig.jaar}
                  </th>
                  <th scope="col" className={`${th} jt-budget-num`}>
                    {o.jaar}
                  </th>
                  <th scope="col" className={`${th} jt-budget-num`}>
                    {t('budget.statement.difference')}
                  </th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                <CompareRow label={t('budget.statement.share')} before={vorig.structureleBegroting?.aandeel} now={share} diff={o.verschil?.aandeel} />
                <CompareRow label={t('budget.status.toegezegd')} before={vorig.totalen?.toegezegd} now={o.totalen.toegezegd} diff={o.verschil?.toegezegd} />
                <CompareRow label={t('budget.status.gerealiseerd')} before={vorig.totalen?.gerealiseerd} now={o.totalen.gerealiseerd} diff={o.verschil?.gerealiseerd} />
              </tbody>
            </table>
          </div>
        </section>
      )}
      <p className="jt-help">{o.afronding}</p>
    </article>
  );
}

/** A difference with its sign written out: "+ € 3.484,60" / "− € 1,00". */
export function signedEuro(cents: number): string {
  if (cents === 0) return euro(0);
  return `${cents > 0 ? '+' : '−'}\u00a0${euro(Math.abs(cents))}`;
}

function CompareRow({ label, before, now, diff }: { label: string; before?: number; now: number; diff?: number }) {
  const d = diff ?? now - (before ?? 0);
  return (
    <tr className="utrecht-table__row">
      <th scope="row" className="utrecht-table__header-cell">
        {label}
      </th>
      <td className="utrecht-table__cell jt-budget-num">{euro(before ?? 0)}</td>
      <td className="utrecht-table__cell jt-budget-num">{euro(now)}</td>
      <td className="utrecht-table__cell jt-budget-num">{signedEuro(d)}</td>
    </tr>
  );
}
