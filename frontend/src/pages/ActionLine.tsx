import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { get, getAll, PORTFOLIO, STAKEHOLDERS } from '../api/client';
import type { Actielijn, Betrokkenheid, Hervormingslijnen, Principes, Project } from '../api/types';
import type { components } from '../api/generated/portfolio';
import { canEditPortfolio, useSession } from '../auth/useSession';
import { RagBadge, StatusBadge } from '../components/Badges';
import { useTitle } from '../components/Layout';
import { PriorityList } from '../components/PriorityList';
import { Empty, Loaded } from '../components/States';
import { t, tk } from '../i18n';
import { useResource } from '../lib/useResource';

type Programma = components['schemas']['Programma'];

interface LineData {
  lijn: Actielijn;
  projecten: Project[];
  principes: Principes;
  hervormingslijnen: Hervormingslijnen;
  programmas: Programma[];
  trekkers: Betrokkenheid[];
}

export default function ActionLine() {
  const nummer = Number(useParams().nummer);
  const { user } = useSession();
  const res = useResource<LineData>(
    async (signal) => {
      const [lijn, projecten, principes, hervormingslijnen, programmas, trekkers] = await Promise.all([
        get<Actielijn>(`${PORTFOLIO}/actielijnen/${nummer}`, signal),
        getAll<Project>(`${PORTFOLIO}/projecten?actielijn=${nummer}`, 'projecten', signal),
        get<Principes>(`${PORTFOLIO}/principes`, signal),
        get<Hervormingslijnen>(`${PORTFOLIO}/hervormingslijnen`, signal),
        getAll<Programma>(`${PORTFOLIO}/programmas`, 'programmas', signal),
        // Leads as people of the stakeholders service; not fatal when that service is away.
        getAll<Betrokkenheid>(`${STAKEHOLDERS}/betrokkenheden?doelType=actielijn&doelId=${nummer}`, 'betrokkenheden', signal).catch(() => []),
      ]);
      return { lijn, projecten, principes, hervormingslijnen, programmas, trekkers };
    },
    [nummer],
  );
  const title = res.state === 'ready' ? t('line.title', { nummer, titel: res.data.lijn.titel }) : t('nav.actionLines');
  useTitle(title);

  return (
    <>
      <LineTabs current={nummer} />
      <Loaded resource={res}>
        {(d) => <LineView data={d} editable={canEditPortfolio(user, nummer)} onSaved={res.reload} />}
      </Loaded>
    </>
  );
}

function LineTabs({ current }: { current: number }) {
  return (
    <nav aria-label={t('nav.actionLines')} className="jt-tabs">
      <ul>
        {[1, 2, 3, 4, 5].map((n) => (
          <li key={n}>
            <Link to={`/actielijnen/${n}`} className={`jt-tabs__link${n === current ? ' jt-tabs__link--current' : ''}`} aria-current={n === current ? 'page' : undefined}>
              {t('dashboard.actionLine', { nummer: n })}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function LineView({ data, editable, onSaved }: { data: LineData; editable: boolean; onSaved: () => void }) {
  const { lijn, projecten, principes, hervormingslijnen, programmas, trekkers } = data;
  const sorted = useMemo(() => [...projecten].sort((a, b) => a.rang - b.rang), [projecten]);
  const priorities = useMemo(() => sorted.filter((p) => p.soort !== 'lopend'), [sorted]);
  const running = useMemo(() => sorted.filter((p) => p.soort === 'lopend'), [sorted]);
  const linked = useMemo(() => {
    const ids = new Set(projecten.flatMap((p) => (p.programmas ?? []).map((g) => g.id)));
    return programmas.filter((g) => ids.has(g.id));
  }, [projecten, programmas]);
  const leads = lijn.trekkers ?? [];
  const leadIds = new Set(leads.map((l) => l.persoonId).filter(Boolean));
  const leadNames = new Set(leads.map((l) => l.naam.trim().toLowerCase()));
  const extraLeads = trekkers.filter(
    (b) => b.rol === 'trekker' && !(b.persoonId && leadIds.has(b.persoonId)) && !leadNames.has((b.persoonNaam ?? '').trim().toLowerCase()),
  );

  return (
    <article className="jt-article">
      <p className="jt-preheading">{t('dashboard.actionLine', { nummer: lijn.nummer })}</p>
      <h1 className="utrecht-heading-1">{lijn.titel}</h1>
      {lijn.motto && <p className="jt-lead jt-motto">{lijn.motto}</p>}

      <div className="jt-columns jt-columns--wide">
        <div>
          <section className="jt-section" aria-labelledby="opgave">
            <h2 id="opgave" className="utrecht-heading-2">
              {t('line.challenge')}
            </h2>
            <Text value={lijn.opgave} collapseAfter={1} />
          </section>
          {(lijn.kenmerken ?? []).length > 0 && (
            <section className="jt-section" aria-labelledby="kenmerken">
              <h2 id="kenmerken" className="utrecht-heading-2">
                {t('line.characteristics')}
              </h2>
              {(lijn.kenmerken ?? []).map((k, i) => (
                <details key={i} className="jt-details">
                  <summary>{k.titel}</summary>
                  <Text value={k.tekst} />
                </details>
              ))}
            </section>
          )}
          <section className="jt-section" aria-labelledby="prioriteiten">
            <h2 id="prioriteiten" className="utrecht-heading-2">
              {t('line.priorities')}
            </h2>
            {priorities.length === 0 ? <Empty>{t('line.noPriorities')}</Empty> : <PriorityList projects={priorities} editable={editable} onSaved={onSaved} />}
          </section>

          <section className="jt-section" aria-labelledby="lopend">
            <h2 id="lopend" className="utrecht-heading-2">
              {t('line.running')}
            </h2>
            {running.length === 0 ? (
              <Empty>{t('line.noRunning')}</Empty>
            ) : (
              <ul className="jt-list">
                {running.map((p) => (
                  <li key={p.id} className="jt-list__item">
                    <Link className="utrecht-link" to={`/projecten/${p.id}`}>
                      {p.titel}
                    </Link>
                    <span className="jt-rank__meta">
                      <StatusBadge tone="active">{tk('phase', p.fase)}</StatusBadge>
                      <StatusBadge>{tk('status', p.status)}</StatusBadge>
                      <RagBadge rag={p.laatsteRag} />
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section className="jt-section" aria-labelledby="programmas">
            <h2 id="programmas" className="utrecht-heading-2">
              {t('line.programmes')}
            </h2>
            {linked.length === 0 ? (
              <Empty>{t('line.noProgrammes')}</Empty>
            ) : (
              <ul className="jt-list">
                {linked.map((g) => (
                  <li key={g.id} className="jt-list__item">
                    <strong>{g.naam}</strong>
                    {g.governanceGeregeld !== null && g.governanceGeregeld !== undefined && (
                      <>
                        {' '}
                        <StatusBadge tone={g.governanceGeregeld ? 'safe' : 'warning'}>{g.governanceGeregeld ? t('line.governanceSettled') : t('line.governanceOpen')}</StatusBadge>
                      </>
                    )}
                    {g.eigenaar && <p className="jt-list__meta">{g.eigenaar}</p>}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
        <aside className="jt-aside">
          <section aria-labelledby="trekkers">
            <h2 id="trekkers" className="utrecht-heading-3">
              {t('line.leads')}
            </h2>
            {leads.length + extraLeads.length === 0 ? (
              <Empty>{t('line.noLeads')}</Empty>
            ) : (
              <ul className="jt-plainlist">
                {leads.map((l, i) => (
                  <li key={`l${i}`}>{l.naam}</li>
                ))}
                {extraLeads.map((b) => (
                  <li key={b.id}>{[b.persoonNaam, b.organisatieNaam].filter(Boolean).join(', ')}</li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="governance">
            <h2 id="governance" className="utrecht-heading-3">
              {t('line.governance')}
            </h2>
            <Text value={lijn.governance} />
          </section>
          <section aria-labelledby="bijdrage">
            <h2 id="bijdrage" className="utrecht-heading-3">
              {t('line.contributes')}
            </h2>
            <h3 className="jt-card__subhead">{t('line.principles')}</h3>
            <NumberedList numbers={lijn.principes ?? []} names={principes.principes ?? []} />
            <h3 className="jt-card__subhead">{t('line.reformLines')}</h3>
            <NumberedList numbers={lijn.hervormingslijnen ?? []} names={hervormingslijnen.hervormingslijnen ?? []} />
          </section>
        </aside>
      </div>

    </article>
  );
}

function NumberedList({ numbers, names }: { numbers: number[]; names: { nummer: number; titel: string }[] }) {
  if (numbers.length === 0) return <p className="utrecht-paragraph">{t('line.none')}</p>;
  return (
    <ul className="jt-plainlist">
      {[...numbers]
        .sort((a, b) => a - b)
        .map((n) => (
          <li key={n}>
            {n}. {names.find((x) => x.nummer === n)?.titel ?? ''}
          </li>
        ))}
    </ul>
  );
}

/** Paragraphs of a text with blank lines between them; a long text shows its first
 * `collapseAfter` paragraphs and the rest behind "Lees verder". */
export function Text({ value, collapseAfter }: { value: string | null | undefined; collapseAfter?: number }) {
  if (!value) return <p className="utrecht-paragraph jt-muted">{t('project.notSet')}</p>;
  const paras = value
    .split(/\n\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean);
  const p = (para: string, i: number) => (
    <p key={i} className="utrecht-paragraph jt-prose">
      {para}
    </p>
  );
  if (!collapseAfter || paras.length <= collapseAfter + 1) return <>{paras.map(p)}</>;
  return (
    <>
      {paras.slice(0, collapseAfter).map(p)}
      <details className="jt-more">
        <summary>{t('line.readMore', { aantal: paras.length - collapseAfter })}</summary>
        {paras.slice(collapseAfter).map((x, i) => p(x, i + collapseAfter))}
      </details>
    </>
  );
}
