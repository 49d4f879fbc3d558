import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, output } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { CreateStockPointRequest, STOCK_LIMITS, STOCK_POINT_KINDS, StockPointKind, StockPointResponse } from '@relief-ledger/domain';
import { catchError, of } from 'rxjs';

import { LanguageService } from '../../core/i18n/language.service';
import { apiResource } from '../../shared/api-resource/api-resource';
import { requiredText } from '../../shared/forms/count-validators';
import { FormSubmission } from '../../shared/forms/form-submission';
import { optionChosen } from '../../shared/forms/option-chosen';
import { chosenLocationId, LocationChoice, LocationField, LocationFieldValue } from '../../shared/location-field/location-field';
import { localName } from '../../shared/lookups/local-name';
import { CampChoice, LookupsApi } from '../../shared/lookups/lookups-api';
import { StockApi } from '../stock-api';

export interface StockPointFormValue {
  name: string;
  kind: StockPointKind;
  location: LocationFieldValue;
  campId: string;
}

/**
 * The request a filled form sends: a camp store names its camp, a warehouse none (the API and the
 * database refuse any other mix). Undefined while no place has been chosen from the list.
 */
export function toCreateStockPointRequest(value: StockPointFormValue): CreateStockPointRequest | undefined {
  const locationId = chosenLocationId(value.location);
  if (!locationId) return undefined;
  return {
    name: value.name.trim(),
    kind: value.kind,
    locationId,
    ...(value.kind === 'camp_store' ? { campId: value.campId } : {}),
  };
}

/** A camp store's camp is required; a warehouse has none, so its field is neither shown nor checked. */
function campRequiredFor(kind: StockPointKind): typeof Validators.required[] {
  return kind === 'camp_store' ? [Validators.required] : [];
}

/**
 * Creates a warehouse, or a camp store tied to a camp, at a place of the gazetteer. Used on the
 * stock overview, and inside the convoy form when the destination has no stock point yet (then
 * the place comes filled in).
 */
@Component({
  selector: 'rl-stock-point-form',
  imports: [LocationField, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, ReactiveFormsModule, TranslocoPipe],
  providers: [{ provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { subscriptSizing: 'dynamic' } }],
  template: `
    <!-- A div, not a form: the convoy form holds this one inside its own, and forms do not nest. -->
    <div class="rl-inline-form" role="group" [attr.aria-labelledby]="headingId" (keydown.enter)="createOnEnter($event)">
      <h3 [id]="headingId">{{ 'stock.pointForm.heading' | transloco }}</h3>
      @if (submission.problem(); as message) {
        <div class="rl-banner" role="alert"><p>{{ message }}</p></div>
      }
      <div class="fields" [formGroup]="form">
        <mat-form-field>
          <mat-label>{{ 'stock.pointForm.name' | transloco }}</mat-label>
          <input matInput formControlName="name" dir="auto" autocomplete="off" [maxlength]="nameMaxLength" />
          <mat-hint>{{ 'stock.pointForm.nameHint' | transloco }}</mat-hint>
          <mat-error>{{ errorFor('name') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'stock.pointForm.kind' | transloco }}</mat-label>
          <mat-select formControlName="kind">
            @for (kind of kinds; track kind) {
              <mat-option [value]="kind">{{ 'stockPointKind.' + kind | transloco }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <rl-location-field
          class="wide"
          [control]="form.controls.location"
          [label]="'stock.pointForm.location' | transloco"
          [error]="errorFor('location')"
        />
        @if (kind() === 'camp_store') {
          <mat-form-field class="wide">
            <mat-label>{{ 'stock.pointForm.camp' | transloco }}</mat-label>
            <mat-select formControlName="campId">
              @for (camp of campChoices(); track camp.id) {
                <mat-option [value]="camp.id"><bdi>{{ camp.name }}</bdi></mat-option>
              }
            </mat-select>
            <mat-hint>{{ 'stock.pointForm.campHint' | transloco }}</mat-hint>
            <mat-error>{{ errorFor('campId') }}</mat-error>
          </mat-form-field>
        }
      </div>
      <div class="rl-form-actions">
        <button mat-flat-button type="button" [disabled]="submission.saving()" (click)="createStockPoint()">{{ 'stock.pointForm.submit' | transloco }}</button>
        <button mat-button type="button" (click)="cancelled.emit()">{{ 'common.cancel' | transloco }}</button>
      </div>
    </div>
  `,
  styleUrl: '../stock-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StockPointForm implements OnInit {
  private static nextId = 0;
  private readonly language = inject(LanguageService);
  private readonly api = inject(StockApi);
  private readonly lookups = inject(LookupsApi);

  /** The place to start with: the convoy's destination. */
  readonly location = input<LocationChoice>();
  readonly created = output<StockPointResponse>();
  readonly cancelled = output<void>();

  protected readonly headingId = `stock-point-form-heading-${StockPointForm.nextId++}`;
  protected readonly kinds = STOCK_POINT_KINDS;
  protected readonly nameMaxLength = STOCK_LIMITS.stockPointNameMaxLength;
  protected readonly form = new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: [Validators.required, requiredText, Validators.maxLength(STOCK_LIMITS.stockPointNameMaxLength)] }),
    kind: new FormControl<StockPointKind>('warehouse', { nonNullable: true }),
    location: new FormControl<LocationFieldValue>(null, [Validators.required, optionChosen]),
    campId: new FormControl('', { nonNullable: true }),
  });
  protected readonly submission = new FormSubmission(this.form, { focusFirstField: true, controlFor: { locationId: 'location' } });
  protected readonly kind = toSignal(this.form.controls.kind.valueChanges, { initialValue: this.form.controls.kind.value });
  /** Asked for only once a camp store is wanted; an empty list if they cannot load (the field then says so). */
  private readonly camps = apiResource(
    computed(() => (this.kind() === 'camp_store' ? true : undefined)),
    () => this.lookups.listCamps().pipe(catchError(() => of<CampChoice[]>([]))),
  );
  protected readonly campChoices = computed(() => {
    const lang = this.language.lang();
    return (this.camps.value() ?? []).filter((camp) => camp.status !== 'closed').map((camp) => ({ id: camp.id, name: localName(camp, lang) }));
  });
  constructor() {
    this.form.controls.kind.valueChanges.pipe(takeUntilDestroyed()).subscribe((kind) => {
      this.form.controls.campId.setValidators(campRequiredFor(kind));
      this.form.controls.campId.updateValueAndValidity();
    });
  }

  ngOnInit(): void {
    const location = this.location();
    if (location) this.form.controls.location.setValue(location);
  }

  protected errorFor(name: 'name' | 'location' | 'campId'): string {
    const errors = this.form.controls[name].errors;
    if (!errors) return '';
    const words = this.language.words();
    if (typeof errors['server'] === 'string') return errors['server'];
    if (name === 'name') return errors['maxlength'] ? words.t('form.atMostCharacters', { max: this.nameMaxLength }) : words.t('stock.pointForm.nameRequired');
    if (name === 'location') return words.t('stock.pointForm.chooseLocation');
    return words.t('stock.pointForm.chooseCamp');
  }

  /** Enter in a field creates, as in a form of its own, without submitting the form around it. */
  protected createOnEnter(event: Event): void {
    // The place's list takes Enter to choose an option (and says so by preventing the default).
    if (event.defaultPrevented || (event.target as HTMLElement).tagName !== 'INPUT') return;
    event.preventDefault();
    this.createStockPoint();
  }

  protected createStockPoint(): void {
    this.submission.submit(
      () => this.api.createStockPoint(toCreateStockPointRequest(this.form.getRawValue())!),
      (point) => this.created.emit(point),
    );
  }
}
