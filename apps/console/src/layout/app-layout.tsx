import { Button, GridContainer, Header, NavMenuButton, PrimaryNav, Title } from '@trussworks/react-uswds';
import { Suspense, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useLiveUpdates } from '../api/live-updates';
import { AREAS } from '../pages/registry';
import { RenewDialog } from '../session/renew-dialog';
import { useSession } from '../session/session';

export function AppLayout() {
  const session = useSession();
  const [expanded, setExpanded] = useState(false);
  const location = useLocation();
  useLiveUpdates(!session.expired);

  const areas = AREAS.filter((area) => area.roles.some((role) => session.has(role)));
  const items = [
    <NavLink key="home" to="/" end className={({ isActive }) => `usa-nav__link${isActive ? ' usa-current' : ''}`} onClick={() => setExpanded(false)}>
      <span>Home</span>
    </NavLink>,
    ...areas.map((area) => (
      <NavLink key={area.href} to={area.href} className={({ isActive }) => `usa-nav__link${isActive ? ' usa-current' : ''}`} onClick={() => setExpanded(false)}>
        <span>{area.label}</span>
      </NavLink>
    )),
  ];
  const who = `${session.me.username ?? session.username}${session.me.stateCode ? `, ${session.me.stateCode}` : ''} (${session.me.roles.join(', ')})`;

  return (
    <>
      <a className="usa-skipnav" href="#main-content">
        Skip to main content
      </a>
      <div className="bg-base-lightest font-body-2xs">
        <GridContainer className="display-flex flex-justify-end flex-align-center flex-wrap padding-y-05">
          <span className="margin-right-2">Signed in as {who}</span>
          <Button type="button" unstyled className="font-body-2xs" onClick={session.signOut}>
            Sign out
          </Button>
        </GridContainer>
      </div>
      <div className={`usa-overlay${expanded ? ' is-visible' : ''}`} />
      <Header basic>
        <div className="usa-nav-container">
          <div className="usa-navbar">
            <Title>
              <NavLink to="/" className="text-ink text-no-underline">
                Coalition
              </NavLink>
            </Title>
            <NavMenuButton onClick={() => setExpanded((open) => !open)} label="Menu" />
          </div>
          <PrimaryNav items={items} mobileExpanded={expanded} onToggleMobileNav={() => setExpanded((open) => !open)} />
        </div>
      </Header>
      <main id="main-content" tabIndex={-1}>
        <GridContainer className="padding-bottom-4">
          <Suspense key={location.pathname} fallback={<p role="status">Loading…</p>}>
            <Outlet />
          </Suspense>
        </GridContainer>
      </main>
      <RenewDialog />
    </>
  );
}
