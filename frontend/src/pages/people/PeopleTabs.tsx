import { t } from '../../i18n';
import { SubNav } from './form';

/** The people screens as tabs (one menu entry for them all): organisations, network, rounds, and
 * the core bodies page. */
export function PeopleTabs({ current }: { current: string }) {
  return (
    <SubNav
      label={t('people.tabs')}
      current={current}
      items={[
        { to: '/organisaties', label: 'people.tab.organisations' },
        { to: '/netwerk', label: 'people.tab.network' },
        { to: '/raadplegingen', label: 'people.tab.rounds' },
        { to: '/gremia', label: 'people.tab.bodies' },
      ]}
    />
  );
}
