// Begroting (budget, coverage, contributions, allocation, statements): the routes and menu entries of this area (see ./index.ts).
import { lazy } from 'react';
import type { Area } from './types';

export const budget: Area = {
  routes: [
    { path: '/begroting', Component: lazy(() => import('../pages/budget/BudgetPage')) },
    { path: '/begroting/verdeling', Component: lazy(() => import('../pages/budget/AllocationPage')) },
    { path: '/begroting/gemeenten/:code', Component: lazy(() => import('../pages/budget/StatementPage')) },
    { path: '/begroting/regels/:id', Component: lazy(() => import('../pages/budget/LinePage')) },
  ],
  nav: [
    {
      to: '/begroting',
      label: 'budget.nav',
      order: 60,
      // Every staff role reads the budget; a user without the scope does not get the entry.
      show: (user) => !!user?.scopes?.includes('contributions:read'),
    },
  ],
};
