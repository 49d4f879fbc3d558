import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { CampResponse } from '@relief-ledger/domain';
import { filter } from 'rxjs';

import { SessionStore } from '../../core/auth/session-store';
import { CalendarDatePipe, NumberPipe } from '../../core/i18n/format-pipes';
import { Instant } from '../../shared/time/instant';
import { formatNumber } from '../../core/i18n/intl-format';
import { LanguageService } from '../../core/i18n/language.service';
import { ProblemMessages } from '../../core/problems/problem-messages';
import { toProblem } from '../../core/problems/to-problem';
import { apiResource } from '../../shared/api-resource/api-resource';
import { LoadStatus } from '../../shared/load-status/load-status';
import { localName } from '../../shared/lookups/local-name';
import { CampCoverage } from '../camp-coverage/camp-coverage';
import { CampsApi } from '../camps-api';
import { CampStatusChip } from '../camp-status-chip/camp-status-chip';
import { isStaleVersion } from '../stale-version';
import { CloseCampDecision, CloseCampDialog, CloseCampDialogData } from '../close-camp-dialog/close-camp-dialog';

/** One camp: names, place, figures, coverage, and the Edit and Close actions for the roles that may write. */
@Component({
  selector: 'rl-camp-detail',
  imports: [CalendarDatePipe, CampCoverage, CampStatusChip, Instant, LoadStatus, MatButtonModule, NumberPipe, RouterLink, TranslocoPipe],
  templateUrl: './camp-detail.html',
  styleUrl: './camp-detail.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CampDetail {
  private readonly api = inject(CampsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly title = inject(Title);
  private readonly session = inject(SessionStore);
  private readonly language = inject(LanguageService);
  private readonly messages = inject(ProblemMessages);

  /** Route parameter `:id`. */
  readonly id = input.required<string>();

  protected readonly canWrite = computed(() => this.session.can('camps.write'));
  protected readonly camp = apiResource(
    computed(() => this.id() || undefined),
    (id) => this.api.getCamp(id),
    { onLoaded: (camp) => this.title.setTitle(`${localName(camp, this.language.lang())} · ${this.language.t('app.name')}`) },
  );
  protected readonly closing = signal(false);
  protected readonly closeProblem = signal<string | undefined>(undefined);
  protected readonly conflict = signal(false);
  /** "82%" of the capacity taken, in the user's language. */
  protected readonly occupancy = computed(() => {
    const camp = this.camp.value();
    if (!camp || camp.capacity <= 0) return undefined;
    return formatNumber(camp.population / camp.capacity, this.language.words().locale, { style: 'percent', maximumFractionDigits: 0 });
  });

  protected reloadCamp(): void {
    this.conflict.set(false);
    this.closeProblem.set(undefined);
    this.camp.reload();
  }

  protected confirmAndCloseCamp(): void {
    const camp = this.camp.value();
    if (!camp || this.closing()) return;
    this.dialog
      .open<CloseCampDialog, CloseCampDialogData, CloseCampDecision>(CloseCampDialog, {
        data: { campName: localName(camp, this.language.lang()) },
        autoFocus: 'dialog',
      })
      .afterClosed()
      .pipe(filter((decision): decision is CloseCampDecision => decision !== undefined))
      .subscribe((decision) => this.closeCamp(camp, decision));
  }

  private closeCamp(camp: CampResponse, decision: CloseCampDecision): void {
    this.closing.set(true);
    this.closeProblem.set(undefined);
    this.conflict.set(false);
    this.api.closeCamp(camp.id, { version: camp.version, ...decision }).subscribe({
      next: (closed) => {
        this.camp.value.set(closed);
        this.closing.set(false);
        this.snackBar.open(this.language.t('camps.detail.closed'), undefined, { duration: 3000 });
      },
      error: (error: unknown) => {
        const problem = toProblem(error);
        if (isStaleVersion(problem)) this.conflict.set(true);
        else this.closeProblem.set(this.messages.message(problem));
        this.closing.set(false);
      },
    });
  }
}
