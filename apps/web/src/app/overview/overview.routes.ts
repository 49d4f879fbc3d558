import { Routes } from '@angular/router';

import { OverviewPage } from './overview-page/overview-page';

export const overviewRoutes: Routes = [{ path: '', component: OverviewPage, title: 'overview.title' }];
