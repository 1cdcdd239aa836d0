import { useEffect, useRef, type ReactNode } from 'react';
import { NavLink, useLocation } from 'react-router';
import { logout } from '../api/session';
import { navEntries } from '../areas';
import { LanguageSwitch } from './LanguageSwitch';
import { useSession } from '../auth/useSession';
import { t, tk } from '../i18n';

/** Page chrome: skip link, header with the user, main navigation, content, footer. */
export function Layout({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const location = useLocation();
  const first = useRef(true);
  // After a navigation, move the focus to the new page's heading (screen readers announce it).
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const h1 = document.querySelector<HTMLElement>('main h1');
    if (h1) {
      h1.tabIndex = -1;
      h1.focus();
    }
  }, [location.pathname]);

  return (
    <div className="utrecht-page jt-page">
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="utrecht-page-header jt-header">
        <div className="jt-header__content">
          <div className="jt-brand">
            <span className="jt-brand__mark" aria-hidden="true" />
            <span>
              <span className="jt-brand__sub">{t('app.subtitle')}</span>
              <span className="jt-brand__title">Jeugdhulp Twente</span>
            </span>
          </div>
          {user && (
            <div className="jt-user">
              <LanguageSwitch />
              <span className="jt-user__name">{t('nav.loggedInAs', { naam: user.naam, rol: tk('role', user.rol) })}</span>
              <button type="button" className="utrecht-button utrecht-button--secondary-action jt-logout" onClick={() => void logout()}>
                {t('nav.logout')}
              </button>
            </div>
          )}
        </div>
      </header>
      <nav className="jt-nav" aria-label={t('nav.label')}>
        <ul className="jt-nav__list">
          {navEntries
            .filter((e) => !e.show || e.show(user))
            .map((e) => (
              <li key={e.to}>
                <NavLink
                  to={e.to}
                  end={e.to === '/'}
                  className={({ isActive }) =>
                    `jt-nav__link${isActive || e.prefixes?.some((p) => location.pathname.startsWith(p)) ? ' active' : ''}`
                  }
                >
                  {t(e.label)}
                </NavLink>
              </li>
            ))}
        </ul>
      </nav>
      <main id="main" className="jt-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="utrecht-page-footer jt-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </div>
  );
}

/** Sets the document title: "<page> | Samenwerkingsagenda Jeugdhulp Twente". */
export function useTitle(title: string | undefined) {
  useEffect(() => {
    document.title = title ? `${title} | ${t('app.title')}` : t('app.title');
  }, [title]);
}
