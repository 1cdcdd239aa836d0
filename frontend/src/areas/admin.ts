// Beheer: users, roles, machine clients: the routes and menu entries of this area (see ./index.ts).
// One menu entry, shown only to a beheerder; the screens are tabs (pages/admin/AdminLayout), and a
// non-beheerder who opens the URL gets a "no access" state.
import { lazy } from 'react';
import { isAdmin } from '../pages/admin/access';
import type { Area } from './types';

export const admin: Area = {
  routes: [
    { path: '/beheer', Component: lazy(() => import('../pages/admin/Index')) },
    { path: '/beheer/gebruikers', Component: lazy(() => import('../pages/admin/Users')) },
    { path: '/beheer/gebruikers/:id', Component: lazy(() => import('../pages/admin/User')) },
    { path: '/beheer/clients', Component: lazy(() => import('../pages/admin/Clients')) },
    { path: '/beheer/clients/:id', Component: lazy(() => import('../pages/admin/ClientPage')) },
    { path: '/beheer/audit', Component: lazy(() => import('../pages/admin/Audit')) },
  ],
  nav: [{ to: '/beheer/gebruikers', label: 'admin.nav', order: 90, prefixes: ['/beheer'], show: isAdmin }],
};
