import { createElement } from 'react';
import { createBrowserRouter, RouteObject } from 'react-router';
import { HomePage } from '../pages/home-page';
import { AREAS } from '../pages/registry';
import { useSession } from '../session/session';
import type { PageArea } from '../pages/area';
import { AppLayout } from './app-layout';
import { NotFoundPage } from './not-found-page';

function Guarded({ area, page }: { area: PageArea; page: PageArea['routes'][number]['page'] }) {
  const session = useSession();
  if (!area.roles.some((role) => session.has(role))) {
    return <p role="alert">Your role does not give access to {area.label.toLowerCase()}.</p>;
  }
  return createElement(page);
}

/** The routes come from the area registry; each page is checked against its area's roles. */
export function createConsoleRouter() {
  const children: RouteObject[] = [
    { index: true, element: <HomePage /> },
    ...AREAS.flatMap((area) => area.routes.map((route) => ({ path: route.path, element: <Guarded area={area} page={route.page} /> }))),
    { path: '*', element: <NotFoundPage /> },
  ];
  return createBrowserRouter([{ path: '/', element: <AppLayout />, children }]);
}
