import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { CreateRouteRequest, ROUTE_LIMITS, RouteResponse } from '@relief-ledger/domain';
import { filter } from 'rxjs';

import { safeReturnUrl } from '../../core/auth/safe-return-url';
import { NumberPipe } from '../../core/i18n/format-pipes';
import { LanguageService } from '../../core/i18n/language.service';
import { requiredText } from '../../shared/forms/count-validators';
import { FormSubmission } from '../../shared/forms/form-submission';
import { optionChosen } from '../../shared/forms/option-chosen';
import { LoadStatus } from '../../shared/load-status/load-status';
import { LocationChoice, LocationField, LocationFieldValue } from '../../shared/location-field/location-field';
import { RoutesApi } from '../routes-api';
import { addStop, describeStops, moveStop, removeStop, ROUTE_STOPS_MIN } from '../route-stops';

/** Request fields whose form control has another name. */
const CONTROL_FOR_FIELD: Readonly<Record<string, string>> = { locationIds: 'stopSearch' };

type RouteControlName = 'name' | 'stopSearch';

/**
 * Makes a route: a name and the places it passes, picked by name or P-code and put in travel
 * order. Opened from "Plan a convoy" (`?returnUrl=/convoys/new`), it goes back there with the new
 * route chosen (`routeId`); otherwise to the list of routes.
 */
@Component({
  selector: 'rl-route-form',
  imports: [LoadStatus, LocationField, MatButtonModule, MatFormFieldModule, MatInputModule, NumberPipe, ReactiveFormsModule, RouterLink, TranslocoPipe],
  templateUrl: './route-form.html',
  styleUrl: './route-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RouteForm {
  private readonly api = inject(RoutesApi);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly language = inject(LanguageService);

  /** Query parameter `?returnUrl=`: a path of this app to go back to, with the new route's id. */
  readonly returnUrl = input<string>();

  protected readonly limits = ROUTE_LIMITS;
  protected readonly form = new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: [requiredText, Validators.maxLength(ROUTE_LIMITS.nameMaxLength)] }),
    stopSearch: new FormControl<LocationFieldValue>(null, [optionChosen]),
  });
  protected readonly submission = new FormSubmission(this.form, { focusFirstField: true, controlFor: CONTROL_FOR_FIELD });
  protected readonly stops = signal<LocationChoice[]>([]);
  protected readonly full = computed(() => this.stops().length >= ROUTE_LIMITS.stopsMax);
  protected readonly readBack = computed(() => describeStops(this.stops()));
  protected readonly backUrl = computed(() => safeReturnUrl(this.returnUrl()) ?? '/routes');

  constructor() {
    const { stopSearch } = this.form.controls;
    stopSearch.valueChanges
      .pipe(
        filter((value): value is LocationChoice => value !== null && typeof value === 'object'),
        takeUntilDestroyed(),
      )
      .subscribe((stop) => {
        this.stops.update((stops) => addStop(stops, stop));
        stopSearch.setValue(null);
      });
  }

  protected moveStop(index: number, by: -1 | 1): void {
    this.stops.update((stops) => moveStop(stops, index, by));
  }

  protected removeStop(index: number): void {
    this.stops.update((stops) => removeStop(stops, index));
    // The API's reason may have been about the place just removed.
    this.form.controls.stopSearch.updateValueAndValidity();
  }

  protected errorFor(name: RouteControlName): string {
    const errors = this.form.controls[name].errors;
    if (!errors) return '';
    if (typeof errors['server'] === 'string') return errors['server'];
    const t = (key: string, params?: Record<string, number>) => this.language.t(key, params);
    if (errors['tooFewStops']) return t('routes.form.tooFewStops');
    if (errors['notChosen']) return t('routes.form.choosePlace');
    if (errors['maxlength']) return t('form.atMostCharacters', { max: errors['maxlength'].requiredLength as number });
    if (errors['required']) return t('routes.form.required');
    return t('form.checkValue');
  }

  protected createRoute(): void {
    const { stopSearch } = this.form.controls;
    if (this.stops().length < ROUTE_STOPS_MIN) {
      stopSearch.setErrors({ ...stopSearch.errors, tooFewStops: true });
      stopSearch.markAsTouched();
    }
    this.submission.submit(
      () => this.api.createRoute(this.toRequest()),
      (route) => {
        this.snackBar.open(this.language.t('routes.form.created', { name: route.name }), undefined, { duration: 3000 });
        this.goOn(route);
      },
    );
  }

  /** Back to the form that sent here, with the new route chosen there; else to the list. */
  private goOn(route: RouteResponse): void {
    const back = safeReturnUrl(this.returnUrl());
    if (!back) {
      void this.router.navigateByUrl('/routes');
      return;
    }
    const tree = this.router.parseUrl(back);
    tree.queryParams = { ...tree.queryParams, routeId: route.id };
    void this.router.navigateByUrl(tree);
  }

  private toRequest(): CreateRouteRequest {
    return { name: this.form.controls.name.value.trim(), locationIds: this.stops().map((stop) => stop.id) };
  }
}
