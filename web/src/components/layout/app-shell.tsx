// The frame of every page: skip link, header (brand, language, who is signed in, logout), the menu
// with only what the role may open, the main landmark and the footer.
import { useEffect, useRef, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useI18n } from '../../i18n/i18n-context';
import { mayOpen } from '../../session/access';
import { useSession } from '../../session/session-context';
import { handleError } from '../../utils/handle-error';
import { LanguageSwitch } from './language-switch';

function useFocusHeadingOnNavigation() {
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (location.hash) {
      return;
    }
    // After a client-side navigation, move focus to the new page's heading (screen readers hear it).
    const frame = window.requestAnimationFrame(() => {
      const heading = document.querySelector<HTMLElement>('main h1');
      heading?.focus({ preventScroll: false });
    });
    return () => window.cancelAnimationFrame(frame);
  }, [location.pathname, location.hash]);
}

export function AppShell() {
  const { t, language } = useI18n();
  const { session, logout } = useSession();
  const [logoutError, setLogoutError] = useState<string | null>(null);
  useFocusHeadingOnNavigation();

  const signedIn = session.status === 'signed-in' ? session : null;
  // "Beheercommissie" as name and as role would read "Beheercommissie / Beheercommissie": say it once.
  const roleLine = signedIn
    ? [t(`role.${signedIn.user.role}`), signedIn.organisation?.name]
        .filter((part): part is string => !!part && part.toLowerCase() !== signedIn.user.name.toLowerCase())
        .join(' · ')
    : '';
  const navItems: { to: string; label: string; end?: boolean }[] = [];
  if (signedIn) {
    navItems.push({ to: '/', label: t('nav.home'), end: true });
  }
  if (signedIn && mayOpen(signedIn.user.role, 'trajectories')) {
    // An auditor sees the audits whose team it is on.
    navItems.push({ to: '/trajecten', label: signedIn.user.role === 'auditor' ? t('nav.myAudits') : t('nav.trajectories') });
  }
  navItems.push({ to: '/normenkader', label: t('nav.framework') });
  if (signedIn && mayOpen(signedIn.user.role, 'selfEvaluation')) {
    navItems.push({ to: '/zelfevaluatie', label: t('nav.selfEvaluation') });
  }
  if (signedIn && mayOpen(signedIn.user.role, 'peerPools')) {
    navItems.push({ to: '/branchetoetsing', label: t('nav.peerPools') });
  }
  if (signedIn && mayOpen(signedIn.user.role, 'organisation')) {
    navItems.push({ to: '/organisatie', label: t('nav.organisation') });
  }
  if (signedIn && mayOpen(signedIn.user.role, 'scope')) {
    navItems.push({ to: '/scope-en-fte', label: t('nav.scope') });
  }
  if (signedIn && mayOpen(signedIn.user.role, 'request')) {
    navItems.push({ to: '/toetsing-aanvragen', label: t('nav.request') });
  }
  if (signedIn && mayOpen(signedIn.user.role, 'calibration')) {
    navItems.push({ to: '/kalibratie', label: t('nav.calibration') });
  }
  if (signedIn && mayOpen(signedIn.user.role, 'trends')) {
    navItems.push({ to: '/trends', label: t('nav.trends') });
  }
  if (signedIn && mayOpen(signedIn.user.role, 'members')) {
    navItems.push({ to: '/leden', label: t('nav.members') });
  }
  if (signedIn && mayOpen(signedIn.user.role, 'cis')) {
    navItems.push({ to: '/instellingen', label: t('nav.cis') });
  }
  if (signedIn && mayOpen(signedIn.user.role, 'ciFeedback')) {
    navItems.push({ to: '/zelfevaluatie-feedback', label: t('nav.ciFeedback') });
  }
  if (signedIn && mayOpen(signedIn.user.role, 'users')) {
    navItems.push({ to: '/gebruikers', label: t('nav.users') });
  }
  if (signedIn && mayOpen(signedIn.user.role, 'auditLog')) {
    navItems.push({ to: '/auditlog', label: t('nav.auditLog') });
  }
  if (signedIn && mayOpen(signedIn.user.role, 'auditors')) {
    navItems.push({ to: '/auditoren', label: signedIn.user.role === 'member' ? t('nav.peerAuditors') : t('nav.auditors') });
  }
  if (signedIn && mayOpen(signedIn.user.role, 'outbox')) {
    navItems.push({ to: '/uitgaande-post', label: t('nav.outbox') });
  }
  // The public Kwaliteitsregister, for everyone (issue 11).
  navItems.push({ to: '/register', label: t('nav.register') });
  if (session.status === 'anonymous') {
    navItems.push({ to: '/inloggen', label: t('nav.login') });
  }

  async function onLogout() {
    setLogoutError(null);
    try {
      await logout();
    } catch (error) {
      const uiError = handleError(error, { t, language });
      if (uiError) {
        setLogoutError(uiError.message);
      }
    }
  }

  return (
    <div className="app">
      <a className="skip-link" href="#inhoud">
        {t('header.skipLink')}
      </a>
      <header className="site-header">
        <div className="site-header__bar container">
          <NavLink to={signedIn ? '/' : '/normenkader'} className="brand">
            <img className="brand__logo" src="/favicon.svg" alt="" width="36" height="36" />
            <span className="brand__text">
              <span className="brand__name">Sterklabel</span>
              <span className="brand__tagline">{t('header.tagline')}</span>
            </span>
          </NavLink>
          <div className="site-header__tools">
            <LanguageSwitch />
            {signedIn && (
              <div className="user-box">
                <p className="user-box__who">
                  <span className="user-box__name">{signedIn.user.name}</span>
                  {roleLine && <span className="user-box__role">{roleLine}</span>}
                </p>
                <button type="button" className="button button--secondary" onClick={onLogout}>
                  {t('header.logout')}
                </button>
              </div>
            )}
          </div>
        </div>
        <nav className="main-nav" aria-label={t('nav.label')}>
          <ul className="main-nav__list container">
            {navItems.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end} className="main-nav__link">
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      {logoutError && (
        <div className="container">
          <div className="alert alert--error" role="alert">
            {logoutError}
          </div>
        </div>
      )}
      <main id="inhoud" className="site-main container" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container site-footer__inner">
          <p>{t('footer.label')}</p>
          <p>{t('footer.owner')}</p>
        </div>
      </footer>
    </div>
  );
}
