import { type ComponentType, lazy, type LazyExoticComponent } from 'react';
import type { Viewer } from './features/auth/viewer.js';
import type { RouteParams } from './router.js';

/** What every page receives: who is signed in and the parameters of its address. */
export interface PageProps {
  viewer: Viewer;
  params: RouteParams;
}

export interface Route {
  /** The address pattern; `:name` segments become params (see matchPath). */
  path: string;
  page: LazyExoticComponent<ComponentType<PageProps>>;
  /** The label of its link in the navigation bar; pages without one are reached from others. */
  nav?: string;
}

/** A page loaded on first visit, so its code (and its charts) stay out of the first download. */
function lazyPage(load: () => Promise<ComponentType<PageProps>>): LazyExoticComponent<ComponentType<PageProps>> {
  return lazy(() => load().then((component) => ({ default: component })));
}

/**
 * Every page of the dashboard, in the order of the navigation bar. The first pattern that
 * matches wins, so fixed segments (`/risks/new`) come before parameters (`/risks/:id`).
 */
export const ROUTES: readonly Route[] = [
  { path: '/', nav: 'Overview', page: lazyPage(() => import('./pages/OverviewPage.js').then((module) => module.OverviewPage)) },
  { path: '/risks', nav: 'Risk register', page: lazyPage(() => import('./pages/RiskRegisterPage.js').then((module) => module.RiskRegisterPage)) },
  { path: '/risks/new', page: lazyPage(() => import('./pages/RiskFormPage.js').then((module) => module.RiskFormPage)) },
  { path: '/risks/:id', page: lazyPage(() => import('./pages/RiskDetailPage.js').then((module) => module.RiskDetailPage)) },
  { path: '/risks/:id/edit', page: lazyPage(() => import('./pages/RiskFormPage.js').then((module) => module.RiskFormPage)) },
  { path: '/ai-systems', nav: 'AI systems', page: lazyPage(() => import('./pages/AiSystemsPage.js').then((module) => module.AiSystemsPage)) },
  { path: '/ai-systems/:id', page: lazyPage(() => import('./pages/AiSystemPage.js').then(({ AiSystemPage }) => ({ params }: PageProps) => <AiSystemPage id={params.id ?? ''} />)) },
  { path: '/soa', nav: 'Statement of Applicability', page: lazyPage(() => import('./pages/SoaPage.js').then((module) => module.SoaPage)) },
  { path: '/audits', nav: 'Audits', page: lazyPage(() => import('./pages/AuditsPage.js').then((module) => module.AuditsPage)) },
  { path: '/certification', nav: 'Certification', page: lazyPage(() => import('./pages/CertificationPage.js').then((module) => module.CertificationPage)) },
  { path: '/review', nav: 'Management review pack', page: lazyPage(() => import('./pages/ReviewPage.js').then((module) => module.ReviewPage)) },
  { path: '/explorer', nav: 'GraphQL explorer', page: lazyPage(() => import('./pages/ExplorerPage.js').then((module) => module.ExplorerPage)) },
];
