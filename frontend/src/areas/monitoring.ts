// Monitoring (indicators, map, signals, imports): the routes and menu entries of this area (see ./index.ts).
import { lazy } from 'react';
import type { Area } from './types';

export const monitoring: Area = {
  routes: [
    { path: '/monitoring', Component: lazy(() => import('../pages/monitoring/Catalogue')) },
    { path: '/monitoring/indicatoren/:code', Component: lazy(() => import('../pages/monitoring/IndicatorPage')) },
    { path: '/monitoring/signalen', Component: lazy(() => import('../pages/monitoring/Signals')) },
    { path: '/monitoring/importen', Component: lazy(() => import('../pages/monitoring/Imports')) },
  ],
  nav: [{ to: '/monitoring', label: 'monitoring.nav', order: 70 }],
};
