import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, output, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { DEFAULT_TIME_ZONE, IncidentResponse, ItemResponse, LOSS_CAUSES, LossCause, MovementResponse, StockLevelResponse, StockPointResponse, STOCK_LIMITS } from '@relief-ledger/domain';
import { catchError, map, of } from 'rxjs';

import { LanguageService } from '../../core/i18n/language.service';
import { LocalWords } from '../../core/i18n/local-words';
import { NumberInput } from '../../core/i18n/number-input';
import { IncidentsApi } from '../../incidents/incidents-api';
import { apiResource } from '../../shared/api-resource/api-resource';
import { countErrorMessage } from '../../shared/forms/count-validators';
import { FormSubmission } from '../../shared/forms/form-submission';
import { describeWhere } from '../../shared/incident-fields/describe-incident';
import { Clock } from '../../shared/time/clock';
import { WhenFields, whenControls, whenInstant } from '../../shared/time/when-fields';
import { describeMoment } from '../../shared/time/zoned-time';
import { StockApi } from '../stock-api';
import { movementQuantityControl } from '../stock-form';
import { levelItemName, showsUnits } from '../stock-words';

/** How many of the latest incidents the form offers: a loss is written off soon after what caused it. */
export const RECENT_INCIDENTS = 20;

/** An incident as one line of a choice: "Shelling · Ariha · 14:10 Damascus, Mon, 23 Dec 2019". */
export function describeIncidentChoice(incident: Pick<IncidentResponse, 'kind' | 'occurredAt' | 'locationName' | 'routeName' | 'place' | 'campName'>, words: LocalWords): string {
  return [words.t(`incidentKind.${incident.kind}`), describeWhere(incident), describeMoment({ instant: incident.occurredAt, zone: DEFAULT_TIME_ZONE }, words)]
    .filter((part) => part !== '')
    .join(' · ');
}

/**
 * Writes off stock that is gone: destroyed, looted, spoiled or missing, optionally tied to the
 * incident that caused it, and when, if before now (found in the morning after a night's shelling;
 * typed on the site's clock, as the ledger shows it). The server refuses more than the stock point holds, and its words
 * (how many are left) show under the quantity.
 */
@Component({
  selector: 'rl-loss-form',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, NumberInput, ReactiveFormsModule, TranslocoPipe, WhenFields],
  providers: [{ provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { subscriptSizing: 'dynamic' } }],
  template: `
    <form class="rl-inline-form" [formGroup]="form" (ngSubmit)="recordLoss()" novalidate aria-labelledby="loss-heading">
      <h3 id="loss-heading">{{ 'stock.point.loss' | transloco }}</h3>
      @if (submission.problem(); as message) {
        <div class="rl-banner" role="alert"><p>{{ message }}</p></div>
      }
      @if (heldItems().length === 0) {
        <p class="nothing">{{ 'stock.loss.nothing' | transloco: { name: stockPoint().name } }}</p>
      }
      <div class="fields">
        <mat-form-field>
          <mat-label>{{ 'stock.field.item' | transloco }}</mat-label>
          <mat-select formControlName="itemId">
            @for (level of heldItems(); track level.itemId) {
              <mat-option [value]="level.itemId"><bdi>{{ level.name }}</bdi></mat-option>
            }
          </mat-select>
          <mat-error>{{ errorFor('itemId') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'stock.field.quantity' | transloco }}</mat-label>
          <input matInput rlNumberInput inputmode="numeric" formControlName="quantity" />
          @if (available(); as level) {
            <mat-hint>{{ 'stock.transfer.available' | transloco: { quantity: level.quantity, unit: showUnits() ? level.unit : '' } }}</mat-hint>
          }
          <mat-error>{{ errorFor('quantity') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'stock.loss.cause' | transloco }}</mat-label>
          <mat-select formControlName="cause">
            @for (cause of causes; track cause) {
              <mat-option [value]="cause">{{ 'lossCause.' + cause | transloco }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ errorFor('cause') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'stock.loss.incident' | transloco }}</mat-label>
          <mat-select formControlName="incidentId">
            <mat-option value="">{{ 'stock.loss.noIncident' | transloco }}</mat-option>
            @for (incident of incidentChoices(); track incident.id) {
              <mat-option [value]="incident.id"><bdi>{{ incident.label }}</bdi></mat-option>
            }
          </mat-select>
          <mat-hint>{{ incidentHint() }}</mat-hint>
          <mat-error>{{ errorFor('incidentId') }}</mat-error>
        </mat-form-field>
        <rl-when-fields class="wide" [controls]="form.controls" [zone]="zone" />
        <mat-form-field class="wide">
          <mat-label>{{ 'stock.field.reason' | transloco }}</mat-label>
          <input matInput formControlName="reason" dir="auto" autocomplete="off" [maxlength]="reasonMaxLength" />
          <mat-hint>{{ 'stock.loss.reasonHint' | transloco }}</mat-hint>
          <mat-error>{{ errorFor('reason') }}</mat-error>
        </mat-form-field>
      </div>
      <div class="rl-form-actions">
        <button mat-flat-button type="submit" [disabled]="submission.saving()">{{ 'stock.loss.submit' | transloco }}</button>
        <button mat-button type="button" (click)="cancelled.emit()">{{ 'common.cancel' | transloco }}</button>
      </div>
    </form>
  `,
  styleUrl: '../stock-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LossForm implements OnInit {
  private readonly language = inject(LanguageService);
  private readonly api = inject(StockApi);
  private readonly incidentsApi = inject(IncidentsApi);

  readonly stockPoint = input.required<StockPointResponse>();
  /** What it holds now: only what is held can be lost. */
  readonly levels = input.required<readonly StockLevelResponse[]>();
  readonly items = input<readonly ItemResponse[]>([]);
  readonly itemId = input<string>();
  readonly recorded = output<MovementResponse>();
  readonly cancelled = output<void>();

  protected readonly causes = LOSS_CAUSES;
  protected readonly reasonMaxLength = STOCK_LIMITS.reasonMaxLength;
  protected readonly form = new FormGroup({
    itemId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    quantity: movementQuantityControl(),
    cause: new FormControl<LossCause | ''>('', { nonNullable: true, validators: [Validators.required] }),
    incidentId: new FormControl('', { nonNullable: true }),
    reason: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(STOCK_LIMITS.reasonMaxLength)] }),
    ...whenControls(inject(Clock), DEFAULT_TIME_ZONE),
  });
  // The ledger shows movements on the design area's clock: a loss is typed on it too.
  protected readonly zone = DEFAULT_TIME_ZONE;
  protected readonly submission = new FormSubmission(this.form, { controlFor: { occurredAt: 'whenTime' } });
  protected readonly heldItems = computed(() => {
    const lang = this.language.lang();
    return this.levels()
      .filter((level) => level.quantity > 0)
      .map((level) => ({ ...level, name: levelItemName(level, this.items(), lang) }));
  });
  protected readonly showUnits = computed(() => showsUnits(this.language.lang()));
  private readonly chosenItemId = toSignal(this.form.controls.itemId.valueChanges, { initialValue: '' });
  protected readonly available = computed(() => this.levels().find((level) => level.itemId === this.chosenItemId()));

  /** The latest incidents, all organisations' (they are shared); the form still works without them. */
  private readonly incidents = apiResource(
    signal(true),
    () => this.incidentsApi.listIncidents({ pageSize: RECENT_INCIDENTS }).pipe(
      map((page) => ({ incidents: page.items, failed: false })),
      catchError(() => of({ incidents: [] as IncidentResponse[], failed: true })),
    ),
  );
  protected readonly incidentChoices = computed(() => {
    const words = this.language.words();
    return (this.incidents.value()?.incidents ?? []).map((incident) => ({ id: incident.id, label: describeIncidentChoice(incident, words) }));
  });
  protected readonly incidentHint = computed(() =>
    this.language.t(this.incidents.value()?.failed ? 'stock.loss.incidentsFailed' : 'stock.loss.incidentHint'),
  );

  ngOnInit(): void {
    const itemId = this.itemId();
    if (itemId && this.heldItems().some((level) => level.itemId === itemId)) this.form.controls.itemId.setValue(itemId);
  }

  protected errorFor(name: 'itemId' | 'quantity' | 'cause' | 'incidentId' | 'reason'): string {
    const errors = this.form.controls[name].errors;
    if (!errors) return '';
    const words = this.language.words();
    if (typeof errors['server'] === 'string') return errors['server'];
    if (name === 'itemId') return words.t('stock.receive.chooseItem');
    if (name === 'cause') return words.t('stock.loss.chooseCause');
    if (name === 'reason') return words.t('form.atMostCharacters', { max: STOCK_LIMITS.reasonMaxLength });
    if (name === 'incidentId') return words.t('form.checkValue');
    return countErrorMessage(errors, words.t('stock.loss.quantityRequired'), words);
  }

  protected recordLoss(): void {
    this.submission.submit(
      () => {
        const value = this.form.getRawValue();
        const reason = value.reason.trim();
        const occurredAt = whenInstant(this.form.controls, this.zone);
        return this.api.recordLoss({
          stockPointId: this.stockPoint().id,
          itemId: value.itemId,
          quantity: value.quantity as number,
          cause: value.cause as LossCause,
          ...(value.incidentId ? { incidentId: value.incidentId } : {}),
          ...(reason ? { reason } : {}),
          ...(occurredAt ? { occurredAt } : {}),
        });
      },
      (movement) => this.recorded.emit(movement),
    );
  }
}
