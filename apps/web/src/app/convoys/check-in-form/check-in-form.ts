import { ChangeDetectionStrategy, Component, inject, input, output, signal, viewChild } from '@angular/core';
import { FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { CheckInRequest, ConvoyEventResponse } from '@relief-ledger/domain';

import { NEW_CLIENT_ID } from '../../shared/client-id/client-id';
import { FormSubmission, notSentMessage } from '../../shared/forms/form-submission';
import { optionChosen } from '../../shared/forms/option-chosen';
import { chosenLocationId, LocationField, LocationFieldValue } from '../../shared/location-field/location-field';
import { describeWallClockShort } from '../../shared/time/zoned-time';
import { CHECK_IN_KEY_REUSED_CODE, ConvoysApi, RecordedCheckIn } from '../convoys-api';
import { LanguageService } from '../../core/i18n/language.service';

export const PLACE_MAX_LENGTH = 500;
export const NOTE_MAX_LENGTH = 2000;

export const CHECK_IN_KEY_REUSED_MESSAGE =
  'An earlier press already recorded a check-in with other details: it reached the server, but the answer was lost on the way back. ' +
  'Press "Check in" again to send this one as a new check-in.';

/**
 * "We are here, all well": the check-in from the road, on a phone. The client id is made when the
 * form opens and kept through failed sends, so pressing again after a dropped connection sends
 * the same check-in, which the server records once; it is replaced once the server confirmed.
 */
@Component({
  selector: 'rl-check-in-form',
  imports: [LocationField, MatButtonModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule],
  providers: [{ provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { subscriptSizing: 'dynamic' } }],
  templateUrl: './check-in-form.html',
  styleUrl: './check-in-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CheckInForm {
  private readonly language = inject(LanguageService);
  private readonly api = inject(ConvoysApi);
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
    notSentMessage: notSentMessage({ button: 'Check in', record: 'check-in' }),
  });
  protected readonly confirmation = signal<string | undefined>(undefined);

  private clientId = this.newClientId();

  protected errorFor(name: 'location' | 'place' | 'note'): string {
    const errors = this.form.controls[name].errors;
    if (!errors) return '';
    if (typeof errors['server'] === 'string') return errors['server'];
    if (errors['notChosen']) return 'Choose a location from the list, or clear it and say the place below';
    if (errors['maxlength']) return `At most ${errors['maxlength'].requiredLength} characters`;
    return 'Check this value';
  }

  protected checkIn(): void {
    this.confirmation.set(undefined);
    this.submission.submit(
      () => this.api.checkIn(this.convoyId(), this.toRequest()),
      (recorded) => this.startNextCheckIn(recorded),
      (problem) => {
        if (problem.code !== CHECK_IN_KEY_REUSED_CODE) return undefined;
        this.clientId = this.newClientId();
        return CHECK_IN_KEY_REUSED_MESSAGE;
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

  private startNextCheckIn({ event, replayed }: RecordedCheckIn): void {
    const at = describeWallClockShort({ instant: event.occurredAt, zone: this.zone() }, this.language.words());
    const where = event.place ?? event.locationName;
    const said = `Checked in at ${at}${where ? `, ${where}` : ''}.`;
    this.confirmation.set(replayed ? `${said} (An earlier press had already reached the server; it is recorded once.)` : said);
    this.clientId = this.newClientId();
    this.formDirective().resetForm({ location: null, place: '', note: '' });
    this.checkedIn.emit(event);
  }
}
