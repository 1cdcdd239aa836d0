// Slot of the budget area on the dashboard: this year's coverage (contributions /dekking):
// budget, pledged, gap and the share covered, with a link to /begroting. Kept light (no chart
// library): it is part of the first screen.
import { Link } from 'react-router';
import { get, CONTRIBUTIONS } from '../api/client';
import type { Dekking } from '../api/types/budget';
import { useSession } from '../auth/useSession';
import { Empty, Loaded } from '../components/States';
import { t } from '../i18n';
import { useResource } from '../lib/useResource';
import { euro, percent } from '../pages/budget/money';
import { canReadBudget, FactRow, thisYear } from '../pages/budget/ui';
import '../styles/budget.css';

export default function DashboardBudget() {
  const { user } = useSession();
  // Without the read scope there is nothing to show (and nothing to ask the server).
  return canReadBudget(user) ? <CoverageTile /> : null;
}

function CoverageTile() {
  const year = thisYear();
  const res = useResource((signal) => get<Dekking>(`${CONTRIBUTIONS}/dekking?jaar=${year}`, signal), [year]);
  return (
    <section className="jt-section" aria-labelledby="begroting-tegel-titel" data-testid="begroting-tegel">
      <h2 id="begroting-tegel-titel" className="utrecht-heading-2">
        {t('budget.tile.title', { jaar: year })}
      </h2>
      <Loaded resource={res}>
        {(d) => {
          const tot = d.jaren.find((j) => j.jaar === year)?.totaal;
          const budget = tot?.begroot?.totaal ?? 0;
          if (!tot || budget === 0) return <Empty>{t('budget.tile.none', { jaar: year })}</Empty>;
          const pledged = tot.toegezegd;
          const share = Math.min(100, Math.max(0, (pledged / budget) * 100));
          return (
            <>
              <dl className="jt-dl jt-dl--rows jt-budget-facts">
                <FactRow label={t('budget.coverage.budget')} value={euro(budget)} />
                <FactRow label={t('budget.coverage.pledged')} value={euro(pledged)} />
                <FactRow label={tot.tekort >= 0 ? t('budget.coverage.gap') : t('budget.coverage.surplus')} value={euro(Math.abs(tot.tekort))} />
                <FactRow label={t('budget.coverage.covered')} value={percent(pledged, budget)} />
              </dl>
              <div className="jt-budget-meter" aria-hidden="true">
                <span style={{ width: `${share}%` }} />
              </div>
            </>
          );
        }}
      </Loaded>
      <p>
        <Link className="utrecht-link" to="/begroting">
          {t('budget.tile.link')}
        </Link>
      </p>
    </section>
  );
}
