import { lazy } from 'react';
import { Link } from 'react-router';
import { PageTitle } from '../components/page-title';
import { useSession } from '../session/session';
import { AREAS } from './registry';

const CoordinatorHome = lazy(() => import('./coordinator/home/coordinator-home'));

/** A coordinator's home is what needs their state; everyone else gets the areas they may open. */
export function HomePage() {
  const session = useSession();
  if (session.has('coordinator') && session.me.stateCode) return <CoordinatorHome stateCode={session.me.stateCode} />;
  const areas = AREAS.filter((area) => area.roles.some((role) => session.has(role)));
  return (
    <>
      <PageTitle title="Home">Welcome to Coalition</PageTitle>
      <ul className="usa-list">
        {areas.map((area) => (
          <li key={area.href}>
            <Link to={area.href}>{area.label}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}
