import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Subscription } from 'rxjs';

import { NumberPipe } from '../../core/i18n/format-pipes';
import { formatNumber } from '../../core/i18n/intl-format';
import { LanguageService } from '../../core/i18n/language.service';
import { ProblemMessages } from '../../core/problems/problem-messages';
import { toProblem } from '../../core/problems/to-problem';
import { DistributionsApi, IMPORT_CSV_COLUMNS, ImportRejectedError, ImportResult, ImportRowError } from '../distributions-api';
import { ScrollRegion } from '../../shared/scroll-region/scroll-region';

/** A file can hold thousands of bad rows; a table that long helps no one, and the count says the rest. */
export const ROW_ERRORS_SHOWN = 200;

interface Progress {
  sent: number;
  total: number | undefined;
}

/**
 * Imports distributions from a CSV file (a day's paper lists typed up in a spreadsheet). The file
 * is recorded whole or not at all: when rows are wrong, the table says which cell and why. Each
 * row carries its own client id, so uploading the same file again records nothing twice.
 */
@Component({
  selector: 'rl-distribution-import',
  imports: [MatButtonModule, MatProgressBarModule, NumberPipe, RouterLink, ScrollRegion, TranslocoPipe],
  templateUrl: './distribution-import.html',
  styleUrl: './distribution-import.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DistributionImport {
  private readonly api = inject(DistributionsApi);
  private readonly language = inject(LanguageService);
  private readonly messages = inject(ProblemMessages);

  protected readonly headerRow = IMPORT_CSV_COLUMNS.join(',');
  protected readonly file = signal<File | undefined>(undefined);
  protected readonly uploading = signal(false);
  protected readonly progress = signal<Progress | undefined>(undefined);
  protected readonly result = signal<ImportResult | undefined>(undefined);
  protected readonly rowErrors = signal<readonly ImportRowError[]>([]);
  protected readonly problem = signal<string | undefined>(undefined);

  /** Share of the file sent, 0 to 100; undefined while the size is unknown. */
  protected readonly percentSent = computed(() => {
    const progress = this.progress();
    if (!progress?.total) return undefined;
    return Math.min(100, Math.round((progress.sent / progress.total) * 100));
  });
  /** "25%" in the user's language and digits. */
  protected readonly percentText = computed(() => formatNumber((this.percentSent() ?? 0) / 100, this.language.words().locale, { style: 'percent' }));
  /** All sent: the server is checking and recording the rows. */
  protected readonly recording = computed(() => this.percentSent() === 100);
  /** The bad cells shown, each reason in the user's language (the server's English for a code this app does not know). */
  protected readonly shownRowErrors = computed(() =>
    this.rowErrors()
      .slice(0, ROW_ERRORS_SHOWN)
      .map((error) => ({ ...error, reason: this.messages.fieldReason({ field: error.column, reason: error.reason, code: error.code, params: error.params }) })),
  );
  protected readonly hiddenRowErrors = computed(() => Math.max(0, this.rowErrors().length - ROW_ERRORS_SHOWN));

  private upload: Subscription | undefined;

  constructor() {
    // Leaving the page stops the upload; the file can be sent again, its rows are recorded once.
    inject(DestroyRef).onDestroy(() => this.upload?.unsubscribe());
  }

  protected chooseFile(files: FileList | null): void {
    this.file.set(files?.[0] ?? undefined);
    this.clearOutcome();
  }

  protected uploadFile(): void {
    const file = this.file();
    if (!file || this.uploading()) return;
    this.clearOutcome();
    this.uploading.set(true);
    this.progress.set({ sent: 0, total: file.size });
    this.upload = this.api.importCsv(file).subscribe({
      next: (event) => {
        if (event.kind === 'progress') {
          this.progress.set({ sent: event.sent, total: event.total ?? file.size });
        } else {
          this.result.set(event.result);
        }
      },
      complete: () => this.uploading.set(false),
      error: (error: unknown) => {
        this.uploading.set(false);
        if (error instanceof ImportRejectedError) this.rowErrors.set(error.rowErrors);
        this.problem.set(this.messages.message(toProblem(error)));
      },
    });
  }

  private clearOutcome(): void {
    this.result.set(undefined);
    this.rowErrors.set([]);
    this.problem.set(undefined);
    this.progress.set(undefined);
  }
}
