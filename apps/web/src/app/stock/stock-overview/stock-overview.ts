import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ItemResponse, StockLevelResponse, StockPointResponse } from '@relief-ledger/domain';
import { catchError, forkJoin, map, Observable, of, switchMap } from 'rxjs';

import { NumberPipe } from '../../core/i18n/format-pipes';
import { LanguageService } from '../../core/i18n/language.service';
import { apiResource } from '../../shared/api-resource/api-resource';
import { LoadStatus } from '../../shared/load-status/load-status';
import { LookupsApi } from '../../shared/lookups/lookups-api';
import { StockApi } from '../stock-api';
import { levelItemName, showsUnits } from '../stock-words';

export interface StockPointWithLevels {
  point: StockPointResponse;
  levels: StockLevelResponse[];
}

/** Every stock point of the organisation with what it holds, one card each, linking to its ledger. */
@Component({
  selector: 'rl-stock-overview',
  imports: [LoadStatus, NumberPipe, RouterLink, TranslocoPipe],
  templateUrl: './stock-overview.html',
  styleUrl: './stock-overview.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StockOverview {
  private readonly lookups = inject(LookupsApi);
  private readonly api = inject(StockApi);
  private readonly language = inject(LanguageService);

  protected readonly stock = apiResource(signal(true), () => this.loadStockPoints());
  /** The catalogue, for the items' Arabic names (asked for in Arabic only); the levels' English names while it loads, or if it cannot. */
  private readonly items = apiResource(
    computed(() => (this.language.lang() === 'ar' ? true : undefined)),
    () => this.lookups.listItems().pipe(catchError(() => of<ItemResponse[]>([]))),
  );
  protected readonly showUnits = computed(() => showsUnits(this.language.lang()));

  protected itemName(level: StockLevelResponse): string {
    return levelItemName(level, this.items.value(), this.language.lang());
  }

  // An organisation has a handful of stock points, so one request each for their levels is fine.
  private loadStockPoints(): Observable<StockPointWithLevels[]> {
    return this.lookups.listStockPoints().pipe(
      switchMap((points) =>
        points.length === 0
          ? of([])
          : forkJoin(points.map((point) => this.api.listLevels(point.id).pipe(map((levels) => ({ point, levels }))))),
      ),
    );
  }
}
