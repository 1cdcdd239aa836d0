// The frame of the administration screens: the heading, the tabs and, for anyone who is not a
// beheerder, a clear "no access" instead of the screen (the server would answer 403 anyway).
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../auth/useSession';
import { useTitle } from '../../components/Layout';
import { Alert } from '../../components/States';
import { t } from '../../i18n';
import '../../styles/people.css';
import '../../styles/admin.css';
import { SubNav } from '../people/form';
import { isAdmin } from './access';

export function AdminLayout({ title, intro, current, back, children }: { title: string; intro?: string; current: string; back?: { to: string; label: string }; children: ReactNode }) {
  const { user } = useSession();
  const allowed = isAdmin(user);
  useTitle(allowed ? title : t('admin.noAccessTitle'));
  if (!allowed) {
    return (
      <>
        <h1 className="utrecht-heading-1">{t('admin.noAccessTitle')}</h1>
        <Alert type="warning">
          <p className="utrecht-paragraph">{t('admin.noAccess')}</p>
          <p className="utrecht-paragraph">
            <Link className="utrecht-link" to="/">
              {t('admin.toDashboard')}
            </Link>
          </p>
        </Alert>
      </>
    );
  }
  return (
    <>
      {back && (
        <p className="jt-preheading">
          <Link className="utrecht-link" to={back.to}>
            {back.label}
          </Link>
        </p>
      )}
      <h1 className="utrecht-heading-1">{title}</h1>
      {intro && <p className="utrecht-paragraph jt-lead">{intro}</p>}
      {!back && (
        <SubNav
          label={t('admin.tabs')}
          current={current}
          items={[
            { to: '/beheer/gebruikers', label: 'admin.tab.users' },
            { to: '/beheer/clients', label: 'admin.tab.clients' },
            { to: '/beheer/audit', label: 'admin.tab.audit' },
          ]}
        />
      )}
      {children}
    </>
  );
}
