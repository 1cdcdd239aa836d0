// Monitoring (indicators, map, signals, imports): the routes and menu entries of this area (see ./index.ts).
import type { Area } from './types';

export const monitoring: Area = {
  routes: [],
  nav: [],
};
