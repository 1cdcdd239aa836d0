// Slot of the monitoring area: the current signals (brandhaarden) from monitoring /signalen.
// Rendered by pages/Dashboard.tsx: the count and the most serious few indicators with their
// municipalities, with a link to all. Part of the first screen's bundle, so it stays small: no
// chart, no stylesheet of its own.
import { Link } from 'react-router';
import { get, MONITORING } from '../api/client';
import type { Signalen } from '../api/types/monitoring';
import { StatusBadge } from '../components/Badges';
import { Empty, Loaded } from '../components/States';
import { t, tk } from '../i18n';
import { useResource } from '../lib/useResource';
import { formatPeriod, formatValue, groupByIndicator, statusLabel, statusTone } from '../pages/monitoring/lib';

const TOP_INDICATORS = 4;
const TOP_MUNICIPALITIES = 3;

export default function DashboardSignals() {
  const res = useResource<Signalen>((signal) => get<Signalen>(`${MONITORING}/signalen`, signal), []);
  return (
    <section aria-labelledby="signalen-titel" className="jt-section" data-testid="signalen-tegel">
      <h2 id="signalen-titel" className="utrecht-heading-2">
        {t('monitoring.tileTitle')}
      </h2>
      <Loaded resource={res}>
        {(d) => {
          if (d.signalen.length === 0) return <Empty>{t('monitoring.tileNone')}</Empty>;
          // The most serious indicators, each with its most serious municipalities.
          const groups = groupByIndicator(d.signalen).slice(0, TOP_INDICATORS);
          const municipalities = new Set(d.signalen.map((s) => s.gemeente?.code)).size;
          return (
            <>
              <p className="utrecht-paragraph">
                <strong>{t('monitoring.tileCount', { aantal: d.signalen.length, gemeenten: municipalities })}</strong>
              </p>
              <ul className="jt-list">
                {groups.map((g) => {
                  const worst = g.signalen[0];
                  return (
                    <li key={g.code} className={`jt-list__item${worst.normStatus === 'rood' ? ' jt-list__item--late' : ''}`}>
                      <strong>
                        <Link className="utrecht-link" to={`/monitoring/indicatoren/${encodeURIComponent(g.code)}`}>
                          {g.naam}
                        </Link>
                      </strong>
                      <p className="jt-list__text">
                        {g.signalen
                          .slice(0, TOP_MUNICIPALITIES)
                          .map((s) => t('monitoring.tileItem', { gemeente: s.gemeente?.naam ?? '', waarde: formatValue(s.waarde, g.eenheid) }))
                          .join(', ')}
                        {g.signalen.length > TOP_MUNICIPALITIES && t('monitoring.tileMore', { aantal: g.signalen.length - TOP_MUNICIPALITIES })}{' '}
                        <span className="jt-list__meta">({formatPeriod(worst.periode, 'short')})</span>
                      </p>
                      <p className="jt-list__meta">
                        {worst.normStatus && <StatusBadge tone={statusTone(worst.normStatus)}>{statusLabel(worst.normStatus)}</StatusBadge>}{' '}
                        {g.signalen.some((s) => (s.soorten ?? []).includes('verslechtering')) && <StatusBadge tone="warning">{tk('monitoring.kind', 'verslechtering')}</StatusBadge>}
                      </p>
                    </li>
                  );
                })}
              </ul>
              <p>
                <Link className="utrecht-link" to="/monitoring/signalen">
                  {t('monitoring.tileAll')}
                </Link>
              </p>
            </>
          );
        }}
      </Loaded>
    </section>
  );
}
