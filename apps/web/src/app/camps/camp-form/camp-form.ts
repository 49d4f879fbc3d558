import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  CAMP_LIMITS,
  CAMP_STATUSES,
  CampResponse,
  CampStatus,
  canCampMove,
  CreateCampRequest,
  FieldError,
  LocationResponse,
  Problem,
  UpdateCampRequest,
} from '@relief-ledger/domain';
import { catchError, debounceTime, distinctUntilChanged, filter, map, merge, of, startWith, Subject, switchMap, tap } from 'rxjs';

import { SessionStore } from '../../core/auth/session-store';
import { LanguageService } from '../../core/i18n/language.service';
import { NumberInput } from '../../core/i18n/number-input';
import { ProblemMessages } from '../../core/problems/problem-messages';
import { toProblem } from '../../core/problems/to-problem';
import { apiResource } from '../../shared/api-resource/api-resource';
import { countErrorMessage } from '../../shared/forms/count-validators';
import { placeFieldErrors } from '../../shared/forms/place-field-errors';
import { LoadStatus } from '../../shared/load-status/load-status';
import { LookupsApi } from '../../shared/lookups/lookups-api';
import { CampsApi } from '../camps-api';
import { isStaleVersion } from '../stale-version';
import { campFiguresRule, optionChosen, requiredText, wholeNumber } from './camp-form-validators';

type EditableStatus = Exclude<CampStatus, 'closed'>;

/** What the location field holds once a location is picked; while searching it holds the typed text. */
export interface LocationOption {
  id: string;
  nameEn: string;
  nameAr: string;
  pcode: string;
}

export const LOCATION_SEARCH_DEBOUNCE_MS = 250;

// Camps sit in a community, or a sub-district when the community is not yet in the gazetteer.
const CAMP_LOCATION_LEVELS: readonly string[] = ['community', 'sub_district'];
const LOCATION_OPTIONS_MAX = 50;
const FIGURES = ['population', 'households', 'capacity'] as const;

/** Request fields whose form control has another name. */
const CONTROL_FOR_FIELD: Readonly<Record<string, string>> = { locationId: 'location' };

/** Translation keys: what to say under a field left empty. */
const REQUIRED_MESSAGES: Readonly<Record<string, string>> = {
  nameEn: 'camps.form.required.nameEn',
  nameAr: 'camps.form.required.nameAr',
  location: 'camps.form.required.location',
  status: 'camps.form.required.status',
  population: 'camps.form.required.population',
  households: 'camps.form.required.households',
  capacity: 'camps.form.required.capacity',
};

function createCampFormGroup() {
  return new FormGroup({
    nameEn: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, requiredText, Validators.maxLength(CAMP_LIMITS.nameMaxLength)],
    }),
    nameAr: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, requiredText, Validators.maxLength(CAMP_LIMITS.nameMaxLength)],
    }),
    location: new FormControl<LocationOption | string | null>(null, [Validators.required, optionChosen]),
    status: new FormControl<EditableStatus>('open', { nonNullable: true, validators: [Validators.required] }),
    population: new FormControl<number | null>(null, peopleValidators('population')),
    households: new FormControl<number | null>(null, peopleValidators('households')),
    capacity: new FormControl<number | null>(null, peopleValidators('capacity')),
    openedOn: new FormControl('', { nonNullable: true }),
  });
}

type CampFormControlName = keyof ReturnType<typeof createCampFormGroup>['controls'];

function peopleValidators(field: (typeof FIGURES)[number]) {
  return [Validators.required, Validators.min(0), Validators.max(CAMP_LIMITS.peopleMax), wholeNumber, campFiguresRule(field)];
}

/** Creates a camp (`/camps/new`) or edits one (`/camps/:id/edit`). */
@Component({
  selector: 'rl-camp-form',
  imports: [
    LoadStatus,
    MatAutocompleteModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    NumberInput,
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
  ],
  // Messages such as "households (20) cannot exceed population (10) …" take two lines on a phone;
  // dynamic subscripts push the next field down instead of running over it.
  providers: [{ provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { subscriptSizing: 'dynamic' } }],
  templateUrl: './camp-form.html',
  styleUrl: './camp-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CampForm {
  private readonly api = inject(CampsApi);
  private readonly lookups = inject(LookupsApi);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);
  private readonly injector = inject(Injector);
  private readonly session = inject(SessionStore);
  private readonly language = inject(LanguageService);
  private readonly messages = inject(ProblemMessages);

  /** Route parameter `:id`; absent when creating. */
  readonly id = input<string>();

  protected readonly limits = CAMP_LIMITS;
  protected readonly form = createCampFormGroup();

  /** The camp as last read from the server; its `version` goes back with the update. */
  protected readonly camp = apiResource(this.id, (id) => this.api.getCamp(id), { onLoaded: (camp) => this.fillForm(camp) });
  protected readonly editing = computed(() => this.id() !== undefined);
  protected readonly saving = signal(false);
  protected readonly saveProblem = signal<string | undefined>(undefined);
  protected readonly conflict = signal(false);
  /** A new camp belongs to the signed-in user's organisation; a camp keeps the one it was created in. */
  protected readonly organisationName = computed(() => {
    const camp = this.camp.value();
    if (camp) return camp.organisationName;
    const organisation = this.session.session()?.organisation;
    return organisation ? `${organisation.name} (${organisation.shortCode})` : '';
  });
  protected readonly locationOptions = signal<LocationOption[]>([]);
  protected readonly locationsLoading = signal(true);
  /** A failed look-up of locations; the form stays usable and can retry it. */
  protected readonly lookupProblem = signal<string | undefined>(undefined);

  protected readonly statusOptions = computed(() => {
    const current = this.camp.value()?.status;
    return CAMP_STATUSES.filter(
      (status): status is EditableStatus =>
        status !== 'closed' && (current === undefined || canCampMove({ from: current, to: status })),
    );
  });

  private readonly lookupRetries = new Subject<void>();

  constructor() {
    this.searchLocations();
    this.revalidateFiguresTogether();
  }

  protected locationLabel(value: LocationOption | string | null): string {
    if (value === null || typeof value === 'string') return value ?? '';
    return `${value.nameEn}${value.nameAr ? ` — ${value.nameAr}` : ''} (${value.pcode})`;
  }

  protected errorFor(name: CampFormControlName): string {
    const errors = this.form.controls[name].errors;
    if (!errors) return '';
    const t = (key: string, params?: Record<string, number>) => this.language.t(key, params);
    if (typeof errors['server'] === 'string') return errors['server'];
    if (errors['maxlength']) return t('form.atMostCharacters', { max: CAMP_LIMITS.nameMaxLength });
    if (errors['notChosen']) return t('camps.form.chooseFromList');
    if (errors['campFigures']) return this.messages.fieldReason(errors['campFigures'] as FieldError);
    return countErrorMessage(errors, t(REQUIRED_MESSAGES[name] ?? 'form.checkValue'), this.language.words());
  }

  protected saveCamp(): void {
    if (this.saving()) return;
    this.saveProblem.set(undefined);
    this.conflict.set(false);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focusFirstInvalidField();
      return;
    }
    const camp = this.camp.value();
    const request = camp ? this.api.updateCamp(camp.id, this.toUpdateRequest(camp)) : this.api.createCamp(this.toCreateRequest());
    this.saving.set(true);
    request.subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.form.markAsPristine();
        this.snackBar.open(this.language.t('camps.form.saved'), undefined, { duration: 3000 });
        void this.router.navigate(['/camps', saved.id]);
      },
      error: (error: unknown) => {
        this.showSaveProblem(toProblem(error));
        this.saving.set(false);
      },
    });
  }

  protected reloadCamp(): void {
    this.conflict.set(false);
    this.saveProblem.set(undefined);
    this.camp.reload();
  }

  private showSaveProblem(problem: Problem): void {
    if (isStaleVersion(problem) && this.camp.value()) {
      this.conflict.set(true);
      this.revealProblemAfterRender();
      return;
    }
    this.saveProblem.set(placeFieldErrors(this.form, problem, this.messages, CONTROL_FOR_FIELD));
    this.revealProblemAfterRender();
  }

  // On a phone the Save button is far below the banner, and maybe below the field: bring the problem into view.
  private revealProblemAfterRender(): void {
    afterNextRender({ write: () => this.focusFirstInvalidField() || this.revealBanner() }, { injector: this.injector });
  }

  private revealBanner(): boolean {
    const banner = this.host.nativeElement.querySelector<HTMLElement>('.rl-banner');
    banner?.scrollIntoView?.({ block: 'nearest' });
    return banner !== null;
  }

  private fillForm(camp: CampResponse): void {
    this.form.reset({
      nameEn: camp.nameEn,
      nameAr: camp.nameAr,
      location: { id: camp.locationId, nameEn: camp.locationName, nameAr: '', pcode: camp.locationPcode },
      status: camp.status === 'closed' ? 'open' : camp.status,
      population: camp.population,
      households: camp.households,
      capacity: camp.capacity,
      openedOn: camp.openedOn ?? '',
    });
  }

  private toCreateRequest(): CreateCampRequest {
    return this.readCampFields();
  }

  private toUpdateRequest(camp: CampResponse): UpdateCampRequest {
    return { version: camp.version, ...this.readCampFields() };
  }

  /** The fields that creating and updating share; call only once the form is valid. */
  private readCampFields(): CreateCampRequest {
    const value = this.form.getRawValue();
    return {
      locationId: (value.location as LocationOption).id,
      nameEn: value.nameEn.trim(),
      nameAr: value.nameAr.trim(),
      status: value.status,
      population: value.population as number,
      households: value.households as number,
      capacity: value.capacity as number,
      openedOn: value.openedOn || null,
    };
  }

  protected retryLookups(): void {
    this.lookupProblem.set(undefined);
    this.lookupRetries.next();
  }

  private searchLocations(): void {
    const location = this.form.controls.location;
    const typed = location.valueChanges.pipe(
      startWith(location.value),
      filter((value): value is string | null => typeof value === 'string' || value === null),
      map((text) => (text ?? '').trim()),
      tap(() => this.locationsLoading.set(true)),
      debounceTime(LOCATION_SEARCH_DEBOUNCE_MS),
      distinctUntilChanged(),
    );
    let lastName = '';
    merge(typed, this.lookupRetries.pipe(map(() => lastName)))
      .pipe(
        tap((name) => {
          lastName = name;
          this.locationsLoading.set(true);
        }),
        switchMap((name) =>
          this.lookups.listLocations({ name: name || undefined, pageSize: LOCATION_OPTIONS_MAX }).pipe(
            map((page) => page.items.filter((item) => CAMP_LOCATION_LEVELS.includes(item.level)).map(toLocationOption)),
            catchError((error: unknown) => {
              this.lookupProblem.set(this.language.t('locationField.searchFailed', { problem: this.messages.message(toProblem(error)) }));
              return of([]);
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((options) => {
        this.locationOptions.set(options);
        this.locationsLoading.set(false);
      });
  }

  // Households are checked against population (and any figure against the others), so a change to
  // one figure re-checks the other two, without echoing back into this subscription.
  private revalidateFiguresTogether(): void {
    const controls = this.form.controls;
    merge(...FIGURES.map((name) => controls[name].valueChanges.pipe(map(() => name))))
      .pipe(takeUntilDestroyed())
      .subscribe((changed) => {
        for (const name of FIGURES) {
          if (name !== changed) controls[name].updateValueAndValidity({ emitEvent: false });
        }
      });
  }

  private focusFirstInvalidField(): boolean {
    const invalid = this.host.nativeElement.querySelector<HTMLElement>('input.ng-invalid, mat-select.ng-invalid');
    invalid?.focus();
    return invalid !== null;
  }
}

function toLocationOption(location: LocationResponse): LocationOption {
  return { id: location.id, nameEn: location.nameEn, nameAr: location.nameAr, pcode: location.pcode };
}
