// Agenda screens: principles matrix, core problems, steering-group report, project phase/milestones/audit: the routes and menu entries of this area (see ./index.ts).
import type { Area } from './types';

export const agenda: Area = {
  routes: [],
  nav: [],
};
