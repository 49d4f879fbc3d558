import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { AbstractControl, FormArray, FormControl, FormGroup, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { CHECK_IN_INTERVAL_DEFAULT_MINUTES, CONVOY_LIMITS, CONVOY_PURPOSES, ConvoyPurpose, CreateConvoyRequest, DEFAULT_TIME_ZONE, Refusal, SAFETY_MARGIN_DEFAULT_MINUTES, STOCK_LIMITS, StockPointResponse, wallClockAt } from '@relief-ledger/domain';
import { forkJoin } from 'rxjs';

import { LanguageService } from '../../core/i18n/language.service';
import { NumberInput } from '../../core/i18n/number-input';
import { ProblemMessages } from '../../core/problems/problem-messages';
import { apiResource } from '../../shared/api-resource/api-resource';
import { countErrorMessage, requiredText, wholeNumber } from '../../shared/forms/count-validators';
import { formValue } from '../../shared/forms/form-value';
import { FormSubmission } from '../../shared/forms/form-submission';
import { LoadStatus } from '../../shared/load-status/load-status';
import { LookupsApi } from '../../shared/lookups/lookups-api';
import { Clock } from '../../shared/time/clock';
// The stock feature's own form, so that a stock point made here is made exactly as on the stock screens.
import { StockPointForm } from '../../stock/stock-point-form/stock-point-form';
import { OffsetChoice } from '../../shared/time/offset-choice';
import { describeWallClock, VIEWER_TIME_ZONE, zoneName } from '../../shared/time/zoned-time';
import { ConvoysApi } from '../convoys-api';
import { VEHICLE_LIMITS, vehiclesToSend } from '../vehicles';
import { repeatedOffsets, resolveEntry, WallClockEntry, wallClockEntryValidator } from '../../shared/time/wall-clock-entry';

const QUANTITY_MAX = STOCK_LIMITS.quantityMax;
const NOTES_MAX_LENGTH = CONVOY_LIMITS.notesMaxLength;

/** Request fields whose form control has another name. */
const CONTROL_FOR_FIELD: Readonly<Record<string, string>> = { plannedDepartureAt: 'departureTime' };

function cargoLine() {
  return new FormGroup({
    stockPointId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    itemId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    quantity: new FormControl<number | null>(null, [Validators.required, Validators.min(1), Validators.max(QUANTITY_MAX), wholeNumber]),
  });
}

function minutes(min: number, max: number, initial: number | null = null) {
  return new FormControl<number | null>(initial, [Validators.required, Validators.min(min), Validators.max(max), wholeNumber]);
}

type CargoLineGroup = ReturnType<typeof cargoLine>;

function vehicleRow() {
  return new FormGroup({
    plate: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(VEHICLE_LIMITS.plateMaxLength)] }),
    driver: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(VEHICLE_LIMITS.driverMaxLength)] }),
  });
}

type VehicleRowGroup = ReturnType<typeof vehicleRow>;

/** No more vehicle rows than vehicles: the API refuses the list otherwise. */
function withinVehicleCount(control: AbstractControl): ValidationErrors | null {
  const rows = (control as FormArray).length;
  const count: unknown = control.parent?.get('vehicleCount')?.value;
  return typeof count === 'number' && rows > count ? { tooManyVehicles: { count } } : null;
}

/**
 * Plans a convoy: route, departure on the route's own wall clock (shown back in UTC and in the
 * viewer's time, and asking which reading was meant the night the clocks go back), duration,
 * safety margin, vehicles and people, check-in interval, and the cargo drawn from stock.
 */
@Component({
  selector: 'rl-convoy-form',
  imports: [LoadStatus, MatButtonModule, MatFormFieldModule, MatInputModule, NumberInput, OffsetChoice, ReactiveFormsModule, RouterLink, StockPointForm, TranslocoPipe],
  providers: [{ provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { subscriptSizing: 'dynamic' } }],
  templateUrl: './convoy-form.html',
  styleUrl: './convoy-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConvoyForm {
  private readonly language = inject(LanguageService);
  private readonly messages = inject(ProblemMessages);
  private readonly api = inject(ConvoysApi);
  private readonly lookups = inject(LookupsApi);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly viewerZone = inject(VIEWER_TIME_ZONE);

  /** Query parameter `?routeId=`: the route to start on, as "New route" sends back the one it made. */
  readonly routeId = input<string>();

  protected readonly purposes = CONVOY_PURPOSES;
  protected readonly limits = CONVOY_LIMITS;
  protected readonly notesMaxLength = NOTES_MAX_LENGTH;
  protected readonly vehicleLimits = VEHICLE_LIMITS;

  protected readonly choices = apiResource(signal(true), () =>
    forkJoin({ routes: this.lookups.listRoutes(), stockPoints: this.lookups.listStockPoints(), items: this.lookups.listItems() }),
  );
  protected readonly routes = computed(() => this.choices.value()?.routes ?? []);
  protected readonly stockPoints = computed(() => this.choices.value()?.stockPoints ?? []);
  protected readonly items = computed(() => this.choices.value()?.items ?? []);

  protected readonly form = new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: [requiredText, Validators.maxLength(CONVOY_LIMITS.nameMaxLength)] }),
    purpose: new FormControl<ConvoyPurpose>('evacuation', { nonNullable: true, validators: [Validators.required] }),
    routeId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    departureDate: new FormControl(wallClockAt(inject(Clock).now(), DEFAULT_TIME_ZONE).date, { nonNullable: true, validators: [Validators.required] }),
    departureTime: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, wallClockEntryValidator((control) => this.departureEntry(control))],
    }),
    departureOffset: new FormControl('', { nonNullable: true }),
    expectedDurationMinutes: minutes(1, CONVOY_LIMITS.durationMaxMinutes),
    safetyMarginMinutes: minutes(0, CONVOY_LIMITS.marginMaxMinutes, SAFETY_MARGIN_DEFAULT_MINUTES),
    vehicleCount: new FormControl<number | null>(null, [Validators.required, Validators.min(1), Validators.max(CONVOY_LIMITS.vehiclesMax), wholeNumber]),
    vehicles: new FormArray<VehicleRowGroup>([], [withinVehicleCount]),
    peopleAboard: new FormControl<number | null>(null, [Validators.min(0), Validators.max(CONVOY_LIMITS.peopleMax), wholeNumber]),
    checkInIntervalMinutes: minutes(CONVOY_LIMITS.checkInMinMinutes, CONVOY_LIMITS.checkInMaxMinutes, CHECK_IN_INTERVAL_DEFAULT_MINUTES),
    cargo: new FormArray<CargoLineGroup>([]),
    destinationStockPointId: new FormControl('', { nonNullable: true }),
    notes: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(NOTES_MAX_LENGTH)] }),
  });
  protected readonly submission = new FormSubmission(this.form, { focusFirstField: true, controlFor: CONTROL_FOR_FIELD });

  private readonly value = formValue(this.form);
  protected readonly route = computed(() => this.routes().find((route) => route.id === this.value().routeId));
  protected readonly zone = computed(() => this.route()?.timeZone ?? DEFAULT_TIME_ZONE);
  protected readonly zoneCity = computed(() => zoneName(this.zone(), this.language.words()));
  /** Where the route ends, as the stock point form takes a place. */
  protected readonly destinationPlace = computed(() => {
    const last = this.route()?.stops.at(-1);
    return last ? { id: last.locationId, pcode: last.pcode, nameEn: last.nameEn, nameAr: last.nameAr } : undefined;
  });
  /**
   * The route ends where the organisation has no stock point: cargo could not be received there,
   * so the form offers to make one rather than failing on "Destination stock point: Required".
   */
  protected readonly destinationLacksPoint = computed(() => {
    const place = this.destinationPlace();
    return !!place && !this.stockPoints().some((point) => point.locationId === place.id);
  });
  protected readonly creatingDestination = signal(false);
  protected readonly routeStops = computed(() => (this.route()?.stops ?? []).map((stop) => stop.nameEn).join(' → '));
  /** The departure as read back: "13:30 UTC (UTC+00:00) · 14:30 Berlin (UTC+01:00) your time". */
  protected readonly departureReadBack = computed(() => {
    const { departureDate: date, departureTime: time, departureOffset: offset } = this.value();
    const resolution = resolveEntry({ date, time, offset }, this.zone());
    if (resolution?.kind !== 'exact') return undefined;
    const words = this.language.words();
    const utc = describeWallClock({ instant: resolution.instant, zone: 'UTC' }, words);
    if (this.viewerZone === 'UTC') return utc;
    return `${utc} · ${words.t('time.yourTime', { time: describeWallClock({ instant: resolution.instant, zone: this.viewerZone }, words) })}`;
  });
  /** Plates and drivers may be listed for as many vehicles as the convoy has. */
  protected readonly canAddVehicle = computed(() => {
    const { vehicleCount, vehicles } = this.value();
    return typeof vehicleCount === 'number' && vehicles.length < Math.min(vehicleCount, CONVOY_LIMITS.vehiclesMax);
  });
  /** The two offsets of a departure time that happened twice, to choose from. */
  protected readonly repeatedHour = computed(() => {
    const { departureDate: date, departureTime: time } = this.value();
    return repeatedOffsets({ date, time }, this.zone());
  });

  constructor() {
    const { departureDate, departureOffset, departureTime, routeId, cargo, destinationStockPointId, vehicleCount, vehicles } = this.form.controls;
    // The offset belongs to one date and time: a new one starts without it.
    departureDate.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.forgetOffset());
    departureTime.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.forgetOffset());
    // The zone follows the route; the same wall clock may not exist there.
    routeId.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => departureTime.updateValueAndValidity({ emitEvent: false }));
    departureOffset.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => departureTime.updateValueAndValidity({ emitEvent: false }));
    cargo.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => {
      destinationStockPointId.setValidators(cargo.length > 0 ? [Validators.required] : []);
      destinationStockPointId.updateValueAndValidity({ emitEvent: false });
    });
    vehicleCount.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => vehicles.updateValueAndValidity({ emitEvent: false }));
    // Back from "New route" with the route made there: chosen, once the routes have loaded with it.
    effect(() => {
      const wanted = this.routeId();
      if (!wanted || !this.routes().some((route) => route.id === wanted)) return;
      untracked(() => {
        if (routeId.value === '') routeId.setValue(wanted);
      });
    });
  }

  /** The new stock point joins the choices and becomes the destination. */
  protected useNewDestination(point: StockPointResponse): void {
    this.creatingDestination.set(false);
    this.choices.value.update((choices) => (choices ? { ...choices, stockPoints: [...choices.stockPoints, point] } : choices));
    this.form.controls.destinationStockPointId.setValue(point.id);
    this.snackBar.open(this.language.t('convoys.form.destinationCreated', { name: point.name }), undefined, { duration: 4000 });
  }

  protected get cargoLines(): CargoLineGroup[] {
    return this.form.controls.cargo.controls;
  }

  protected addCargoLine(): void {
    this.form.controls.cargo.push(cargoLine());
  }

  protected removeCargoLine(index: number): void {
    this.form.controls.cargo.removeAt(index);
  }

  protected get vehicleRows(): VehicleRowGroup[] {
    return this.form.controls.vehicles.controls;
  }

  protected addVehicle(): void {
    this.form.controls.vehicles.push(vehicleRow());
  }

  protected removeVehicle(index: number): void {
    this.form.controls.vehicles.removeAt(index);
  }

  /** What is wrong with the list of vehicles as a whole: more rows than vehicles, or the API's reason. */
  protected vehiclesError(): string {
    const errors = this.form.controls.vehicles.errors;
    if (!errors) return '';
    if (typeof errors['server'] === 'string') return errors['server'];
    if (errors['tooManyVehicles']) return this.language.t('convoys.form.tooManyVehicles', { count: errors['tooManyVehicles'].count as number });
    return this.language.t('convoys.form.checkVehicles');
  }

  protected errorFor(control: AbstractControl): string {
    const errors = control.errors;
    if (!errors) return '';
    if (typeof errors['server'] === 'string') return errors['server'];
    const words = this.language.words();
    if (errors['wallClock']) {
      const refusal = errors['wallClock'] as Refusal;
      return this.messages.fieldReason({ field: 'plannedDepartureAt', reason: refusal.message, code: refusal.code, params: refusal.params });
    }
    if (errors['repeatedHour']) return words.t('convoys.form.repeatedHour');
    if (errors['maxlength']) return words.t('form.atMostCharacters', { max: errors['maxlength'].requiredLength as number });
    if (errors['required'] && typeof control.value === 'string') return words.t('convoys.form.required');
    return countErrorMessage(errors, words.t('convoys.form.required'), words);
  }

  protected planConvoy(): void {
    this.submission.submit(
      () => this.api.planConvoy(this.toRequest()),
      (convoy) => {
        this.snackBar.open(this.language.t('convoys.form.planned'), undefined, { duration: 3000 });
        void this.router.navigate(['/convoys', convoy.id]);
      },
    );
  }

  private forgetOffset(): void {
    if (this.form.controls.departureOffset.value !== '') this.form.controls.departureOffset.setValue('', { emitEvent: false });
  }

  private departureEntry(control: AbstractControl): { entry: WallClockEntry; zone: string } | undefined {
    const form = control.parent;
    if (!form) return undefined;
    const zone = this.routes().find((route) => route.id === form.get('routeId')?.value)?.timeZone ?? DEFAULT_TIME_ZONE;
    return {
      entry: { date: form.get('departureDate')?.value ?? '', time: control.value ?? '', offset: form.get('departureOffset')?.value ?? '' },
      zone,
    };
  }

  /** Call only once the form is valid: the departure then resolves to one instant. */
  private toRequest(): CreateConvoyRequest {
    const value = this.form.getRawValue();
    const departure = resolveEntry({ date: value.departureDate, time: value.departureTime, offset: value.departureOffset }, this.zone());
    const notes = value.notes.trim();
    const vehicles = vehiclesToSend(value.vehicles);
    return {
      name: value.name.trim(),
      purpose: value.purpose,
      routeId: value.routeId,
      plannedDepartureAt: departure?.kind === 'exact' ? departure.instant : '',
      expectedDurationMinutes: value.expectedDurationMinutes as number,
      safetyMarginMinutes: value.safetyMarginMinutes as number,
      vehicleCount: value.vehicleCount as number,
      ...(vehicles ? { vehicles } : {}),
      ...(value.peopleAboard !== null ? { peopleAboard: value.peopleAboard } : {}),
      checkInIntervalMinutes: value.checkInIntervalMinutes as number,
      ...(value.cargo.length > 0
        ? {
            cargo: value.cargo.map((line) => ({ stockPointId: line.stockPointId, itemId: line.itemId, quantity: line.quantity as number })),
            destinationStockPointId: value.destinationStockPointId,
          }
        : {}),
      ...(notes ? { notes } : {}),
    };
  }
}
