// Mensen en gremia beyond the bodies page: organisations, persons, network, rounds: the routes and menu entries of this area (see ./index.ts).
// One menu entry for the area; its screens are tabs on the pages themselves (pages/people/PeopleTabs),
// so the main menu stays short.
import { lazy } from 'react';
import type { Area } from './types';

export const people: Area = {
  routes: [
    { path: '/organisaties', Component: lazy(() => import('../pages/people/Organisations')) },
    { path: '/organisaties/:id', Component: lazy(() => import('../pages/people/Organisation')) },
    { path: '/personen/:id', Component: lazy(() => import('../pages/people/Person')) },
    { path: '/netwerk', Component: lazy(() => import('../pages/people/Network')) },
    { path: '/raadplegingen', Component: lazy(() => import('../pages/people/Rounds')) },
    { path: '/raadplegingen/:id', Component: lazy(() => import('../pages/people/Round')) },
  ],
  nav: [{ to: '/organisaties', label: 'people.nav', order: 52, prefixes: ['/organisaties', '/personen', '/netwerk', '/raadplegingen'] }],
};
