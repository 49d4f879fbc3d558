import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  Injector,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { CreateDistributionRequest, ItemResponse, Problem, STOCK_LIMITS, StockPointResponse } from '@relief-ledger/domain';
import { forkJoin, map } from 'rxjs';

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
import { LoadStatus } from '../../shared/load-status/load-status';
import { describeQuantity } from '../../shared/lookups/describe-quantity';
import { localName } from '../../shared/lookups/local-name';
import { CampChoice, LookupsApi } from '../../shared/lookups/lookups-api';
import { DistributionDefaultsStore } from '../distribution-defaults';
import { distributionDraft, KEY_REUSED_CODE, readSentDistribution, RecordedDistribution } from '../distributions-api';

/** People counted per household until the user types the real number: the design-case family of five. */
export const PEOPLE_PER_HOUSEHOLD = 5;
/** The API's limits. */
export const DISTRIBUTION_QUANTITY_MAX = STOCK_LIMITS.quantityMax;
export const PEOPLE_MAX = STOCK_LIMITS.peopleMax;
export const NOTES_MAX_LENGTH = STOCK_LIMITS.notesMaxLength;

type DistributionControlName = 'campId' | 'itemId' | 'stockPointId' | 'quantity' | 'households' | 'people' | 'notes';

/** Translation keys: what to say under a field left empty. */
const REQUIRED_MESSAGES: Readonly<Record<Exclude<DistributionControlName, 'notes'>, string>> = {
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

interface Choices {
  camps: CampChoice[];
  items: ItemResponse[];
  stockPoints: StockPointResponse[];
}

/** What the confirmation needs of a send, captured when it starts (the selects may change meanwhile). */
export interface SentNames {
  camp: CampChoice;
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
  imports: [LoadStatus, MatButtonModule, MatFormFieldModule, MatInputModule, NumberInput, ReactiveFormsModule, RouterLink, TranslocoPipe],
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
  private readonly lookups = inject(LookupsApi);
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
  });

  protected readonly choices = apiResource(
    signal(true),
    () =>
      forkJoin({ camps: this.lookups.listCamps(), items: this.lookups.listItems(), stockPoints: this.lookups.listStockPoints() }).pipe(
        map((choices) => ({ ...choices, camps: choices.camps.filter((camp) => camp.status !== 'closed') })),
      ),
    { onLoaded: (choices) => this.applyDefaults(choices) },
  );
  // Named in the user's language: Arabic names for Arabic.
  protected readonly camps = computed(() => {
    const lang = this.language.lang();
    return (this.choices.value()?.camps ?? []).map((camp) => ({ id: camp.id, name: localName(camp, lang) }));
  });
  protected readonly items = computed(() => {
    const lang = this.language.lang();
    return (this.choices.value()?.items ?? []).map((item) => ({ id: item.id, name: localName(item, lang) }));
  });
  protected readonly stockPoints = computed(() => this.choices.value()?.stockPoints ?? []);

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

  constructor() {
    this.followHouseholdsWithPeople();
  }

  protected errorFor(name: DistributionControlName): string {
    const errors = this.form.controls[name].errors;
    if (!errors) return '';
    const words = this.language.words();
    if (typeof errors['server'] === 'string') return errors['server'];
    if (name === 'notes') return words.t('form.atMostCharacters', { max: NOTES_MAX_LENGTH });
    if (errors['fewerThanHouseholds'] !== undefined) {
      return words.t('distributions.form.fewerThanHouseholds', { households: errors['fewerThanHouseholds'] as number });
    }
    if (errors['required'] && (name === 'campId' || name === 'itemId' || name === 'stockPointId')) return words.t(REQUIRED_MESSAGES[name]);
    return countErrorMessage(errors, words.t(REQUIRED_MESSAGES[name]), words);
  }

  protected logDistribution(): void {
    if (this.saving()) return;
    this.problem.set(undefined);
    this.keyReused.set(false);
    this.logged.set(undefined);
    this.queued.set(false);
    if (this.form.invalid) {
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
      ...(notes ? { notes } : {}),
    };
  }

  private namesOf(request: CreateDistributionRequest): SentNames | undefined {
    const choices = this.choices.value();
    const camp = choices?.camps.find((candidate) => candidate.id === request.campId);
    const item = choices?.items.find((candidate) => candidate.id === request.itemId);
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
    this.formDirective().resetForm({ campId, itemId, stockPointId, quantity: null, households: null, people: null, notes: '' });
    this.peopleEdited = false;
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
  private applyDefaults(choices: Choices): void {
    const fix = this.outbox.takeFix('distribution');
    if (fix) {
      this.fixing = fix.id;
      this.form.patchValue(fix.body as Partial<CreateDistributionRequest>, { emitEvent: false });
      this.peopleEdited = true;
      this.form.markAllAsTouched();
      return;
    }
    const remembered = this.defaults.read();
    const controls = this.form.controls;
    const offer = (control: FormControl<string>, id: string | undefined, ids: readonly { id: string }[]) => {
      if (control.value === '' && id && ids.some((option) => option.id === id)) control.setValue(id);
    };
    offer(controls.campId, remembered.campId, choices.camps);
    offer(controls.itemId, remembered.itemId, choices.items);
    offer(controls.stockPointId, remembered.stockPointId, choices.stockPoints);
    // With no stock point remembered, the chosen camp's own store is the likely one.
    if (controls.stockPointId.value === '' && controls.campId.value !== '') {
      const store = choices.stockPoints.filter((point) => point.campId === controls.campId.value);
      if (store.length === 1) controls.stockPointId.setValue(store[0].id);
    }
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
