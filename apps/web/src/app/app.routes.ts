import { Routes } from '@angular/router';

export const appRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'camps' },
  { path: 'camps', loadChildren: () => import('./camps/camps.routes').then((m) => m.campsRoutes) },
  { path: '**', redirectTo: 'camps' },
];
