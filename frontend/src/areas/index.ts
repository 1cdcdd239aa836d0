// The screens of the app, grouped in areas. Each area file lists its routes and menu entries, so
// adding a screen touches its own area and not App.tsx or the layout.
import { admin } from './admin';
import { agenda } from './agenda';
import { budget } from './budget';
import { core } from './core';
import { monitoring } from './monitoring';
import { people } from './people';
import type { AreaRoute, NavEntry } from './types';

const AREAS = [core, agenda, people, budget, monitoring, admin];

export const routes: AreaRoute[] = AREAS.flatMap((a) => a.routes);
export const navEntries: NavEntry[] = AREAS.flatMap((a) => a.nav).sort((a, b) => a.order - b.order);
