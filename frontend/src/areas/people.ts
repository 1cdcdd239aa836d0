// Mensen en gremia beyond the bodies page: organisations, persons, network, rounds: the routes and menu entries of this area (see ./index.ts).
import type { Area } from './types';

export const people: Area = {
  routes: [],
  nav: [],
};
