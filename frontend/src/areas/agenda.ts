// Agenda screens: principles matrix, core problems, steering-group report (the project page's
// phase changes, milestones and history are parts of pages/Project.tsx): the routes and menu
// entries of this area (see ./index.ts).
import { lazy } from 'react';
import type { Area } from './types';

export const agenda: Area = {
  routes: [
    { path: '/principes', Component: lazy(() => import('../pages/agenda/Principles')) },
    { path: '/kernproblemen', Component: lazy(() => import('../pages/agenda/CoreProblems')) },
    { path: '/rapportage', Component: lazy(() => import('../pages/agenda/SteeringReport')) },
  ],
  nav: [
    { to: '/principes', label: 'agenda.nav.principles', order: 30 },
    { to: '/kernproblemen', label: 'agenda.nav.problems', order: 40 },
    { to: '/rapportage', label: 'agenda.nav.report', order: 80 },
  ],
};
