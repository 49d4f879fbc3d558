import { Routes } from '@angular/router';

import { OutboxPage } from './outbox-page/outbox-page';

export const outboxRoutes: Routes = [{ path: '', component: OutboxPage, title: 'outbox.title' }];
