import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

import { SessionStore } from '../../core/auth/session-store';
import { LanguageService } from '../../core/i18n/language.service';
import { apiResource } from '../../shared/api-resource/api-resource';
import { LoadStatus } from '../../shared/load-status/load-status';
import { LookupsApi } from '../../shared/lookups/lookups-api';
import { zoneName } from '../../shared/time/zoned-time';
import { describeStops } from '../route-stops';

/** The roads convoys travel, shared by every organisation: each with its stops, first to last. */
@Component({
  selector: 'rl-route-list',
  imports: [LoadStatus, MatButtonModule, RouterLink, TranslocoPipe],
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
  private readonly language = inject(LanguageService);

  protected readonly canCreate = computed(() => this.session.can('convoys.write'));
  protected readonly routes = apiResource(signal(true), () => this.lookups.listRoutes());
  protected readonly cards = computed(() => {
    const words = this.language.words();
    return (this.routes.value() ?? []).map((route) => ({
      route,
      stops: describeStops(route.stops),
      // "3 stops · Damascus time (Asia/Damascus)".
      summary: words.t('routes.list.summary', { count: route.stops.length, city: zoneName(route.timeZone, words), zone: route.timeZone }),
    }));
  });
}
