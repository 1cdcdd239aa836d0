// /begroting: the multi-year budget (years as columns, per scope, structural and incidental),
// coverage and gap per year, contributions per partner and one by one, the municipal statements,
// CSV downloads; editors add and change budget lines and contributions.
import { useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { get, getAll, CONTRIBUTIONS } from '../../api/client';
import type { Begrotingsregel, Bijdrage, Dekking } from '../../api/types/budget';
import { useSession } from '../../auth/useSession';
import { Field } from '../../components/Field';
import { useTitle } from '../../components/Layout';
import { Alert, Empty, Loaded } from '../../components/States';
import { t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { BudgetTable } from './BudgetTable';
import { ContributionsSection } from './ContributionsSection';
import { CoverageSection } from './CoverageSection';
import { LineForm } from './LineForm';
import { buildBudgetTable, coverageByYear, yearRange } from './model';
import { loadNames, scopeLabel, scopeKey, type Names } from './names';
import { PartnersSection } from './PartnersSection';
import { canEditBudget, DownloadButton, intParam, thisYear, yearOptions } from './ui';
import '../../styles/budget.css';

/** The coverage API answers at most 25 years at once. */
const MAX_YEARS = 25;

interface BudgetData {
  lines: Begrotingsregel[];
  dekking: Dekking;
  bijdragen: Bijdrage[];
  names: Names;
}

export default function BudgetPage() {
  useTitle(t('budget.title'));
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const now = thisYear();
  let van = intParam(params.get('van'), now - 2);
  let tot = intParam(params.get('tot'), Math.max(van, now + 2));
  if (tot < van) [van, tot] = [tot, van];
  if (tot - van >= MAX_YEARS) tot = van + MAX_YEARS - 1;
  const years = yearRange(van, tot);
  const res = useResource<BudgetData>(
    async (signal) => {
      const [lines, dekking, bijdragen, names] = await Promise.all([
        getAll<Begrotingsregel>(`${CONTRIBUTIONS}/begrotingsregels?vanJaar=${van}&totJaar=${tot}`, 'begrotingsregels', signal, 20000),
        get<Dekking>(`${CONTRIBUTIONS}/dekking?vanJaar=${van}&totJaar=${tot}`, signal),
        // The list filters one year at a time.
        Promise.all(yearRange(van, tot).map((y) => getAll<Bijdrage>(`${CONTRIBUTIONS}/bijdragen?jaar=${y}`, 'bijdragen', signal, 20000))).then((l) => l.flat()),
        loadNames(['actielijnen', 'projecten', 'organisaties', 'gemeenten', 'bronnen'], signal),
      ]);
      return { lines, dekking, bijdragen, names };
    },
    [van, tot],
  );

  return (
    <>
      <h1 className="utrecht-heading-1">{t('budget.title')}</h1>
      <p className="utrecht-paragraph jt-lead">{t('budget.intro')}</p>
      <nav className="jt-budget-subnav" aria-label={t('budget.subnav')}>
        <ul>
          <li>
            <Link className="utrecht-link" to={`/begroting/verdeling?jaar=${now}`}>
              {t('budget.allocation.title')}
            </Link>
          </li>
          <li>
            <a className="utrecht-link" href="#gemeenten-titel">
              {t('budget.statements.title')}
            </a>
          </li>
        </ul>
      </nav>
      <YearRange
        key={`${van}-${tot}`}
        van={van}
        tot={tot}
        now={now}
        onChange={(a, b) => setParams((p) => {
          p.set('van', String(a));
          p.set('tot', String(b));
          return p;
        })}
      />
      <Loaded resource={res}>
        {(d) => <BudgetView key={`${van}-${tot}`} data={d} years={years} now={now} editable={canEditBudget(user)} reload={res.reload} />}
      </Loaded>
    </>
  );
}

function YearRange({ van, tot, now, onChange }: { van: number; tot: number; now: number; onChange: (van: number, tot: number) => void }) {
  const [a, setA] = useState(van);
  const [b, setB] = useState(tot);
  const [error, setError] = useState<string | undefined>();
  const options = yearOptions(now, [van, tot]);
  function submit(e: FormEvent) {
    e.preventDefault();
    if (b < a) return setError(t('budget.range.endBeforeStart'));
    if (b - a >= MAX_YEARS) return setError(t('budget.range.tooLong', { max: MAX_YEARS }));
    setError(undefined);
    onChange(a, b);
  }
  return (
    <form className="jt-filters jt-budget-range" onSubmit={submit} aria-label={t('budget.range.label')}>
      <Field id="begroting-van" label={t('budget.range.from')}>
        {(x) => (
          <select {...x} className="utrecht-select utrecht-select--html-select" value={a} onChange={(e) => setA(Number(e.target.value))}>
            {options.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="begroting-tot" label={t('budget.range.to')} error={error}>
        {(x) => (
          <select {...x} className={`utrecht-select utrecht-select--html-select${error ? ' utrecht-select--invalid' : ''}`} value={b} onChange={(e) => setB(Number(e.target.value))}>
            {options.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="jt-field">
        <button type="submit" className="utrecht-button utrecht-button--secondary-action">
          {t('budget.range.show')}
        </button>
      </div>
    </form>
  );
}

function BudgetView({ data, years, now, editable, reload }: { data: BudgetData; years: number[]; now: number; editable: boolean; reload: () => void }) {
  const { lines, dekking, bijdragen, names } = data;
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState<Begrotingsregel | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const refs = new Map(lines.map((l) => [scopeKey(l), l]));
  const table = buildBudgetTable(lines, years, (k) => (refs.has(k) ? scopeLabel(refs.get(k)!, names) : k));
  const coverage = coverageByYear(dekking, years);
  const defaultYear = years.includes(now) ? now : years[0];
  const van = years[0];
  const tot = years[years.length - 1];

  return (
    <>
      <section className="jt-section" aria-labelledby="begroting-titel">
        <h2 id="begroting-titel" className="utrecht-heading-2">
          {t('budget.table.title', { van, tot })}
        </h2>
        <div className="jt-budget-toolbar">
          <DownloadButton path={`${CONTRIBUTIONS}/exports/begroting?vanJaar=${van}&totJaar=${tot}`} fileName={`begroting-${van}-${tot}.csv`} label={t('budget.csv.budget')} />
        </div>
        {saved && (
          <Alert type="ok">
            {t('budget.line.saved')}{' '}
            <Link className="utrecht-link" to={`/begroting/regels/${saved.id}`}>
              {saved.omschrijving}
            </Link>
          </Alert>
        )}
        {editable &&
          (adding ? (
            <LineForm
              defaultYear={defaultYear}
              names={names}
              onCancel={() => {
                setAdding(false);
                requestAnimationFrame(() => addRef.current?.focus());
              }}
              onSaved={(l) => {
                setAdding(false);
                setSaved(l);
                reload();
              }}
            />
          ) : (
            <p className="jt-form-open">
              <button
                ref={addRef}
                type="button"
                className="utrecht-button utrecht-button--primary-action"
                onClick={() => {
                  setSaved(null);
                  setAdding(true);
                }}
              >
                {t('budget.line.add')}
              </button>
            </p>
          ))}
        {table.groups.length === 0 ? <Empty>{t('budget.table.none', { van, tot })}</Empty> : <BudgetTable table={table} names={names} />}
      </section>

      <CoverageSection years={coverage} />
      <PartnersSection bijdragen={bijdragen} years={years} names={names} />
      <ContributionsSection bijdragen={bijdragen} years={years} initialYear={defaultYear} names={names} editable={editable} onChanged={reload} />

      <section className="jt-section" aria-labelledby="gemeenten-titel">
        <h2 id="gemeenten-titel" className="utrecht-heading-2">
          {t('budget.statements.title')}
        </h2>
        <p className="jt-help">{t('budget.statements.help', { jaar: defaultYear })}</p>
        {names.gemeenten.length === 0 ? (
          <Empty />
        ) : (
          <ul className="jt-budget-municipalities">
            {names.gemeenten.map((g) => (
              <li key={g.code}>
                <Link className="utrecht-link" to={`/begroting/gemeenten/${g.code}?jaar=${defaultYear}`}>
                  {g.naam}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
