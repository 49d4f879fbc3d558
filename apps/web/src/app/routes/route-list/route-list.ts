import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';

import { SessionStore } from '../../core/auth/session-store';
import { apiResource } from '../../shared/api-resource/api-resource';
import { LoadStatus } from '../../shared/load-status/load-status';
import { LookupsApi } from '../../shared/lookups/lookups-api';
import { zoneCity } from '../../shared/time/zoned-time';
import { describeStops } from '../route-stops';

/** The roads convoys travel, shared by every organisation: each with its stops, first to last. */
@Component({
  selector: 'rl-route-list',
  imports: [LoadStatus, MatButtonModule, RouterLink],
  templateUrl: './route-list.html',
  styles: `
    .name {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }

    .stops,
    .clock {
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RouteList {
  private readonly session = inject(SessionStore);
  private readonly lookups = inject(LookupsApi);

  protected readonly canCreate = computed(() => this.session.can('convoys.write'));
  protected readonly routes = apiResource(signal(true), () => this.lookups.listRoutes());
  protected readonly cards = computed(() =>
    (this.routes.value() ?? []).map((route) => ({
      route,
      stops: describeStops(route.stops),
      clock: `${zoneCity(route.timeZone)} time (${route.timeZone})`,
    })),
  );
}
