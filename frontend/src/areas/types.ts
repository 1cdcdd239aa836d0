import type { ComponentType, LazyExoticComponent } from 'react';
import type { MijGebruiker } from '../api/types';
import type { MessageKey } from '../i18n';

/** A screen: a path (React Router syntax) and its page component, loaded on demand. */
export interface AreaRoute {
  path: string;
  Component: LazyExoticComponent<ComponentType>;
}

/** A main-menu entry. `order` places it (Overzicht 10, Actielijnen 20, Mensen en gremia 50);
 * `show` hides it from users who may not use the screen (e.g. administration for a beheerder). */
export interface NavEntry {
  to: string;
  label: MessageKey;
  order: number;
  /** Other path prefixes that mark this entry as the current one. */
  prefixes?: string[];
  show?: (user: MijGebruiker | null) => boolean;
}

export interface Area {
  routes: AreaRoute[];
  nav: NavEntry[];
}
