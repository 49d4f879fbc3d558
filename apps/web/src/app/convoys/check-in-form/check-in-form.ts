import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal, viewChild } from '@angular/core';
import { FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { CheckInRequest, CONVOY_LIMITS, ConvoyEventResponse } from '@relief-ledger/domain';

import { LanguageService } from '../../core/i18n/language.service';
import { LocalWords } from '../../core/i18n/local-words';
import { Outbox } from '../../core/outbox/outbox';
import { NEW_CLIENT_ID } from '../../shared/client-id/client-id';
import { FormSubmission, notSentText } from '../../shared/forms/form-submission';
import { optionChosen } from '../../shared/forms/option-chosen';
import { chosenLocationId, describeLocation, LocationField, LocationFieldValue } from '../../shared/location-field/location-field';
import { describeWallClockShort } from '../../shared/time/zoned-time';
import { CHECK_IN_KEY_REUSED_CODE, checkInDraft, readSentCheckIn, RecordedCheckIn } from '../convoys-api';

export const PLACE_MAX_LENGTH = 500;
export const NOTE_MAX_LENGTH = CONVOY_LIMITS.notesMaxLength;

/**
 * What the form says once the server recorded a check-in, in the user's language: "Checked in at
 * 15:55 Damascus, Ariha checkpoint.", and that a re-send was recorded once when it had it already.
 */
export function checkInConfirmation({ event, replayed }: RecordedCheckIn, zone: string, words: LocalWords): string {
  const time = describeWallClockShort({ instant: event.occurredAt, zone }, words);
  const place = event.place ?? event.locationName;
  const said = place ? words.t('convoys.checkIn.doneAt', { time, place }) : words.t('convoys.checkIn.done', { time });
  return replayed ? words.t('convoys.checkIn.replayed', { said }) : said;
}

/**
 * "We are here, all well": the check-in from the road, on a phone. It goes through the outbox
 * under a client id made when the form opens: with no connection it stays on the phone and is
 * sent later under that id, which the server records once.
 */
@Component({
  selector: 'rl-check-in-form',
  imports: [LocationField, MatButtonModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule, TranslocoPipe],
  providers: [{ provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { subscriptSizing: 'dynamic' } }],
  templateUrl: './check-in-form.html',
  styleUrl: './check-in-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CheckInForm {
  private readonly language = inject(LanguageService);
  private readonly outbox = inject(Outbox);
  private readonly newClientId = inject(NEW_CLIENT_ID);
  private readonly formDirective = viewChild.required(FormGroupDirective);

  readonly convoyId = input.required<string>();
  /** The route's zone, for the time in the confirmation. */
  readonly zone = input.required<string>();
  readonly checkedIn = output<ConvoyEventResponse>();

  protected readonly placeMaxLength = PLACE_MAX_LENGTH;
  protected readonly noteMaxLength = NOTE_MAX_LENGTH;
  protected readonly form = new FormGroup({
    location: new FormControl<LocationFieldValue>(null, [optionChosen]),
    place: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(PLACE_MAX_LENGTH)] }),
    note: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(NOTE_MAX_LENGTH)] }),
  });
  protected readonly submission = new FormSubmission(this.form, {
    controlFor: { locationId: 'location' },
    notSentMessage: () => notSentText(this.language.t('convoys.checkIn.send'), this.language.words()),
  });
  /** The check-in last recorded, said in the language on screen (and again after a switch). */
  private readonly recorded = signal<RecordedCheckIn | undefined>(undefined);
  /** The last check-in stayed on this phone (no connection): the outbox sends it later. */
  private readonly queued = signal(false);
  protected readonly confirmation = computed(() => {
    const recorded = this.recorded();
    if (recorded) return checkInConfirmation(recorded, this.zone(), this.language.words());
    return this.queued() ? this.language.t('outboxShared.savedOnPhone') : undefined;
  });

  private clientId = this.newClientId();

  protected errorFor(name: 'location' | 'place' | 'note'): string {
    const errors = this.form.controls[name].errors;
    if (!errors) return '';
    if (typeof errors['server'] === 'string') return errors['server'];
    if (errors['notChosen']) return this.language.t('convoys.checkIn.chooseLocation');
    if (errors['maxlength']) return this.language.t('form.atMostCharacters', { max: errors['maxlength'].requiredLength as number });
    return this.language.t('form.checkValue');
  }

  protected checkIn(): void {
    this.recorded.set(undefined);
    this.queued.set(false);
    this.submission.submit(
      () => {
        const request = this.toRequest();
        const summary = describeLocation(this.form.controls.location.value) || (request.place ?? '');
        return this.outbox.send(checkInDraft(this.convoyId(), request, summary), readSentCheckIn);
      },
      (outcome) => this.startNextCheckIn(outcome.sent ? { event: outcome.value, replayed: outcome.replayed } : undefined),
      (problem) => {
        if (problem.code !== CHECK_IN_KEY_REUSED_CODE) return undefined;
        this.clientId = this.newClientId();
        return this.language.t('convoys.checkIn.keyReused', { button: this.language.t('convoys.checkIn.send') });
      },
    );
  }

  private toRequest(): CheckInRequest & { clientId: string } {
    const { location, place, note } = this.form.getRawValue();
    const locationId = chosenLocationId(location);
    return {
      clientId: this.clientId,
      ...(locationId ? { locationId } : {}),
      ...(place.trim() ? { place: place.trim() } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
  }

  /** `recorded` is undefined when the check-in stayed in the outbox. */
  private startNextCheckIn(recorded: RecordedCheckIn | undefined): void {
    this.recorded.set(recorded);
    this.queued.set(recorded === undefined);
    this.clientId = this.newClientId();
    this.formDirective().resetForm({ location: null, place: '', note: '' });
    if (recorded) this.checkedIn.emit(recorded.event);
  }
}
