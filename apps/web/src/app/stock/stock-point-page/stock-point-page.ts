import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Title } from '@angular/platform-browser';
import { ActivatedRoute, Params, Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { MovementResponse, PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX, Problem, StockLevelResponse, StockPointResponse } from '@relief-ledger/domain';

import { SessionStore } from '../../core/auth/session-store';
import { NumberPipe } from '../../core/i18n/format-pipes';
import { formatNumber } from '../../core/i18n/intl-format';
import { LanguageService } from '../../core/i18n/language.service';
import { apiResource } from '../../shared/api-resource/api-resource';
import { pagedResource } from '../../shared/api-resource/paged-resource';
import { LoadStatus } from '../../shared/load-status/load-status';
import { describeQuantity } from '../../shared/lookups/describe-quantity';
import { localName } from '../../shared/lookups/local-name';
import { LookupsApi } from '../../shared/lookups/lookups-api';
import { PagePaginator, PageRequest } from '../../shared/page-paginator/page-paginator';
import { signedFigure } from '../count-difference';
import { CountForm } from '../count-form/count-form';
import { LedgerTable } from '../ledger-table/ledger-table';
import { LossForm } from '../loss-form/loss-form';
import { ReceiveForm } from '../receive-form/receive-form';
import { RenameForm } from '../rename-form/rename-form';
import { ReverseForm } from '../reverse-form/reverse-form';
import { StockApi } from '../stock-api';
import { levelItemName, showsUnits } from '../stock-words';
import { TransferForm } from '../transfer-form/transfer-form';

interface LedgerRequest {
  stockPointId: string;
  itemId: string;
  page: number;
  pageSize: number;
}

type OpenForm = 'receive' | 'transfer' | 'loss' | 'count' | 'rename' | 'reverse' | undefined;

/**
 * One stock point: what it holds, and per item the ledger with its running balance, a page at a
 * time. The item and page live in the address (`?itemId=&page=&pageSize=`), so Back and reload keep them.
 * Coordinators receive, transfer, write off and count stock from here, reverse a mistaken
 * movement from the ledger, and rename the stock point.
 */
@Component({
  selector: 'rl-stock-point-page',
  imports: [
    CountForm,
    LedgerTable,
    LoadStatus,
    LossForm,
    MatButtonModule,
    MatCheckboxModule,
    NumberPipe,
    PagePaginator,
    ReceiveForm,
    RenameForm,
    ReverseForm,
    RouterLink,
    TransferForm,
    TranslocoPipe,
  ],
  templateUrl: './stock-point-page.html',
  styleUrl: './stock-point-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StockPointPage {
  private readonly language = inject(LanguageService);
  private readonly api = inject(StockApi);
  private readonly lookups = inject(LookupsApi);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly snackBar = inject(MatSnackBar);
  private readonly title = inject(Title);

  /** Route parameter `:id`. */
  readonly id = input.required<string>();
  /** Query parameters. */
  readonly itemId = input<string>();
  readonly page = input<string>();
  readonly pageSize = input<string>();

  protected readonly pageSizeOptions = [10, 20, 50, PAGE_SIZE_MAX];
  protected readonly canWrite = computed(() => this.session.can('stock.write'));
  protected readonly openForm = signal<OpenForm>(undefined);
  /** The ledger row whose "Reverse" was pressed. */
  protected readonly reversing = signal<MovementResponse | undefined>(undefined);
  /** Show when each movement was recorded, under when it happened. */
  protected readonly showRecorded = signal(false);

  /** Every stock point of the organisation: this one, and where a transfer can go. There is no GET of one. */
  protected readonly stockPoints = apiResource(signal(true), () => this.lookups.listStockPoints());
  protected readonly items = apiResource(signal(true), () => this.lookups.listItems());
  protected readonly stockPoint = computed(() => this.stockPoints.value()?.find((point) => point.id === this.id()));
  /** Why the page cannot show the stock point: the load failed, or it is not one of the organisation's. */
  protected readonly stockPointProblem = computed<Problem | undefined>(() => {
    const problem = this.stockPoints.problem();
    if (problem) return problem;
    // A 404 whose words are never shown: the page says `stock.point.notFound` instead.
    return this.stockPoints.value() && !this.stockPoint() ? { type: 'about:blank', title: 'Stock point not found', status: 404 } : undefined;
  });
  protected readonly levels = apiResource(
    computed(() => this.id() || undefined),
    (id) => this.api.listLevels(id),
  );

  /** The item whose ledger is on show: the one in the address, else the first the stock point holds. */
  protected readonly shownItemId = computed(() => this.itemId() || this.levels.value()?.[0]?.itemId);
  protected readonly shownLevel = computed(() => this.levels.value()?.find((level) => level.itemId === this.shownItemId()));
  protected readonly shownItemName = computed(() => {
    const lang = this.language.lang();
    const level = this.shownLevel();
    if (level) return levelItemName(level, this.items.value(), lang);
    const item = this.items.value()?.find((candidate) => candidate.id === this.shownItemId());
    return item ? localName(item, lang) : '';
  });
  protected readonly showUnits = computed(() => showsUnits(this.language.lang()));

  private readonly ledgerRequest = computed<LedgerRequest | undefined>(
    () => {
      const stockPointId = this.id();
      const itemId = this.shownItemId();
      if (!stockPointId || !itemId) return undefined;
      return {
        stockPointId,
        itemId,
        page: readPositiveWhole(this.page()) ?? 1,
        pageSize: Math.min(readPositiveWhole(this.pageSize()) ?? PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX),
      };
    },
    { equal: (a, b) => JSON.stringify(a) === JSON.stringify(b) },
  );
  protected readonly ledger = pagedResource(this.ledgerRequest, ({ stockPointId, ...query }) =>
    this.api.listLedger(stockPointId, query),
  );

  constructor() {
    effect(() => {
      const point = this.stockPoint();
      if (point) this.title.setTitle(`${point.name} · ${this.language.t('app.name')}`);
    });
  }

  protected itemName(level: StockLevelResponse): string {
    return levelItemName(level, this.items.value(), this.language.lang());
  }

  protected showForm(form: OpenForm): void {
    this.openForm.set(form);
  }

  protected startReversal(movement: MovementResponse): void {
    this.reversing.set(movement);
    this.openForm.set('reverse');
  }

  protected showLoss(movement: MovementResponse): void {
    this.openForm.set(undefined);
    const stockPoint = this.stockPoint()?.name ?? this.language.t('stock.point.theStockPoint');
    this.announce(this.language.t('stock.point.lost', { quantity: this.quantityOf({ ...movement, quantity: Math.abs(movement.quantity) }), stockPoint }));
    this.showMovementsOf(movement.itemId);
  }

  protected showCount(movement: MovementResponse): void {
    this.openForm.set(undefined);
    this.announce(this.language.t('stock.point.counted', { signed: signedFigure(movement.quantity, this.language.words()) }));
    this.showMovementsOf(movement.itemId);
  }

  protected showReversal(movement: MovementResponse): void {
    this.openForm.set(undefined);
    this.reversing.set(undefined);
    this.announce(this.language.t('stock.point.reversed', { signed: signedFigure(movement.quantity, this.language.words()) }));
    this.showMovementsOf(movement.itemId);
  }

  protected showRename(point: StockPointResponse): void {
    this.openForm.set(undefined);
    // The list is the page's only source of the stock point: the renamed one, with its new version, replaces it.
    this.stockPoints.value.update((points) => points?.map((candidate) => (candidate.id === point.id ? point : candidate)));
    this.announce(this.language.t('stock.point.renamed', { name: point.name }));
  }

  protected changePage(request: PageRequest): void {
    this.updateQuery({ page: request.page, pageSize: request.pageSize });
  }

  protected reloadAll(): void {
    this.stockPoints.reload();
    this.levels.reload();
    this.ledger.reload();
  }

  protected showReceipt(movement: MovementResponse): void {
    this.openForm.set(undefined);
    const stockPoint = this.stockPoint()?.name ?? this.language.t('stock.point.theStockPoint');
    this.announce(this.language.t('stock.point.received', { quantity: this.quantityOf(movement), stockPoint }));
    this.showMovementsOf(movement.itemId);
  }

  protected showTransfer(legs: MovementResponse[]): void {
    this.openForm.set(undefined);
    const into = legs.find((leg) => leg.kind === 'transfer_in');
    const out = legs.find((leg) => leg.kind === 'transfer_out') ?? legs[0];
    const destination = this.stockPoints.value()?.find((point) => point.id === into?.stockPointId)?.name ?? this.language.t('stock.point.otherStockPoint');
    if (out) {
      this.announce(this.language.t('stock.point.transferred', { quantity: this.quantityOf({ ...out, quantity: Math.abs(out.quantity) }), stockPoint: destination }));
      this.showMovementsOf(out.itemId);
    }
  }

  private showMovementsOf(itemId: string): void {
    this.levels.reload();
    if (this.shownItemId() === itemId && (readPositiveWhole(this.page()) ?? 1) === 1) {
      this.ledger.reload();
    } else {
      this.updateQuery({ itemId, page: null });
    }
  }

  private quantityOf(movement: MovementResponse): string {
    const item = this.items.value()?.find((candidate) => candidate.id === movement.itemId);
    const words = this.language.words();
    return item ? describeQuantity({ quantity: movement.quantity, item }, words) : formatNumber(movement.quantity, words.locale);
  }

  private announce(message: string): void {
    this.snackBar.open(message, undefined, { duration: 4000 });
  }

  private updateQuery(change: Params): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: change, queryParamsHandling: 'merge', replaceUrl: true });
  }
}

function readPositiveWhole(value: string | undefined): number | undefined {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : undefined;
}
