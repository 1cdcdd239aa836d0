// The first screens: action lines, projects, bodies (the dashboard is in App.tsx, loaded eagerly).
import { lazy } from 'react';
import type { Area } from './types';

export const core: Area = {
  routes: [
    { path: '/actielijnen/:nummer', Component: lazy(() => import('../pages/ActionLine')) },
    { path: '/projecten/:id', Component: lazy(() => import('../pages/Project')) },
    { path: '/gremia', Component: lazy(() => import('../pages/Bodies')) },
  ],
  nav: [
    { to: '/', label: 'nav.dashboard', order: 10 },
    { to: '/actielijnen/1', label: 'nav.actionLines', order: 20, prefixes: ['/actielijnen', '/projecten'] },
    { to: '/gremia', label: 'nav.bodies', order: 50 },
  ],
};
