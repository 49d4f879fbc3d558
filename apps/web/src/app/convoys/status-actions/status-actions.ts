import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { TranslocoPipe } from '@jsverse/transloco';
import { ConvoyDetailResponse, ConvoyStatusRequest, IncidentKind } from '@relief-ledger/domain';

import { LanguageService } from '../../core/i18n/language.service';
import { Outbox } from '../../core/outbox/outbox';
import { ProblemMessages } from '../../core/problems/problem-messages';
import { NETWORK_PROBLEM_TYPE, toProblem } from '../../core/problems/to-problem';
import { NEW_CLIENT_ID } from '../../shared/client-id/client-id';
import { ConfirmDialogData } from '../../shared/confirm-dialog/confirm-dialog';
import { confirmAction } from '../../shared/confirm-dialog/open-confirm-dialog';
import { notSentText } from '../../shared/forms/form-submission';
import { placeFieldErrors } from '../../shared/forms/place-field-errors';
import { IncidentDetails, incidentDetailControls } from '../../shared/incident-fields/incident-details';
import { IncidentKindPicker } from '../../shared/incident-fields/incident-kind-picker';
import { isStaleConvoyVersion, readSentStatusChange, statusChangeDraft } from '../convoys-api';
import { NextStatus, nextStatuses, STATUS_ACTIONS } from '../next-statuses';

/** The incident's fields arrive from the API as `incident.description` and so on. */
const CONTROL_FOR_FIELD: Readonly<Record<string, string>> = {
  'incident.kind': 'kind',
  'incident.killed': 'killed',
  'incident.injured': 'injured',
  'incident.description': 'description',
};

/**
 * The status buttons of a convoy: only the moves the transition table allows from where it is,
 * a confirmation before a final one, and for "struck" a short incident report sent with it.
 */
@Component({
  selector: 'rl-status-actions',
  imports: [IncidentDetails, IncidentKindPicker, MatButtonModule, ReactiveFormsModule, TranslocoPipe],
  templateUrl: './status-actions.html',
  styleUrl: './status-actions.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatusActions {
  private readonly problemMessages = inject(ProblemMessages);
  private readonly language = inject(LanguageService);
  private readonly outbox = inject(Outbox);
  private readonly destroyRef = inject(DestroyRef);
  private readonly dialog = inject(MatDialog);
  private readonly newClientId = inject(NEW_CLIENT_ID);

  readonly convoy = input.required<ConvoyDetailResponse>();
  /** The convoy as the API sent it back after the change. */
  readonly changed = output<ConvoyDetailResponse>();
  /** Someone else moved it first: load it again. */
  readonly stale = output<void>();

  protected readonly actions = STATUS_ACTIONS;
  protected readonly choices = computed(() => nextStatuses(this.convoy().status));
  protected readonly reportingStrike = signal(false);
  protected readonly incident = new FormGroup({
    kind: new FormControl<IncidentKind | null>(null, [Validators.required]),
    ...incidentDetailControls(),
  });
  protected readonly saving = signal(false);
  protected readonly problem = signal<string | undefined>(undefined);
  /** The last change stayed on this phone (no connection): the outbox sends it later. */
  protected readonly queued = signal(false);

  /**
   * The change tried last that may have reached the server (its answer was lost): pressing the
   * same status again re-sends it with the same client id, and the server answers the convoy as
   * it is now rather than refusing a move already made.
   */
  private unconfirmed: { status: NextStatus; clientId: string } | undefined;

  protected kindError(): string {
    const kind = this.incident.controls.kind;
    if (!kind.touched || !kind.errors) return '';
    return typeof kind.errors['server'] === 'string' ? kind.errors['server'] : this.language.t('convoys.actions.chooseKind');
  }

  protected choose(status: NextStatus): void {
    this.problem.set(undefined);
    if (status === 'struck') {
      this.reportingStrike.set(true);
      return;
    }
    this.reportingStrike.set(false);
    this.confirmThenSend(status, () => this.send({ status, version: this.convoy().version }));
  }

  protected reportStruck(): void {
    this.problem.set(undefined);
    if (this.incident.invalid) {
      this.incident.markAllAsTouched();
      return;
    }
    const { kind, killed, injured, description } = this.incident.getRawValue();
    this.confirmThenSend('struck', () =>
      this.send({
        status: 'struck',
        version: this.convoy().version,
        incident: { kind: kind as IncidentKind, killed: killed ?? 0, injured: injured ?? 0, description: description.trim() },
      }),
    );
  }

  protected cancelStrike(): void {
    this.reportingStrike.set(false);
    this.problem.set(undefined);
  }

  private confirmThenSend(status: NextStatus, send: () => void): void {
    const confirm = this.actions[status].confirm;
    if (!confirm) {
      send();
      return;
    }
    const t = (key: string) => this.language.t(key);
    const data: ConfirmDialogData = { title: t(confirm.title), message: t(confirm.message), confirmLabel: t(confirm.confirmLabel), cancelLabel: t(confirm.cancelLabel) };
    confirmAction(this.dialog, data).subscribe(send);
  }

  private send(change: ConvoyStatusRequest & { status: NextStatus }): void {
    if (this.saving()) return;
    const clientId = this.unconfirmed?.status === change.status ? this.unconfirmed.clientId : this.newClientId();
    const request = { ...change, clientId };
    const summary = `${this.language.t(STATUS_ACTIONS[change.status].label)} · ${this.convoy().name}`;
    this.saving.set(true);
    this.queued.set(false);
    this.outbox
      .send(statusChangeDraft(this.convoy().id, request, summary), readSentStatusChange)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (outcome) => {
          this.unconfirmed = undefined;
          this.saving.set(false);
          this.reportingStrike.set(false);
          this.incident.reset({ kind: null, killed: 0, injured: 0, description: '' });
          if (outcome.sent) this.changed.emit(outcome.value);
          else this.queued.set(true);
        },
        error: (error: unknown) => {
          this.saving.set(false);
          const problem = toProblem(error);
          this.unconfirmed = problem.type === NETWORK_PROBLEM_TYPE ? { status: change.status, clientId } : undefined;
          if (this.unconfirmed) {
            this.problem.set(notSentText(this.language.t(STATUS_ACTIONS[change.status].label), this.language.words()));
          } else if (isStaleConvoyVersion(problem)) {
            this.problem.set(this.language.t('convoys.actions.stale'));
            this.stale.emit();
          } else {
            // A refused move (409) says why in its detail; a refused incident names its fields.
            this.problem.set(request.incident ? placeFieldErrors(this.incident, problem, this.problemMessages, CONTROL_FOR_FIELD) : this.problemMessages.message(problem));
          }
        },
      });
  }
}
