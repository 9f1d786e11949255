// Every screen of the console: its path, the permission that shows it, and
// its place in the navigation. The server decides what a role may do; this
// table only hides what the role could not use.
import type { FunctionComponent } from 'preact';
import { AlertQueue } from './pages/alerts/AlertQueue';
import { AlertView } from './pages/alerts/AlertView';
import { AuditPage } from './pages/audit/AuditPage';
import { RedressPage } from './pages/audit/RedressPage';
import { UnmaskPage } from './pages/audit/UnmaskPage';
import { FlightsPage } from './pages/flights/FlightsPage';
import { ManifestView } from './pages/flights/ManifestView';
import { IndicatorsPage } from './pages/indicators/IndicatorsPage';
import { DesignationsPage } from './pages/lists/DesignationsPage';
import { ListsPage } from './pages/lists/ListsPage';
import { NetworkPage } from './pages/network/NetworkPage';
import { NotificationsPage } from './pages/NotificationsPage';
import { PracticesPage } from './pages/practices/PracticesPage';
import { PracticeView } from './pages/practices/PracticeView';
import { RulesPage } from './pages/rules/RulesPage';
import { ScreenPage } from './pages/screen/ScreenPage';
import { SharedPage } from './pages/SharedPage';
import type { shell } from './shell-messages';

type NavKey = keyof (typeof shell)['en'];

export interface RouteDef {
  path: string; // "/alerts/:id"
  component: FunctionComponent<{ params: Record<string, string> }>;
  // Shown when the user holds any of these; [] = every signed-in user.
  anyOf: string[];
  nav?: NavKey; // in the navigation, under this label
}

export const ROUTES: RouteDef[] = [
  { path: '/alerts', component: AlertQueue, anyOf: ['alerts-read'], nav: 'navAlerts' },
  { path: '/alerts/:id', component: AlertView, anyOf: ['alerts-read'] },
  { path: '/screen', component: ScreenPage, anyOf: ['screen'], nav: 'navScreen' },
  { path: '/flights', component: FlightsPage, anyOf: ['manifests-upload'], nav: 'navFlights' },
  { path: '/flights/:id', component: ManifestView, anyOf: ['manifests-upload'] },
  { path: '/lists', component: ListsPage, anyOf: ['lists-read'], nav: 'navLists' },
  { path: '/lists/:list', component: ListsPage, anyOf: ['lists-read'] },
  {
    path: '/designations',
    component: DesignationsPage,
    anyOf: ['designations-propose', 'designations-decide'],
    nav: 'navDesignations',
  },
  { path: '/rules', component: RulesPage, anyOf: ['rules-write'], nav: 'navRules' },
  { path: '/network', component: NetworkPage, anyOf: ['manifests-read'], nav: 'navNetwork' },
  { path: '/indicators', component: IndicatorsPage, anyOf: ['indicators-read'], nav: 'navIndicators' },
  { path: '/audit', component: AuditPage, anyOf: ['audit-read'], nav: 'navAudit' },
  {
    path: '/unmask',
    component: UnmaskPage,
    anyOf: ['unmask-request', 'unmask-approve'],
    nav: 'navUnmask',
  },
  { path: '/redress', component: RedressPage, anyOf: ['redress-handle'], nav: 'navRedress' },
  { path: '/shared', component: SharedPage, anyOf: ['shared-read'], nav: 'navShared' },
  // Screens every role has come last, so that a role lands on its own work.
  { path: '/practices', component: PracticesPage, anyOf: [], nav: 'navPractices' },
  { path: '/practices/:id', component: PracticeView, anyOf: [] },
  { path: '/notifications', component: NotificationsPage, anyOf: [], nav: 'navNotifications' },
];

export function allowed(route: RouteDef, permissions: string[]): boolean {
  return route.anyOf.length === 0 || route.anyOf.some((p) => permissions.includes(p));
}

// Where a user lands after signing in: the first screen of their role.
export function homeOf(permissions: string[]): string {
  return ROUTES.find((r) => r.nav && allowed(r, permissions))?.path ?? '/practices';
}
