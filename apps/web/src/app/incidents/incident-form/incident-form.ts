import { ChangeDetectionStrategy, Component, computed, inject, signal, viewChild } from '@angular/core';
import { FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { CreateIncidentRequest, DEFAULT_TIME_ZONE, IncidentKind, Problem, wallClockAt } from '@relief-ledger/domain';
import { forkJoin, map } from 'rxjs';

import { ConvoysApi } from '../../convoys/convoys-api';
import { LanguageService } from '../../core/i18n/language.service';
import { Outbox } from '../../core/outbox/outbox';
import { apiResource } from '../../shared/api-resource/api-resource';
import { NEW_CLIENT_ID } from '../../shared/client-id/client-id';
import { FormSubmission, notSentText } from '../../shared/forms/form-submission';
import { optionChosen } from '../../shared/forms/option-chosen';
import { IncidentDetails, incidentDetailControls } from '../../shared/incident-fields/incident-details';
import { IncidentKindPicker } from '../../shared/incident-fields/incident-kind-picker';
import { LoadStatus } from '../../shared/load-status/load-status';
import { chosenLocationId, LocationField, LocationFieldValue } from '../../shared/location-field/location-field';
import { LookupsApi } from '../../shared/lookups/lookups-api';
import { Clock } from '../../shared/time/clock';
import { WhenFields, whenControls, whenInstant } from '../../shared/time/when-fields';
import { INCIDENT_KEY_REUSED_CODE, incidentDraft, readSentIncident, ReportedIncident } from '../incidents-api';
import { reportConfirmation } from './report-confirmation';

export const PLACE_MAX_LENGTH = 500;

/** Request fields whose form control has another name. */
const CONTROL_FOR_FIELD: Readonly<Record<string, string>> = { locationId: 'location', occurredAt: 'whenTime' };

/**
 * Incidents carry no zone of their own: they happen in the design area and are shown on its clock
 * (the incident page, the lists), so they are typed on it too, whatever the phone's own zone
 * (a phone on Turkish time was an hour ahead of Idlib in December 2019).
 */
const ZONE = DEFAULT_TIME_ZONE;

function createIncidentForm(clock: Clock) {
  return new FormGroup({
    kind: new FormControl<IncidentKind | null>(null, [Validators.required]),
    ...whenControls(clock, ZONE),
    routeId: new FormControl('', { nonNullable: true }),
    location: new FormControl<LocationFieldValue>(null, [optionChosen]),
    place: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(PLACE_MAX_LENGTH)] }),
    convoyId: new FormControl('', { nonNullable: true }),
    ...incidentDetailControls(),
  });
}

type IncidentControlName = keyof ReturnType<typeof createIncidentForm>['controls'];

/** How much of the description the outbox page shows beside the kind. */
const SUMMARY_MAX_LENGTH = 60;

/**
 * Reports an incident, fast, on a phone: what happened as one tap, when (now unless said), where,
 * which of the organisation's convoys, casualties and a description. Shared with every
 * organisation at once. The client id is made when the report starts and kept through failed
 * sends, so a re-send after a dropped connection records it once.
 */
@Component({
  selector: 'rl-incident-form',
  imports: [
    IncidentDetails,
    IncidentKindPicker,
    LoadStatus,
    LocationField,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    WhenFields,
  ],
  providers: [{ provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { subscriptSizing: 'dynamic' } }],
  templateUrl: './incident-form.html',
  styleUrl: './incident-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IncidentForm {
  private readonly outbox = inject(Outbox);
  private readonly language = inject(LanguageService);
  private readonly lookups = inject(LookupsApi);
  private readonly convoysApi = inject(ConvoysApi);
  private readonly newClientId = inject(NEW_CLIENT_ID);
  private readonly formDirective = viewChild.required(FormGroupDirective);

  protected readonly placeMaxLength = PLACE_MAX_LENGTH;
  protected readonly form = createIncidentForm(inject(Clock));
  protected readonly zone = ZONE;
  protected readonly submission = new FormSubmission(this.form, {
    controlFor: CONTROL_FOR_FIELD,
    notSentMessage: () => notSentText(this.language.t('incidents.form.send'), this.language.words()),
  });
  /** The report last recorded, said in the language on screen (and again after a switch). */
  private readonly reported = signal<ReportedIncident | undefined>(undefined);
  /** The last report stayed on this phone (no connection): the outbox sends it later. */
  private readonly queued = signal(false);
  protected readonly confirmation = computed(() => {
    const reported = this.reported();
    if (reported) return reportConfirmation(reported, this.language.words());
    return this.queued() ? this.language.t('outboxShared.savedOnPhone') : undefined;
  });

  /** The routes, and the organisation's convoys planned or on the road: the ones an incident can befall. */
  protected readonly choices = apiResource(signal(true), () =>
    forkJoin({
      routes: this.lookups.listRoutes(),
      convoys: this.convoysApi.listConvoys({ pageSize: 100 }).pipe(map((page) => page.items.filter((convoy) => convoy.status === 'departed' || convoy.status === 'planned'))),
    }),
  );
  protected readonly routes = computed(() => this.choices.value()?.routes ?? []);
  protected readonly convoys = computed(() => this.choices.value()?.convoys ?? []);

  private clientId = this.newClientId();
  /** The refused outbox entry this form was opened to fix ("Fix as new entry"): discarded once this one is kept. */
  private fixing: string | undefined;

  constructor() {
    const fix = this.outbox.takeFix('incident');
    if (fix) {
      const { kind, place, description, killed, injured, convoyId, routeId, occurredAt } = fix.body as Partial<CreateIncidentRequest>;
      this.fixing = fix.id;
      // The time the report was made (or typed) stays its time: a fix is not a new incident.
      const when = occurredAt ? wallClockAt(new Date(occurredAt), ZONE) : undefined;
      this.form.patchValue({ kind, place, description, killed, injured, convoyId, routeId, ...(when ? { whenDate: when.date, whenTime: when.time } : {}) });
      this.form.markAllAsTouched();
    }
  }

  protected errorFor(name: IncidentControlName): string {
    const errors = this.form.controls[name].errors;
    if (!errors) return '';
    if (typeof errors['server'] === 'string') return errors['server'];
    if (name === 'kind') return this.language.t('incidents.form.chooseKind');
    if (errors['notChosen']) return this.language.t('incidents.form.chooseLocation');
    if (errors['maxlength']) return this.language.t('form.atMostCharacters', { max: errors['maxlength'].requiredLength as number });
    return this.language.t('form.checkValue');
  }

  protected reportIncident(): void {
    this.reported.set(undefined);
    this.queued.set(false);
    this.submission.submit(
      () => {
        const request = this.toRequest();
        const summary = `${this.language.t(`incidentKind.${request.kind}`)} · ${request.description.slice(0, SUMMARY_MAX_LENGTH)}`;
        return this.outbox.send({ ...incidentDraft(request, summary), replaces: this.fixing }, readSentIncident);
      },
      (outcome) => {
        this.fixing = undefined;
        this.startNextReport(outcome.sent ? { incident: outcome.value, replayed: outcome.replayed } : undefined);
      },
      (problem) => this.keyReused(problem),
    );
  }

  private keyReused(problem: Problem): string | undefined {
    if (problem.code !== INCIDENT_KEY_REUSED_CODE) return undefined;
    this.clientId = this.newClientId();
    return this.language.t('incidents.form.keyReused', { button: this.language.t('incidents.form.send') });
  }

  private toRequest(): CreateIncidentRequest & { clientId: string } {
    const value = this.form.getRawValue();
    const locationId = chosenLocationId(value.location);
    const place = value.place.trim();
    return {
      clientId: this.clientId,
      kind: value.kind as IncidentKind,
      ...this.occurredAt(),
      ...(value.routeId ? { routeId: value.routeId } : {}),
      ...(locationId ? { locationId } : {}),
      ...(place ? { place } : {}),
      ...(value.convoyId ? { convoyId: value.convoyId } : {}),
      killed: value.killed ?? 0,
      injured: value.injured ?? 0,
      description: value.description.trim(),
    };
  }

  /** The time typed, on the site's clock; none (now, stamped when the button is pressed) when both fields are empty. */
  private occurredAt(): { occurredAt?: string } {
    const at = whenInstant(this.form.controls, ZONE);
    return at ? { occurredAt: at } : {};
  }

  /** `reported` is undefined when the report stayed in the outbox. */
  private startNextReport(reported: ReportedIncident | undefined): void {
    this.reported.set(reported);
    this.queued.set(reported === undefined);
    this.clientId = this.newClientId();
    this.formDirective().resetForm({ kind: null, whenDate: '', whenTime: '', whenOffset: '', routeId: '', location: null, place: '', convoyId: '', killed: 0, injured: 0, description: '' });
  }
}
