import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, FormGroup, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  AnnouncedTime,
  CreatePauseWindowRequest,
  DEFAULT_TIME_ZONE,
  isValidTimeZone,
  LocalTimeResolution,
  PAUSE_WINDOW_LIMITS,
  PauseWindowDetailResponse,
  Problem,
  Refusal,
  wallClockAt,
} from '@relief-ledger/domain';
import { filter, merge } from 'rxjs';

import { LanguageService } from '../../core/i18n/language.service';
import { ProblemMessages } from '../../core/problems/problem-messages';
import { apiResource } from '../../shared/api-resource/api-resource';
import { NEW_CLIENT_ID } from '../../shared/client-id/client-id';
import { requiredText } from '../../shared/forms/count-validators';
import { formValue } from '../../shared/forms/form-value';
import { FormSubmission } from '../../shared/forms/form-submission';
import { optionChosen } from '../../shared/forms/option-chosen';
import { LoadStatus } from '../../shared/load-status/load-status';
import { LocationChoice, LocationField, LocationFieldValue } from '../../shared/location-field/location-field';
import { LookupsApi } from '../../shared/lookups/lookups-api';
import { Clock } from '../../shared/time/clock';
import { OffsetChoice, repeatedHourOffsets } from '../../shared/time/offset-choice';
import { WallClockTime } from '../../shared/time/wall-clock-time';
import { PauseWindowsApi } from '../pause-windows-api';
import { AnnouncedEntry, placeAnnouncedTime } from './announced-time';

/** The zones a window is likely announced in; any IANA zone may be typed. */
export const SUGGESTED_ZONES = ['Asia/Damascus', 'Europe/Istanbul', 'Asia/Beirut', 'Asia/Amman', 'UTC'];

const LIMITS = {
  announcedBy: PAUSE_WINDOW_LIMITS.announcedByMaxLength,
  sourceText: PAUSE_WINDOW_LIMITS.sourceTextMaxLength,
  notes: PAUSE_WINDOW_LIMITS.notesMaxLength,
  reason: PAUSE_WINDOW_LIMITS.reasonMaxLength,
} as const;

/** Request fields whose form control has another name. */
const CONTROL_FOR_FIELD: Readonly<Record<string, string>> = {
  'start.date': 'startDate',
  'start.time': 'startTime',
  'start.offset': 'startTime',
  start: 'startTime',
  'end.date': 'endDate',
  'end.time': 'endTime',
  'end.offset': 'endTime',
  end: 'endTime',
  areaIds: 'areaSearch',
};

type Edge = 'start' | 'end';

function createWindowForm(today: string) {
  return new FormGroup({
    announcedBy: new FormControl('', { nonNullable: true, validators: [requiredText, Validators.maxLength(LIMITS.announcedBy)] }),
    sourceText: new FormControl('', { nonNullable: true, validators: [requiredText, Validators.maxLength(LIMITS.sourceText)] }),
    zone: new FormControl(DEFAULT_TIME_ZONE, { nonNullable: true, validators: [requiredText, ianaZone] }),
    startsNow: new FormControl(true, { nonNullable: true }),
    startDate: new FormControl(today, { nonNullable: true }),
    startTime: new FormControl('', { nonNullable: true }),
    startOffset: new FormControl('', { nonNullable: true }),
    endDate: new FormControl('', { nonNullable: true }),
    endTime: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    endOffset: new FormControl('', { nonNullable: true }),
    routeIds: new FormControl<string[]>([], { nonNullable: true }),
    areaSearch: new FormControl<LocationFieldValue>(null, [optionChosen]),
    notes: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(LIMITS.notes)] }),
    // Only when correcting a window: why.
    reason: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(LIMITS.reason)] }),
  });
}

type WindowControlName = keyof ReturnType<typeof createWindowForm>['controls'];

function ianaZone(control: AbstractControl<string>): ValidationErrors | null {
  return control.value && !isValidTimeZone(control.value.trim()) ? { zone: true } : null;
}

/**
 * Records a pause window as it was announced (or, at `/pause-windows/:id/correct`, enters one
 * again as it should have been, with the reason: the same fields, filled in from the window): who, the words, the zone, and the times on that
 * zone's wall clock ("until 18:00"), read back as instants in the zone and the viewer's time
 * before sending. A time that happened twice (the night the clocks go back) is asked about
 * rather than guessed, whether the form or the API notices it first.
 */
@Component({
  selector: 'rl-pause-window-form',
  imports: [
    LoadStatus,
    LocationField,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    OffsetChoice,
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    WallClockTime,
  ],
  providers: [{ provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { subscriptSizing: 'dynamic' } }],
  templateUrl: './pause-window-form.html',
  styleUrl: './pause-window-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PauseWindowForm {
  private readonly api = inject(PauseWindowsApi);
  private readonly lookups = inject(LookupsApi);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly clock = inject(Clock);
  private readonly language = inject(LanguageService);
  private readonly messages = inject(ProblemMessages);
  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);
  /** Made when the form opens: a correction sent again after a lost answer is recorded once. */
  private readonly correctionKey = inject(NEW_CLIENT_ID)();

  /** Route parameter `:id`: the window to correct; absent when announcing a new one. */
  readonly id = input<string>();

  protected readonly limits = LIMITS;
  protected readonly correcting = computed(() => !!this.id());
  protected readonly corrected = apiResource(
    computed(() => this.id() || undefined),
    (id) => this.api.getWindow(id),
    { onLoaded: (window) => this.fillFrom(window) },
  );
  protected readonly stale = signal(false);
  protected readonly zones = SUGGESTED_ZONES;
  protected readonly routes = apiResource(signal(true), () => this.lookups.listRoutes());
  protected readonly form = createWindowForm(wallClockAt(this.clock.now(), DEFAULT_TIME_ZONE).date);
  protected readonly submission = new FormSubmission(this.form, { focusFirstField: true, controlFor: CONTROL_FOR_FIELD });
  protected readonly areas = signal<LocationChoice[]>([]);

  private readonly value = formValue(this.form);
  /** Offsets the API listed for a time it found twice on the clock, until that time is edited. */
  private readonly offsetsFromServer = signal<Partial<Record<Edge, string[]>>>({});

  protected readonly startsAt = computed(() => this.place('start', this.entry('start')));
  protected readonly endsAt = computed(() => this.place('end', this.entry('end')));
  protected readonly startOffsets = computed(() => this.offsetsFor('start'));
  protected readonly endOffsets = computed(() => this.offsetsFor('end'));

  constructor() {
    const { startDate, startTime, startOffset, startsNow, endDate, endTime, endOffset, zone, areaSearch } = this.form.controls;
    // A new time (or zone) is a new question: any offset chosen or listed for the old one goes.
    merge(startDate.valueChanges, startTime.valueChanges, startsNow.valueChanges, zone.valueChanges)
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.forgetOffset('start'));
    merge(endDate.valueChanges, endTime.valueChanges, zone.valueChanges)
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.forgetOffset('end'));
    // The offset answers the API's question about that time: its reason no longer stands.
    startOffset.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => startTime.updateValueAndValidity({ emitEvent: false }));
    endOffset.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => endTime.updateValueAndValidity({ emitEvent: false }));
    startsNow.valueChanges.pipe(takeUntilDestroyed()).subscribe((now) => {
      startTime.setValidators(now ? [] : [Validators.required]);
      startTime.updateValueAndValidity({ emitEvent: false });
    });
    areaSearch.valueChanges
      .pipe(
        filter((value): value is LocationChoice => value !== null && typeof value === 'object'),
        takeUntilDestroyed(),
      )
      .subscribe((area) => {
        this.areas.update((areas) => (areas.some((known) => known.id === area.id) ? areas : [...areas, area]));
        areaSearch.setValue(null);
        this.form.controls.routeIds.updateValueAndValidity();
      });
  }

  protected removeArea(id: string): void {
    this.areas.update((areas) => areas.filter((area) => area.id !== id));
  }

  protected errorFor(name: WindowControlName): string {
    const errors = this.form.controls[name].errors;
    if (!errors) return '';
    if (typeof errors['server'] === 'string') return errors['server'];
    const t = (key: string, params?: Record<string, number>) => this.language.t(key, params);
    if (errors['zone']) return t('pause-windows.form.notZone');
    if (errors['noScope']) return t('pause-windows.form.noScope');
    if (errors['notChosen']) return t('pause-windows.form.chooseArea');
    if (errors['maxlength']) return t('form.atMostCharacters', { max: errors['maxlength'].requiredLength as number });
    if (errors['required']) return name === 'endTime' ? t('pause-windows.form.endTimeRequired') : t('pause-windows.form.required');
    return t('form.checkValue');
  }

  /** Why a start or end typed cannot be placed (skipped by the clocks, passed), in the user's language. */
  protected refusal(edge: Edge, refusal: Refusal): string {
    return this.messages.fieldReason({ field: edge, reason: refusal.message, code: refusal.code, params: refusal.params });
  }

  protected announceWindow(): void {
    const { routeIds } = this.form.controls;
    if (routeIds.value.length === 0 && this.areas().length === 0) {
      routeIds.setErrors({ noScope: true });
      routeIds.markAsTouched();
    }
    const window = this.corrected.value();
    if (this.correcting()) {
      if (window) this.correctWindow(window);
      return;
    }
    this.submission.submit(
      () => this.api.announceWindow(this.toRequest()),
      () => {
        this.snackBar.open(this.language.t('pause-windows.form.announced'), undefined, { duration: 3000 });
        void this.router.navigateByUrl('/pause-windows');
      },
      (problem) => this.noteRepeatedHours(problem),
    );
  }

  protected reloadCorrected(): void {
    this.stale.set(false);
    this.corrected.reload();
  }

  private correctWindow(window: PauseWindowDetailResponse): void {
    const { reason } = this.form.controls;
    if (!reason.value.trim()) {
      reason.setErrors({ required: true });
      reason.markAsTouched();
    }
    const { notes: _notes, ...request } = this.toRequest();
    this.submission.submit(
      () =>
        this.api.correctWindow(
          window.id,
          { ...request, start: announcedTime(this.entry('start')), reason: reason.value.trim(), version: window.version },
          this.correctionKey,
        ),
      (saved) => {
        this.snackBar.open(this.language.t('pause-windows.page.correctedConfirmation'), undefined, { duration: 3000 });
        void this.router.navigate(['/pause-windows', saved.id]);
      },
      (problem) => {
        this.stale.set(problem.status === 409);
        this.noteRepeatedHours(problem);
        // The summary above the form says what went wrong: focus it, so it is read out first.
        setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>('.error-summary')?.focus());
        return undefined;
      },
    );
  }

  /** The window as entered, in the form: times on its own clock, with their dates. */
  private fillFrom(window: PauseWindowDetailResponse): void {
    this.form.patchValue({
      announcedBy: window.announcedBy,
      sourceText: window.sourceText,
      zone: window.zone,
      startsNow: false,
      startDate: window.startsLocal.date,
      startTime: window.startsLocal.time,
      endDate: window.endsLocal.date,
      endTime: window.endsLocal.time,
      routeIds: window.routes.map((route) => route.id),
      notes: window.notes ?? '',
    });
    this.areas.set(window.areas.map((area) => ({ id: area.id, pcode: area.pcode, nameEn: area.nameEn, nameAr: '' })));
  }

  private entry(edge: Edge): AnnouncedEntry {
    const value = this.value();
    return edge === 'start'
      ? { date: value.startDate, time: value.startTime, offset: value.startOffset }
      : { date: value.endDate, time: value.endTime, offset: value.endOffset };
  }

  /** Where the start or end lands, as the API will place it; the end counts from the start. */
  private place(edge: Edge, entry: AnnouncedEntry): LocalTimeResolution | undefined {
    const { startsNow, zone } = this.value();
    const now = this.clock.now();
    if (edge === 'start') {
      return startsNow ? { kind: 'exact', instant: now.toISOString(), offset: '' } : placeAnnouncedTime({ entry, zone: zone.trim(), after: now });
    }
    const start = this.startsAt();
    return placeAnnouncedTime({ entry, zone: zone.trim(), after: start?.kind === 'exact' ? new Date(start.instant) : now });
  }

  // Placed without the offset, so the choice stays on offer once made.
  private offsetsFor(edge: Edge): string[] | undefined {
    const placed = this.place(edge, { ...this.entry(edge), offset: '' });
    if (placed?.kind === 'ambiguous') return placed.candidates.map((candidate) => candidate.offset);
    return this.offsetsFromServer()[edge];
  }

  private forgetOffset(edge: Edge): void {
    const offset = edge === 'start' ? this.form.controls.startOffset : this.form.controls.endOffset;
    if (offset.value !== '') offset.setValue('');
    this.offsetsFromServer.update((offsets) => ({ ...offsets, [edge]: undefined }));
  }

  /** The API found a time twice on the clock: offer its offsets under that time. The usual message still shows. */
  private noteRepeatedHours(problem: Problem): undefined {
    for (const error of problem.errors ?? []) {
      const edge = error.field.startsWith('start') ? 'start' : error.field.startsWith('end') ? 'end' : undefined;
      const offsets = repeatedHourOffsets(error);
      if (edge && offsets) this.offsetsFromServer.update((known) => ({ ...known, [edge]: offsets }));
    }
    return undefined;
  }

  private toRequest(): CreatePauseWindowRequest {
    const value = this.form.getRawValue();
    const notes = value.notes.trim();
    return {
      announcedBy: value.announcedBy.trim(),
      sourceText: value.sourceText.trim(),
      zone: value.zone.trim(),
      ...(value.startsNow ? {} : { start: announcedTime(this.entry('start')) }),
      end: announcedTime(this.entry('end')),
      routeIds: value.routeIds,
      areaIds: this.areas().map((area) => area.id),
      ...(notes ? { notes } : {}),
    };
  }
}

function announcedTime({ date, time, offset }: AnnouncedEntry): AnnouncedTime {
  return { ...(date ? { date } : {}), time, ...(offset ? { offset } : {}) };
}
