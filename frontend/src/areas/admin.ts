// Beheer: users, roles, machine clients: the routes and menu entries of this area (see ./index.ts).
import type { Area } from './types';

export const admin: Area = {
  routes: [],
  nav: [],
};
