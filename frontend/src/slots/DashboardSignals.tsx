// Slot of the monitoring area: the current signals (brandhaarden) from monitoring /signalen.
// Rendered by pages/Dashboard.tsx: the count and the most serious few, with a link to all. Part
// of the first screen's bundle, so it stays small: no chart, no stylesheet of its own.
import { Link } from 'react-router';
import { get, MONITORING } from '../api/client';
import type { Signalen } from '../api/types/monitoring';
import { StatusBadge } from '../components/Badges';
import { Empty, Loaded } from '../components/States';
import { t, tk } from '../i18n';
import { useResource } from '../lib/useResource';
import { formatPeriod, formatValue, sortSignals, statusLabel, statusTone } from '../pages/monitoring/lib';

const TOP = 5;

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
          const top = sortSignals(d.signalen).slice(0, TOP);
          const municipalities = new Set(d.signalen.map((s) => s.gemeente?.code)).size;
          return (
            <>
              <p className="utrecht-paragraph">
                <strong>{t('monitoring.tileCount', { aantal: d.signalen.length, gemeenten: municipalities })}</strong>
              </p>
              <ul className="jt-list">
                {top.map((s) => (
                  <li key={`${s.indicator?.code}-${s.gemeente?.code}`} className={`jt-list__item${s.normStatus === 'rood' ? ' jt-list__item--late' : ''}`}>
                    <strong>
                      <Link className="utrecht-link" to={`/monitoring/indicatoren/${encodeURIComponent(s.indicator?.code ?? '')}`}>
                        {s.indicator?.naam}
                      </Link>
                    </strong>
                    <p className="jt-list__text">
                      {t('monitoring.tileItem', { gemeente: s.gemeente?.naam ?? '', waarde: formatValue(s.waarde, s.indicator?.eenheid) })}{' '}
                      <span className="jt-list__meta">({formatPeriod(s.periode, 'short')})</span>
                    </p>
                    <p className="jt-list__meta">
                      {s.normStatus && <StatusBadge tone={statusTone(s.normStatus)}>{statusLabel(s.normStatus)}</StatusBadge>}{' '}
                      {(s.soorten ?? []).includes('verslechtering') && <StatusBadge tone="warning">{tk('monitoring.kind', 'verslechtering')}</StatusBadge>}
                    </p>
                  </li>
                ))}
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
