import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ItemResponse, StockLevelResponse, StockPointResponse } from '@relief-ledger/domain';
import { catchError, forkJoin, map, Observable, of, switchMap } from 'rxjs';

import { SessionStore } from '../../core/auth/session-store';
import { NumberPipe } from '../../core/i18n/format-pipes';
import { LanguageService } from '../../core/i18n/language.service';
import { apiResource } from '../../shared/api-resource/api-resource';
import { LoadStatus } from '../../shared/load-status/load-status';
import { LookupsApi } from '../../shared/lookups/lookups-api';
import { StockApi } from '../stock-api';
import { StockPointForm } from '../stock-point-form/stock-point-form';
import { levelItemName, showsUnits } from '../stock-words';

export interface StockPointWithLevels {
  point: StockPointResponse;
  levels: StockLevelResponse[];
}

/**
 * Every stock point of the organisation with what it holds, one card each, linking to its ledger.
 * Coordinators create warehouses and camp stores here.
 */
@Component({
  selector: 'rl-stock-overview',
  imports: [LoadStatus, MatButtonModule, NumberPipe, RouterLink, StockPointForm, TranslocoPipe],
  templateUrl: './stock-overview.html',
  styleUrl: './stock-overview.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StockOverview {
  private readonly lookups = inject(LookupsApi);
  private readonly api = inject(StockApi);
  private readonly language = inject(LanguageService);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly canWrite = computed(() => this.session.can('stock.write'));
  protected readonly creating = signal(false);

  protected readonly stock = apiResource(signal(true), () => this.loadStockPoints());
  /** The catalogue, for the items' Arabic names (asked for in Arabic only); the levels' English names while it loads, or if it cannot. */
  private readonly items = apiResource(
    computed(() => (this.language.lang() === 'ar' ? true : undefined)),
    () => this.lookups.listItems().pipe(catchError(() => of<ItemResponse[]>([]))),
  );
  protected readonly showUnits = computed(() => showsUnits(this.language.lang()));

  /** Straight to the new stock point's page, where stock is received into it. */
  protected openCreated(point: StockPointResponse): void {
    this.creating.set(false);
    this.snackBar.open(this.language.t('stock.overview.created', { name: point.name }), undefined, { duration: 4000 });
    void this.router.navigate(['/stock', point.id]);
  }

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
