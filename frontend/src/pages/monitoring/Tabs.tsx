// The sub-navigation of the monitoring screens: indicators, signals, imports.
import { Link } from 'react-router';
import { t, type MessageKey } from '../../i18n';

const TABS: { to: string; label: MessageKey; key: Tab }[] = [
  { to: '/monitoring', label: 'monitoring.tabIndicators', key: 'indicatoren' },
  { to: '/monitoring/signalen', label: 'monitoring.tabSignals', key: 'signalen' },
  { to: '/monitoring/importen', label: 'monitoring.tabImports', key: 'importen' },
];

type Tab = 'indicatoren' | 'signalen' | 'importen';

export function MonitoringTabs({ current }: { current: Tab }) {
  return (
    <nav aria-label={t('monitoring.tabs')} className="jt-tabs">
      <ul>
        {TABS.map((tab) => (
          <li key={tab.key}>
            <Link to={tab.to} className={`jt-tabs__link${tab.key === current ? ' jt-tabs__link--current' : ''}`} aria-current={tab.key === current ? 'page' : undefined}>
              {t(tab.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
