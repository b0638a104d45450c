import type { ComponentType, LazyExoticComponent } from 'react';
import type { Role } from '../session/session';

export interface AreaRoute {
  /** Relative to the site root, react-router syntax (`compacts/:id`). */
  path: string;
  page: LazyExoticComponent<ComponentType> | ComponentType;
}

/** One area of the console: its menu entry, who sees it, and its pages. */
export interface PageArea {
  /** The menu entry, and where it leads. */
  label: string;
  href: string;
  /** Who sees the menu entry and may open its pages. */
  roles: Role[];
  routes: AreaRoute[];
}
