// Begroting (budget, coverage, contributions, allocation, statements): the routes and menu entries of this area (see ./index.ts).
import type { Area } from './types';

export const budget: Area = {
  routes: [],
  nav: [],
};
