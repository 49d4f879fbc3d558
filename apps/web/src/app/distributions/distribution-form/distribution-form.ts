import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  Injector,
  Signal,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { CreateDistributionRequest, DEFAULT_TIME_ZONE, ItemResponse, Problem, Refusal, STOCK_LIMITS } from '@relief-ledger/domain';
import { map } from 'rxjs';

import { LanguageService } from '../../core/i18n/language.service';
import { LocalWords } from '../../core/i18n/local-words';
import { NumberInput } from '../../core/i18n/number-input';
import { Outbox } from '../../core/outbox/outbox';
import { ProblemMessages } from '../../core/problems/problem-messages';
import { NETWORK_PROBLEM_TYPE, toProblem } from '../../core/problems/to-problem';
import { apiResource } from '../../shared/api-resource/api-resource';
import { NEW_CLIENT_ID } from '../../shared/client-id/client-id';
import { countErrorMessage, wholeNumber } from '../../shared/forms/count-validators';
import { notSentText } from '../../shared/forms/form-submission';
import { placeFieldErrors } from '../../shared/forms/place-field-errors';
import { AsOfNotice } from '../../shared/field-kit/as-of-notice';
import { FieldKitSnapshot, FieldKitStore } from '../../shared/field-kit/field-kit-store';
import { LoadStatus } from '../../shared/load-status/load-status';
import { formatNumber } from '../../core/i18n/intl-format';
import { describeQuantity } from '../../shared/lookups/describe-quantity';
import { localName } from '../../shared/lookups/local-name';
import { CampChoice } from '../../shared/lookups/lookups-api';
import { Clock } from '../../shared/time/clock';
import { OffsetChoice } from '../../shared/time/offset-choice';
import { instantOfEntry, notLaterThanNow, wallClockNow } from '../../shared/time/entered-instant';
import { repeatedOffsets, wallClockEntryValidator } from '../../shared/time/wall-clock-entry';
import { zoneName } from '../../shared/time/zoned-time';
import { DistributionDefaultsStore } from '../distribution-defaults';
import { distributionDraft, KEY_REUSED_CODE, readSentDistribution, RecordedDistribution } from '../distributions-api';

/** People counted per household until the user types the real number: the design-case family of five. */
export const PEOPLE_PER_HOUSEHOLD = 5;
/** The API's limits. */
export const DISTRIBUTION_QUANTITY_MAX = STOCK_LIMITS.quantityMax;
export const PEOPLE_MAX = STOCK_LIMITS.peopleMax;
export const NOTES_MAX_LENGTH = STOCK_LIMITS.notesMaxLength;

type DistributionControlName = 'campId' | 'itemId' | 'stockPointId' | 'quantity' | 'households' | 'people' | 'notes' | 'distributedDate' | 'distributedTime';

/** Translation keys: what to say under a field left empty. */
const REQUIRED_MESSAGES: Readonly<Record<Exclude<DistributionControlName, 'notes'>, string>> = {
  distributedDate: 'distributions.form.required.when',
  distributedTime: 'distributions.form.required.when',
  campId: 'distributions.form.required.campId',
  itemId: 'distributions.form.required.itemId',
  stockPointId: 'distributions.form.required.stockPointId',
  quantity: 'distributions.form.required.quantity',
  households: 'distributions.form.required.households',
  people: 'distributions.form.required.people',
};

/** People in households: at least one person each, as the API checks. */
function peopleCoverHouseholds(control: AbstractControl<number | null>): ValidationErrors | null {
  const households: unknown = control.parent?.get('households')?.value;
  const people = control.value;
  if (people === null || !Number.isInteger(households) || people >= (households as number)) return null;
  return { fewerThanHouseholds: households };
}

/** An item as the item select offers it: what the chosen stock point holds of it, when it holds some. */
export interface ItemOption {
  id: string;
  label: string;
}

/** What the confirmation needs of a send, captured when it starts (the selects may change meanwhile). */
export interface SentNames {
  camp: Pick<CampChoice, 'id' | 'nameEn' | 'nameAr'>;
  item: ItemResponse;
  stockPointName: string;
}

/** A distribution the server confirmed, with the names it was sent with. */
export interface LoggedDistribution extends RecordedDistribution {
  names: SentNames | undefined;
}

/**
 * The confirmation in the user's language: "Logged: 20 family tents at Atmeh border camp (new). 480
 * left at Atmeh camp store.", with the camp's Arabic name in Arabic.
 */
export function describeLogged({ distribution, replayed, names }: LoggedDistribution, words: LocalWords): string {
  const left = distribution.stockLeft;
  const logged = names
    ? words.t('distributions.form.logged', {
        quantity: describeQuantity({ quantity: distribution.quantity, item: names.item }, words),
        camp: localName(names.camp, words.locale.lang),
        left,
        stockPoint: names.stockPointName,
      })
    : words.t('distributions.form.loggedShort', { left });
  return replayed ? words.t('distributions.form.replayed', { logged }) : logged;
}

/**
 * Logs one distribution: the fastest screen, built for a phone at a distribution point. The camp,
 * item and stock point of the last entry come back; people default to five per household.
 *
 * Every entry carries a client id made when the entry starts and goes through the outbox: with
 * no connection it stays on the phone ("saved on this phone") and the next entry starts; the
 * outbox sends it later under the same id, which the server records once. A refusal comes back
 * here with the same id, to be corrected in place.
 */
@Component({
  selector: 'rl-distribution-form',
  imports: [AsOfNotice, LoadStatus, MatButtonModule, MatFormFieldModule, MatInputModule, NumberInput, OffsetChoice, ReactiveFormsModule, RouterLink, TranslocoPipe],
  providers: [{ provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { subscriptSizing: 'dynamic' } }],
  templateUrl: './distribution-form.html',
  styleUrl: './distribution-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DistributionForm {
  private readonly problemMessages = inject(ProblemMessages);
  private readonly language = inject(LanguageService);
  private readonly outbox = inject(Outbox);
  private readonly destroyRef = inject(DestroyRef);
  private readonly fieldKit = inject(FieldKitStore);
  private readonly clock = inject(Clock);
  private readonly defaults = inject(DistributionDefaultsStore);
  private readonly newClientId = inject(NEW_CLIENT_ID);
  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);
  private readonly injector = inject(Injector);
  private readonly formDirective = viewChild.required(FormGroupDirective);

  protected readonly notesMaxLength = NOTES_MAX_LENGTH;
  protected readonly peoplePerHousehold = PEOPLE_PER_HOUSEHOLD;
  protected readonly form = new FormGroup({
    campId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    itemId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    stockPointId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    quantity: new FormControl<number | null>(null, [
      Validators.required,
      Validators.min(1),
      Validators.max(DISTRIBUTION_QUANTITY_MAX),
      wholeNumber,
    ]),
    households: new FormControl<number | null>(null, [Validators.required, Validators.min(0), Validators.max(PEOPLE_MAX), wholeNumber]),
    people: new FormControl<number | null>(null, [
      Validators.required,
      Validators.min(0),
      Validators.max(PEOPLE_MAX),
      wholeNumber,
      peopleCoverHouseholds,
    ]),
    notes: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(NOTES_MAX_LENGTH)] }),
    // When it was handed out, on the camp's wall clock; follows the clock until the person changes it.
    distributedDate: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    distributedTime: new FormControl('', {
      nonNullable: true,
      validators: [
        Validators.required,
        // Read through the parent: the validators first run while the form is being built.
        wallClockEntryValidator((control) => (control.parent ? { entry: this.whenEntry(), zone: this.zone() } : undefined)),
        notLaterThanNow((control) => ({ at: control.parent ? instantOfEntry(this.whenEntry(), this.zone()) : undefined, now: this.clock.now() })),
      ],
    }),
    distributedOffset: new FormControl('', { nonNullable: true }),
  });
  private readonly value = toSignal(this.form.valueChanges.pipe(map(() => this.form.getRawValue())), { initialValue: this.form.getRawValue() });

  /** The field kit, from the server or, offline, as this phone kept it: one request before the form can be used. */
  protected readonly choices = apiResource(
    signal(true),
    () => this.fieldKit.load().pipe(map((snapshot) => ({ ...snapshot, kit: { ...snapshot.kit, camps: snapshot.kit.camps.filter((camp) => camp.status !== 'closed') } }))),
    { onLoaded: (snapshot) => this.applyDefaults(snapshot) },
  );
  /** Set when the lookups on show are this phone's copy: the form says from when. */
  protected readonly cachedAsOf = computed(() => {
    const snapshot = this.choices.value();
    return snapshot?.fromCache ? { asOf: snapshot.kit.asOf, zone: snapshot.kit.zone } : undefined;
  });
  // Named in the user's language: Arabic names for Arabic.
  protected readonly camps = computed(() => {
    const lang = this.language.lang();
    return (this.choices.value()?.kit.camps ?? []).map((camp) => ({ id: camp.id, name: localName(camp, lang) }));
  });
  /**
   * What the chosen stock point holds first, most first, with the quantity; the rest of the
   * catalogue below, for an item the phone's copy does not know arrived (the server checks).
   */
  protected readonly itemOptions = computed(() => {
    const words = this.language.words();
    const kit = this.choices.value()?.kit;
    const point = kit?.stockPoints.find((candidate) => candidate.id === this.value().stockPointId);
    const items = new Map((kit?.items ?? []).map((item) => [item.id, item]));
    const held: ItemOption[] = (point?.levels ?? []).flatMap(({ itemId, quantity }) => {
      const item = items.get(itemId);
      return item ? [{ id: item.id, label: words.t('distributions.form.itemHeld', { item: localName(item, words.locale.lang), quantity: formatNumber(quantity, words.locale) }) }] : [];
    });
    const heldIds = new Set(held.map((option) => option.id));
    const others: ItemOption[] = [...items.values()].filter((item) => !heldIds.has(item.id)).map((item) => ({ id: item.id, label: localName(item, words.locale.lang) }));
    return { held, others, heldLabel: point ? words.t('distributions.form.held', { stockPoint: point.name }) : '' };
  });
  protected readonly stockPoints = computed(() => this.choices.value()?.kit.stockPoints ?? []);
  /** The chosen camp's zone: a distribution is entered on the camp's clock. */
  protected readonly zone: Signal<string> = computed(() => {
    const kit = this.choices.value()?.kit;
    return kit?.camps.find((camp) => camp.id === this.value().campId)?.zone ?? kit?.zone ?? DEFAULT_TIME_ZONE;
  });
  protected readonly zoneCity = computed(() => zoneName(this.zone(), this.language.words()));
  /** The two offsets of a time typed that happened twice (the night the clocks went back), to choose from. */
  protected readonly repeatedHour = computed(() => {
    const { distributedDate: date, distributedTime: time } = this.value();
    return repeatedOffsets({ date, time }, this.zone());
  });

  protected readonly saving = signal(false);
  /** The last distribution the server confirmed; said as "Logged: 20 family tents at …. 480 left at …." */
  private readonly logged = signal<LoggedDistribution | undefined>(undefined);
  /** The last entry stayed on this phone (no connection): the outbox sends it later. */
  private readonly queued = signal(false);
  protected readonly confirmation = computed(() => {
    const logged = this.logged();
    if (logged) return describeLogged(logged, this.language.words());
    return this.queued() ? this.language.t('outboxShared.savedOnPhone') : undefined;
  });
  protected readonly problem = signal<string | undefined>(undefined);
  /** The server has this client id for other figures: offer to log these as a separate distribution. */
  protected readonly keyReused = signal(false);

  /** The id of the entry being filled in; see the class comment. */
  private clientId = this.newClientId();
  /** The refused outbox entry this form was opened to fix ("Fix as new entry"): discarded once this one is kept. */
  private fixing: string | undefined;
  /** Set once the user types the number of people; until then it follows households × 5. */
  private peopleEdited = false;
  /** Set once the person changes the date or time; until then the entry is "now", read when it is logged. */
  private whenEdited = false;
  /** While the last entry's choices are put back: its stock point, not the camp's store, is the one to keep. */
  private applyingDefaults = false;

  constructor() {
    this.followHouseholdsWithPeople();
    this.followClockUntilEdited();
    this.preselectCampStore();
  }

  protected errorFor(name: DistributionControlName): string {
    const errors = this.form.controls[name].errors;
    if (!errors) return '';
    const words = this.language.words();
    if (typeof errors['server'] === 'string') return errors['server'];
    if (name === 'notes') return words.t('form.atMostCharacters', { max: NOTES_MAX_LENGTH });
    if (errors['wallClock']) {
      const refusal = errors['wallClock'] as Refusal;
      return this.problemMessages.fieldReason({ field: 'distributedAt', reason: refusal.message, code: refusal.code, params: refusal.params });
    }
    if (errors['repeatedHour']) return words.t('distributions.form.repeatedHour');
    if (errors['later']) return words.t('distributions.form.notLater');
    if (errors['fewerThanHouseholds'] !== undefined) {
      return words.t('distributions.form.fewerThanHouseholds', { households: errors['fewerThanHouseholds'] as number });
    }
    if (errors['required'] && (name === 'campId' || name === 'itemId' || name === 'stockPointId' || name === 'distributedDate' || name === 'distributedTime')) {
      return words.t(REQUIRED_MESSAGES[name]);
    }
    return countErrorMessage(errors, words.t(REQUIRED_MESSAGES[name]), words);
  }

  protected logDistribution(): void {
    if (this.saving()) return;
    this.problem.set(undefined);
    this.keyReused.set(false);
    this.logged.set(undefined);
    this.queued.set(false);
    // A typed time that stands for no instant (or two) is refused here even if a check was missed.
    if (this.form.invalid || this.distributedAt() === undefined) {
      this.form.controls.distributedTime.updateValueAndValidity();
      this.form.markAllAsTouched();
      this.focusFirstInvalidField();
      return;
    }
    const request = this.toRequest();
    const names = this.namesOf(request);
    this.saving.set(true);
    // Through the outbox: online the answer comes back as before; offline the entry waits on the phone.
    const summary = names
      ? `${describeQuantity({ quantity: request.quantity, item: names.item }, this.language.words())} · ${localName(names.camp, this.language.lang())}`
      : String(request.quantity);
    this.outbox
      .send({ ...distributionDraft(request, summary), replaces: this.fixing }, readSentDistribution)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (outcome) => {
          this.saving.set(false);
          this.fixing = undefined;
          if (outcome.sent) this.startNextEntry({ distribution: outcome.value, replayed: outcome.replayed }, names);
          else this.startNextEntry(undefined, names);
        },
        error: (error: unknown) => {
          this.saving.set(false);
          this.showProblem(toProblem(error));
        },
      });
  }

  /** After "already logged with other figures": these figures are another distribution. */
  protected logAsSeparateDistribution(): void {
    this.clientId = this.newClientId();
    this.logDistribution();
  }

  private toRequest(): CreateDistributionRequest & { clientId: string } {
    const value = this.form.getRawValue();
    const notes = value.notes.trim();
    return {
      clientId: this.clientId,
      campId: value.campId,
      itemId: value.itemId,
      stockPointId: value.stockPointId,
      quantity: value.quantity as number,
      households: value.households as number,
      people: value.people as number,
      distributedAt: this.distributedAt(),
      ...(notes ? { notes } : {}),
    };
  }

  /**
   * The instant to send: the one typed, or the moment of pressing while the fields still follow
   * the clock. Sent either way, so an entry that waits in the outbox keeps the time it was made.
   */
  private distributedAt(): string | undefined {
    if (!this.whenEdited) return instantOfEntry(wallClockNow(this.clock.now(), this.zone()), this.zone()) ?? this.clock.now().toISOString();
    // Typed: only ever the instant typed, never "now" in its place.
    return instantOfEntry(this.whenEntry(), this.zone());
  }

  private whenEntry(): { date: string; time: string; offset: string } {
    const { distributedDate: date, distributedTime: time, distributedOffset: offset } = this.form.getRawValue();
    return { date, time, offset };
  }

  private namesOf(request: CreateDistributionRequest): SentNames | undefined {
    const kit = this.choices.value()?.kit;
    const camp = kit?.camps.find((candidate) => candidate.id === request.campId);
    const item = kit?.items.find((candidate) => candidate.id === request.itemId);
    const stockPoint = this.stockPoints().find((candidate) => candidate.id === request.stockPointId);
    return camp && item && stockPoint ? { camp, item, stockPointName: stockPoint.name } : undefined;
  }

  /** `recorded` is undefined when the entry stayed in the outbox. */
  private startNextEntry(recorded: RecordedDistribution | undefined, names: SentNames | undefined): void {
    if (recorded) {
      const { distribution, replayed } = recorded;
      this.logged.set({ distribution, replayed, names });
      this.defaults.remember({ campId: distribution.campId ?? undefined, itemId: distribution.itemId, stockPointId: distribution.stockPointId });
    } else {
      this.queued.set(true);
      const { campId, itemId, stockPointId } = this.form.getRawValue();
      this.defaults.remember({ campId, itemId, stockPointId });
    }

    this.clientId = this.newClientId();
    // resetForm, not reset: it also forgets the submit, so the emptied figures are not marked in red.
    const { campId, itemId, stockPointId } = this.form.getRawValue();
    const now = wallClockNow(this.clock.now(), this.zone());
    this.formDirective().resetForm({
      campId,
      itemId,
      stockPointId,
      quantity: null,
      households: null,
      people: null,
      notes: '',
      distributedDate: now.date,
      distributedTime: now.time,
      distributedOffset: '',
    });
    this.peopleEdited = false;
    this.whenEdited = false;
    afterNextRender({ write: () => this.focusField('quantity') }, { injector: this.injector });
  }

  private showProblem(problem: Problem): void {
    if (problem.type === NETWORK_PROBLEM_TYPE) {
      this.problem.set(notSentText(this.language.t('distributions.form.log'), this.language.words()));
    } else if (problem.code === KEY_REUSED_CODE) {
      this.keyReused.set(true);
      this.problem.set(this.language.t('distributions.form.keyReused'));
    } else {
      // Not enough stock arrives as a 409 with "only 40 available" under Quantity.
      this.problem.set(placeFieldErrors(this.form, { ...problem, errors: problem.errors?.filter((error) => error.field !== 'clientId') }, this.problemMessages));
    }
    afterNextRender({ write: () => this.revealProblem() }, { injector: this.injector });
  }

  /** Puts back the last entry's camp, item and stock point, where they are still on offer; or the refused entry being fixed. */
  private applyDefaults({ kit }: FieldKitSnapshot): void {
    const fix = this.outbox.takeFix('distribution');
    if (fix) {
      this.fixing = fix.id;
      const body = fix.body as Partial<CreateDistributionRequest>;
      this.form.patchValue(body, { emitEvent: false });
      // The refused entry keeps the time it was made, shown on the camp's clock.
      if (body.distributedAt) {
        const at = wallClockNow(new Date(body.distributedAt), this.zone());
        this.form.patchValue({ distributedDate: at.date, distributedTime: at.time, distributedOffset: '' }, { emitEvent: false });
        this.whenEdited = true;
      }
      this.peopleEdited = true;
      this.form.markAllAsTouched();
      return;
    }
    const remembered = this.defaults.read();
    const controls = this.form.controls;
    const offer = (control: FormControl<string>, id: string | undefined, ids: readonly { id: string }[]) => {
      if (control.value === '' && id && ids.some((option) => option.id === id)) control.setValue(id);
    };
    this.applyingDefaults = true;
    offer(controls.campId, remembered.campId, kit.camps);
    offer(controls.itemId, remembered.itemId, kit.items);
    offer(controls.stockPointId, remembered.stockPointId, kit.stockPoints);
    this.applyingDefaults = false;
    // With no stock point remembered, the chosen camp's own store is the likely one.
    if (controls.stockPointId.value === '' && controls.campId.value !== '') this.chooseStoreOf(controls.campId.value);
    // The zone may have come with the camp: the time now reads on its clock.
    if (!this.whenEdited) this.showNow();
  }

  /** Choosing a camp chooses its own store, where the items at a camp usually come from. */
  private preselectCampStore(): void {
    this.form.controls.campId.valueChanges.pipe(takeUntilDestroyed()).subscribe((campId) => {
      if (!this.applyingDefaults && campId) this.chooseStoreOf(campId);
      this.form.controls.distributedTime.updateValueAndValidity({ emitEvent: false });
    });
  }

  private chooseStoreOf(campId: string): void {
    const store = this.choices.value()?.kit.camps.find((camp) => camp.id === campId)?.storeId;
    if (store && this.stockPoints().some((point) => point.id === store)) this.form.controls.stockPointId.setValue(store);
  }

  /**
   * Until the person types a date or time the fields read now, on the camp's clock, and move
   * with it; the instant sent is then the moment of pressing (see distributedAt).
   */
  private followClockUntilEdited(): void {
    const { distributedDate, distributedTime, distributedOffset } = this.form.controls;
    for (const control of [distributedDate, distributedTime]) {
      control.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => {
        this.whenEdited = true;
        // The offset belongs to one date and time: a new one starts without it, and the time is
        // checked again without it and with the new date (its validators ran before this).
        if (distributedOffset.value !== '') distributedOffset.setValue('', { emitEvent: false });
        distributedTime.updateValueAndValidity({ emitEvent: false });
      });
    }
    // Without emitting: the time's own change would forget the offset just chosen (and "now" would be sent).
    distributedOffset.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => distributedTime.updateValueAndValidity({ emitEvent: false }));
    effect(() => {
      this.clock.now();
      untracked(() => {
        if (!this.whenEdited) this.showNow();
      });
    });
  }

  private showNow(): void {
    const now = wallClockNow(this.clock.now(), this.zone());
    const { distributedDate, distributedTime } = this.form.controls;
    if (distributedDate.value === now.date && distributedTime.value === now.time) return;
    // Without an event, so that every event on these fields is the person typing.
    distributedDate.setValue(now.date, { emitEvent: false });
    distributedTime.setValue(now.time, { emitEvent: false });
  }

  private followHouseholdsWithPeople(): void {
    const { households, people } = this.form.controls;
    // Set without an event, so that every event on People is the user typing.
    people.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => (this.peopleEdited = true));
    households.valueChanges.pipe(takeUntilDestroyed()).subscribe((count) => {
      if (this.peopleEdited) {
        people.updateValueAndValidity({ emitEvent: false });
      } else {
        people.setValue(count === null || !Number.isInteger(count) ? null : count * PEOPLE_PER_HOUSEHOLD, { emitEvent: false });
      }
    });
  }

  private revealProblem(): void {
    const banner = this.host.nativeElement.querySelector<HTMLElement>('.rl-banner');
    banner?.scrollIntoView?.({ block: 'nearest' });
  }

  private focusField(name: DistributionControlName): void {
    this.host.nativeElement.querySelector<HTMLElement>(`[formControlName="${name}"]`)?.focus();
  }

  private focusFirstInvalidField(): void {
    this.host.nativeElement.querySelector<HTMLElement>('input.ng-invalid, select.ng-invalid, textarea.ng-invalid')?.focus();
  }
}
