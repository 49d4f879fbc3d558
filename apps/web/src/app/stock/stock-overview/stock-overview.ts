import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { StockLevelResponse, StockPointResponse } from '@relief-ledger/domain';
import { forkJoin, map, Observable, of, switchMap } from 'rxjs';

import { apiResource } from '../../shared/api-resource/api-resource';
import { LoadStatus } from '../../shared/load-status/load-status';
import { LookupsApi } from '../../shared/lookups/lookups-api';
import { StockApi } from '../stock-api';
import { STOCK_POINT_KIND_LABELS } from '../stock-labels';

export interface StockPointWithLevels {
  point: StockPointResponse;
  levels: StockLevelResponse[];
}

/** Every stock point of the organisation with what it holds, one card each, linking to its ledger. */
@Component({
  selector: 'rl-stock-overview',
  imports: [DecimalPipe, LoadStatus, RouterLink],
  templateUrl: './stock-overview.html',
  styleUrl: './stock-overview.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StockOverview {
  private readonly lookups = inject(LookupsApi);
  private readonly api = inject(StockApi);

  protected readonly kindLabels = STOCK_POINT_KIND_LABELS;
  protected readonly stock = apiResource(signal(true), () => this.loadStockPoints());

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
