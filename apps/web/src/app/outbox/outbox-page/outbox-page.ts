import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { DEFAULT_TIME_ZONE } from '@relief-ledger/domain';

import { LanguageService } from '../../core/i18n/language.service';
import { Outbox } from '../../core/outbox/outbox';
import { OutboxEntry, OutboxKind, OutboxState } from '../../core/outbox/outbox-entry';
import { ProblemMessages } from '../../core/problems/problem-messages';
import { confirmAction } from '../../shared/confirm-dialog/open-confirm-dialog';
import { describeMoment } from '../../shared/time/zoned-time';

/** Translation keys (common scope) of each kind. */
const KIND_LABELS: Readonly<Record<OutboxKind, string>> = {
  distribution: 'outboxShared.kind.distribution',
  'check-in': 'outboxShared.kind.checkIn',
  'convoy-status': 'outboxShared.kind.convoyStatus',
  incident: 'outboxShared.kind.incident',
};

/** Translation keys of each state. */
const STATE_LABELS: Readonly<Record<OutboxState, string>> = {
  waiting: 'outbox.state.waiting',
  sending: 'outbox.state.sending',
  sent: 'outbox.state.sent',
  'needs-attention': 'outbox.state.needs-attention',
};

/** Where "Fix as new entry" opens the form for each kind. */
export function fixPath(entry: Pick<OutboxEntry, 'kind' | 'url'>): string {
  if (entry.kind === 'distribution') return '/distributions/new';
  if (entry.kind === 'incident') return '/incidents/new';
  const convoy = /\/convoys\/([^/]+)\//.exec(entry.url)?.[1];
  return convoy ? `/convoys/${convoy}` : '/convoys';
}

interface EntryView {
  entry: OutboxEntry;
  kind: string;
  state: string;
  madeAt: string;
  /** For a refused entry: the server's reason, in the user's language. */
  problem: string | undefined;
}

/**
 * What this phone holds for the signed-in user: each entry with its state, when it was made (the
 * site's clock) and, when refused, why. Send now, discard after a confirmation, fix a refused one
 * as a new entry, or export them all as a file for someone to enter by hand.
 */
@Component({
  selector: 'rl-outbox-page',
  imports: [MatButtonModule, TranslocoPipe],
  templateUrl: './outbox-page.html',
  styleUrl: './outbox-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OutboxPage {
  private readonly outbox = inject(Outbox);
  private readonly language = inject(LanguageService);
  private readonly messages = inject(ProblemMessages);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);

  protected readonly unsent = this.outbox.unsentCount;
  protected readonly busy = signal(false);
  protected readonly views = computed<EntryView[]>(() => {
    const words = this.language.words();
    return this.outbox
      .entries()
      .slice()
      .reverse()
      .map((entry) => ({
        entry,
        kind: words.t(KIND_LABELS[entry.kind]),
        state: words.t(STATE_LABELS[entry.state]),
        madeAt: describeMoment({ instant: entry.createdAt, zone: DEFAULT_TIME_ZONE }, words),
        problem: entry.state === 'needs-attention' && entry.lastError ? this.messages.message(entry.lastError) : undefined,
      }));
  });

  constructor() {
    void this.outbox.refresh();
  }

  protected async sendNow(entry: OutboxEntry): Promise<void> {
    this.busy.set(true);
    try {
      await this.outbox.sendNow(entry.id);
    } finally {
      this.busy.set(false);
    }
  }

  protected discard(entry: OutboxEntry): void {
    const t = (key: string) => this.language.t(key);
    confirmAction(this.dialog, {
      title: t('outbox.discardTitle'),
      message: this.language.t('outbox.discardMessage', { summary: entry.summary }),
      confirmLabel: t('outbox.discard'),
      cancelLabel: t('outbox.keep'),
    }).subscribe(() => void this.outbox.discard(entry.id));
  }

  protected fixAsNew(entry: OutboxEntry): void {
    this.outbox.startFix(entry);
    void this.router.navigateByUrl(fixPath(entry));
  }

  protected exportFile(): void {
    const file = new Blob([this.outbox.exportJson()], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(file);
    link.download = `outbox-${new Date().toISOString().slice(0, 19).replace(/:/g, '-')}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  }
}
