import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, input, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { isInForceAt, PauseWindowChange, PauseWindowDetailResponse, PauseWindowEventKind, PauseWindowEventResponse } from '@relief-ledger/domain';
import { filter, merge } from 'rxjs';

import { SessionStore } from '../../core/auth/session-store';
import { LanguageService } from '../../core/i18n/language.service';
import { LocalWords } from '../../core/i18n/local-words';
import { LiveEvents } from '../../core/live/live-events';
import { apiResource } from '../../shared/api-resource/api-resource';
import { LoadStatus } from '../../shared/load-status/load-status';
import { WindowStatusChip } from '../../shared/pause-window/window-status-chip';
import { windowClock } from '../../shared/pause-window/window-timing';
import { Clock } from '../../shared/time/clock';
import { describeMoment } from '../../shared/time/zoned-time';
import { WallClockTime } from '../../shared/time/wall-clock-time';
import { EndWindowDialog, EndWindowDialogData } from '../end-window-dialog/end-window-dialog';
import { PauseWindowsApi } from '../pause-windows-api';

/** One history entry as shown: what happened, by whom, and each change in words. */
interface HistoryLine {
  event: PauseWindowEventResponse;
  kind: string;
  changes: { label: string; from: string; to: string }[];
}

/**
 * One pause window: where it holds, its start and end on the wall clock it was announced on
 * (and the viewer's), its status and countdown, the incident that broke it, and its history
 * (entered, ended early, corrected) with who and when. Coordinators end it early or correct it
 * from here. Follows the live stream, so a change made elsewhere shows without a reload.
 */
@Component({
  selector: 'rl-pause-window-page',
  imports: [LoadStatus, MatButtonModule, RouterLink, TranslocoPipe, WallClockTime, WindowStatusChip],
  templateUrl: './pause-window-page.html',
  styleUrl: './pause-window-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PauseWindowPage {
  private readonly api = inject(PauseWindowsApi);
  private readonly dialog = inject(MatDialog);
  private readonly session = inject(SessionStore);
  private readonly language = inject(LanguageService);
  private readonly clock = inject(Clock);
  private readonly title = inject(Title);

  /** Route parameter `:id`. */
  readonly id = input.required<string>();

  private readonly confirmation = viewChild<ElementRef<HTMLElement>>('confirmation');
  protected readonly confirmed = signal<string | undefined>(undefined);
  protected readonly canWrite = computed(() => this.session.can('windows.write'));
  protected readonly window = apiResource(
    computed(() => this.id() || undefined),
    (id) => this.api.getWindow(id),
    { onLoaded: (window) => this.title.setTitle(`${window.announcedBy} · ${this.language.t('app.name')}`) },
  );
  protected readonly clockNow = computed(() => {
    const window = this.window.value();
    return window ? windowClock(window, this.clock.now(), this.language.words()) : undefined;
  });
  /** Only while it holds (or held, broken) can it end before its announced end. */
  protected readonly canEnd = computed(() => {
    const window = this.window.value();
    return !!window && this.canWrite() && isInForceAt(window, this.clock.now());
  });
  protected readonly violatedAt = computed(() => {
    const window = this.window.value();
    return window?.violatedAt ? describeMoment({ instant: window.violatedAt, zone: window.zone }, this.language.words()) : undefined;
  });
  protected readonly separator = computed(() => this.language.t('pause-windows.list.separator'));
  protected readonly history = computed<HistoryLine[]>(() => {
    const window = this.window.value();
    if (!window) return [];
    const words = this.language.words();
    return [...window.history].reverse().map((event) => ({
      event,
      kind: words.t(HISTORY_KIND_KEYS[event.kind]),
      changes: event.changes.map((change) => describeChange(change, window, words)),
    }));
  });

  constructor() {
    const live = inject(LiveEvents);
    merge(
      live.on('window.ended', 'window.corrected', 'window.violated').pipe(filter((event) => event.window.id === this.id())),
      live.resumed,
    )
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.window.reload());
  }

  protected openEndWindow(): void {
    const window = this.window.value();
    if (!window) return;
    this.dialog
      .open<EndWindowDialog, EndWindowDialogData, PauseWindowDetailResponse>(EndWindowDialog, { data: { window }, autoFocus: 'first-tabbable', maxWidth: '32rem', width: '100%' })
      .afterClosed()
      .pipe(filter((ended): ended is PauseWindowDetailResponse => ended !== undefined))
      .subscribe((ended) => this.showConfirmation(ended, 'pause-windows.page.endedConfirmation'));
  }

  private showConfirmation(window: PauseWindowDetailResponse, key: string): void {
    this.window.value.set(window);
    this.confirmed.set(this.language.t(key));
    // After the dialog gives focus back to its button: move it to the news, so it is read out.
    setTimeout(() => this.confirmation()?.nativeElement.focus());
  }
}

const HISTORY_KIND_KEYS: Readonly<Record<PauseWindowEventKind, string>> = {
  entered: 'pause-windows.history.entered',
  ended: 'pause-windows.history.ended',
  corrected: 'pause-windows.history.corrected',
};

const CHANGE_LABELS: Readonly<Record<PauseWindowChange['field'], string>> = {
  announcedBy: 'pause-windows.form.announcedBy',
  sourceText: 'pause-windows.form.announcement',
  zone: 'pause-windows.form.zone',
  startsAt: 'pause-windows.form.starts',
  endsAt: 'pause-windows.form.ends',
  routes: 'pause-windows.form.routes',
  areas: 'pause-windows.form.areas',
  violatedAt: 'pause-windows.page.violated',
};

/** A change in words: instants on the window's wall clock, lists joined, nothing empty. */
function describeChange(change: PauseWindowChange, window: PauseWindowDetailResponse, words: LocalWords): HistoryLine['changes'][number] {
  const separator = words.t('pause-windows.list.separator');
  const value = (side: string | string[]) => {
    if (Array.isArray(side)) return side.length > 0 ? side.join(separator) : words.t('pause-windows.page.none');
    // A violation forgotten or found: '' is "not violated".
    if (change.field === 'violatedAt' && side === '') return words.t('pause-windows.page.notViolated');
    if (change.field === 'startsAt' || change.field === 'endsAt' || change.field === 'violatedAt') return describeMoment({ instant: side, zone: window.zone }, words);
    return side;
  };
  return { label: words.t(CHANGE_LABELS[change.field]), from: value(change.from), to: value(change.to) };
}
