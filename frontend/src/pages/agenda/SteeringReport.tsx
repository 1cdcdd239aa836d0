// The steering-group report: pick a period (by default the last six weeks), then per action line
// its status, what changed, milestones, decisions asked, signals and budget; printable as a clean
// A4 document (styles/agenda.css, @media print). The portfolio's report is the core; milestones
// done, signals and budget come from other calls and are left out with a note when they fail.
import { useRef, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { get, getAll, CONTRIBUTIONS, MONITORING, PORTFOLIO } from '../../api/client';
import type { Stuurgroeprapportage } from '../../api/types';
import type { AuditRegel, Dekking, Kernprobleem, SgrLine, Signalen } from '../../api/types/agenda';
import { RagBadge } from '../../components/Badges';
import { Field } from '../../components/Field';
import { useTitle } from '../../components/Layout';
import { Empty, Loaded } from '../../components/States';
import { t } from '../../i18n';
import { formatDate, formatMoney, todayIso } from '../../lib/format';
import { explain } from '../../lib/problems';
import { useResource } from '../../lib/useResource';
import { ErrorSummary } from '../../components/ErrorSummary';
import { ProblemItems, ReportLine } from './ReportLine';
import { budgetPerLine, doneMilestones, euros, periodFrom, projectLines, ragCounts, signalsFor, validatePeriod, type Budget, type DoneMilestone, type Period } from './report';
import '../../styles/agenda.css';

/** A part of the report that may fail on its own (another service). */
export type Part<T> = { ok: true; data: T } | { ok: false; error: unknown };
function part<T>(p: Promise<T>): Promise<Part<T>> {
  return p.then(
    (data) => ({ ok: true as const, data }),
    (error: unknown) => {
      if ((error as Error)?.name === 'AbortError') throw error;
      return { ok: false as const, error };
    },
  );
}

interface ReportData {
  rapport: Stuurgroeprapportage;
  audit: Part<AuditRegel[]>;
  signalen: Part<Signalen>;
  dekking: Part<Dekking>;
  year: number;
}

export default function SteeringReportPage() {
  const today = todayIso();
  const [params, setParams] = useSearchParams();
  const period = periodFrom(params, today);
  useTitle(t('agenda.report.title'));
  const res = useResource<ReportData>(
    async (signal) => {
      const q = `van=${period.van}&tot=${period.tot}`;
      const year = Number(period.tot.slice(0, 4));
      const [rapport, audit, signalen, dekking] = await Promise.all([
        get<Stuurgroeprapportage>(`${PORTFOLIO}/stuurgroeprapportage?${q}&weken=${period.weken}`, signal),
        part(getAll<AuditRegel>(`${PORTFOLIO}/audit?objectType=mijlpaal&${q}`, 'audit', signal, 5000)),
        part(get<Signalen>(`${MONITORING}/signalen`, signal)),
        part(get<Dekking>(`${CONTRIBUTIONS}/dekking?jaar=${year}`, signal)),
      ]);
      return { rapport, audit, signalen, dekking, year };
    },
    [period.van, period.tot, period.weken],
  );

  return (
    <article className="jt-sgr" data-testid="stuurgroeprapportage">
      <header className="jt-sgr__titleblock">
        <p className="jt-preheading">{t('app.title')}</p>
        <h1 className="utrecht-heading-1">{t('agenda.report.title')}</h1>
        <dl className="jt-sgr__meta">
          <div>
            <dt>{t('agenda.report.period')}</dt>
            <dd data-testid="rapport-periode">{t('project.reportPeriod', { van: formatDate(period.van), tot: formatDate(period.tot) })}</dd>
          </div>
          <div>
            <dt>{t('agenda.report.lookahead')}</dt>
            <dd>{t('agenda.report.weeks', { weken: period.weken })}</dd>
          </div>
          <div>
            <dt>{t('agenda.report.made')}</dt>
            <dd>{formatDate(today)}</dd>
          </div>
        </dl>
      </header>
      <PeriodForm period={period} onApply={(p) => setParams({ van: p.van, tot: p.tot, weken: String(p.weken) })} />
      <Loaded resource={res}>{(d) => <Report data={d} period={period} />}</Loaded>
    </article>
  );
}

function PeriodForm({ period, onApply }: { period: Period; onApply: (p: Period) => void }) {
  const [v, setV] = useState({ van: period.van, tot: period.tot, weken: String(period.weken) });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const ref = useRef<HTMLDivElement>(null);
  const labels = { van: t('agenda.report.from'), tot: t('agenda.report.to'), weken: t('agenda.report.lookaheadWeeks') };
  function submit(e: FormEvent) {
    e.preventDefault();
    const errs = validatePeriod(v);
    setErrors(errs);
    if (Object.keys(errs).length) {
      requestAnimationFrame(() => ref.current?.focus());
      return;
    }
    onApply({ van: v.van, tot: v.tot, weken: Number(v.weken) });
  }
  return (
    <form className="utrecht-form jt-form jt-sgr__controls" onSubmit={submit} noValidate aria-labelledby="sgr-period">
      <h2 id="sgr-period" className="utrecht-heading-3">
        {t('agenda.report.choosePeriod')}
      </h2>
      {Object.keys(errors).length > 0 && <ErrorSummary ref={ref} message={t('state.invalid')} errors={errors} labels={labels} idPrefix="sgr" />}
      <div className="jt-form__row jt-sgr__fields">
        <Field id="sgr-van" label={labels.van} error={errors.van}>
          {(a) => <input {...a} type="date" className="utrecht-textbox utrecht-textbox--html-input" value={v.van} onChange={(e) => setV({ ...v, van: e.target.value })} />}
        </Field>
        <Field id="sgr-tot" label={labels.tot} error={errors.tot}>
          {(a) => <input {...a} type="date" className="utrecht-textbox utrecht-textbox--html-input" value={v.tot} onChange={(e) => setV({ ...v, tot: e.target.value })} />}
        </Field>
        <Field id="sgr-weken" label={labels.weken} error={errors.weken}>
          {(a) => <input {...a} type="number" min={1} max={52} inputMode="numeric" className="utrecht-textbox utrecht-textbox--html-input jt-input-narrow" value={v.weken} onChange={(e) => setV({ ...v, weken: e.target.value })} />}
        </Field>
      </div>
      <div className="utrecht-button-group jt-buttons">
        <button type="submit" className="utrecht-button utrecht-button--primary-action">
          {t('agenda.report.show')}
        </button>
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => window.print()}>
          {t('agenda.report.print')}
        </button>
      </div>
    </form>
  );
}

export interface LineExtras {
  done: Part<DoneMilestone[]>;
  signals: Part<ReturnType<typeof signalsFor>>;
  budget: Part<Budget | null>;
  year: number;
}

function Report({ data, period }: { data: ReportData; period: Period }) {
  const lines = data.rapport.actielijnen as unknown as SgrLine[];
  const lineOf = projectLines(lines);
  const done: Part<DoneMilestone[]> = data.audit.ok ? { ok: true, data: doneMilestones(data.audit.data, period.van, period.tot) } : data.audit;
  const budgets = data.dekking.ok ? budgetPerLine(data.dekking.data, data.year, lineOf) : null;
  const extras = (n: number): LineExtras => ({
    done: done.ok ? { ok: true, data: done.data.filter((m) => lineOf.get(m.projectId) === n) } : done,
    signals: data.signalen.ok ? { ok: true, data: signalsFor(data.signalen.data.signalen, n) } : data.signalen,
    budget: data.dekking.ok ? { ok: true, data: budgets?.lines.get(n) ?? null } : data.dekking,
    year: data.year,
  });
  const orphans = (data.rapport.nieuweKernproblemenZonderActielijn ?? []) as Kernprobleem[];
  if (lines.length === 0) return <Empty />;
  return (
    <>
      <section className="jt-section jt-sgr__summary" aria-labelledby="sgr-summary">
        <h2 id="sgr-summary" className="utrecht-heading-2">
          {t('agenda.report.summary')}
        </h2>
        <Unavailable data={data} />
        <div className="jt-table-scroll" role="region" aria-labelledby="sgr-summary-caption" tabIndex={0}>
          <table className="utrecht-table utrecht-table--html-table jt-table jt-sgr__table">
            <caption id="sgr-summary-caption" className="utrecht-table__caption jt-visually-hidden">
              {t('agenda.report.summaryCaption')}
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">{t('project.actionLine')}</th>
                <th scope="col" className="utrecht-table__header-cell jt-num">{t('agenda.report.projects')}</th>
                <th scope="col" className="utrecht-table__header-cell">{t('agenda.report.status')}</th>
                <th scope="col" className="utrecht-table__header-cell jt-num">{t('agenda.report.overdue')}</th>
                <th scope="col" className="utrecht-table__header-cell jt-num">{t('agenda.report.decisions')}</th>
                <th scope="col" className="utrecht-table__header-cell jt-num">{t('agenda.report.signals')}</th>
                <th scope="col" className="utrecht-table__header-cell jt-num">{t('agenda.report.gap', { jaar: data.year })}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {lines.map((l) => {
                const c = ragCounts(l.projecten);
                const x = extras(l.nummer);
                return (
                  <tr key={l.nummer} className="utrecht-table__row">
                    <th scope="row" className="utrecht-table__header-cell">
                      <a className="utrecht-link" href={`#actielijn-${l.nummer}`}>
                        {l.nummer}. {l.titel}
                      </a>
                    </th>
                    <td className="utrecht-table__cell jt-num">{l.projecten.length}</td>
                    <td className="utrecht-table__cell">
                      <span className="jt-raglist">
                        {(['op_koers', 'risico', 'achter', 'geen'] as const)
                          .filter((r) => c[r] > 0)
                          .map((r) => (
                            <RagBadge key={r} rag={r} count={c[r]} />
                          ))}
                      </span>
                    </td>
                    <td className="utrecht-table__cell jt-num">{l.mijlpalenTeLaat.length}</td>
                    <td className="utrecht-table__cell jt-num">{l.gevraagdeBesluiten.length}</td>
                    <td className="utrecht-table__cell jt-num">{x.signals.ok ? x.signals.data.length : '—'}</td>
                    <td className="utrecht-table__cell jt-num">{x.budget.ok ? (x.budget.data ? formatMoney(euros(x.budget.data.tekort)) : '—') : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {budgets && (
          <p className="jt-list__meta">
            {t('agenda.report.programmeBudget', {
              jaar: data.year,
              begroot: formatMoney(euros(budgets.total.begroot)),
              toegezegd: formatMoney(euros(budgets.total.toegezegd)),
              tekort: formatMoney(euros(budgets.total.tekort)),
            })}
          </p>
        )}
      </section>
      {lines.map((l) => (
        <ReportLine key={l.nummer} line={l} extras={extras(l.nummer)} weken={data.rapport.weken ?? period.weken} />
      ))}
      <section className="jt-section jt-sgr__line" aria-labelledby="sgr-orphans">
        <h2 id="sgr-orphans" className="utrecht-heading-2">
          {t('agenda.report.orphans')}
        </h2>
        {orphans.length === 0 ? <Empty>{t('agenda.report.noOrphans')}</Empty> : <ProblemItems items={orphans} />}
      </section>
    </>
  );
}

/** One note for each service that did not answer, in plain Dutch. */
function Unavailable({ data }: { data: ReportData }) {
  const notes: string[] = [];
  if (!data.audit.ok) notes.push(t('agenda.report.noDone', { reden: explain(data.audit.error).message }));
  if (!data.signalen.ok) notes.push(t('agenda.report.noSignals', { reden: explain(data.signalen.error).message }));
  if (!data.dekking.ok) notes.push(t('agenda.report.noBudget', { reden: explain(data.dekking.error).message }));
  if (notes.length === 0) return null;
  return (
    <div className="utrecht-alert utrecht-alert--warning jt-alert" role="status">
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <ul className="jt-plainlist">
            {notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
