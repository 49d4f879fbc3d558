import { inject, Pipe, PipeTransform } from '@angular/core';

import { DEFAULT_TIME_ZONE } from '@relief-ledger/domain';

import { describeInstant, VIEWER_TIME_ZONE } from '../../shared/time/zoned-time';
import { ActiveLocale } from './active-locale';
import { formatCalendarDate, formatDate, formatDay, formatNumber, formatTime } from './intl-format';
import { LanguageService } from './language.service';

// Impure: they read the active language and digits, which change without their input changing.
// Each call is one cached Intl formatter's work.

/** `{{ 20000 | rlNumber }}`: "20,000", "20.000", "٢٠٬٠٠٠". */
@Pipe({ name: 'rlNumber', pure: false })
export class NumberPipe implements PipeTransform {
  private readonly locale = inject(ActiveLocale);

  transform(value: number | null | undefined, options?: Intl.NumberFormatOptions): string {
    return value === null || value === undefined ? '' : formatNumber(value, this.locale.format(), options);
  }
}

/** `{{ instant | rlDay: zone }}`: the day in that zone, "Mon, 23 Dec 2019". */
@Pipe({ name: 'rlDay', pure: false })
export class DayPipe implements PipeTransform {
  private readonly locale = inject(ActiveLocale);
  private readonly viewerZone = inject(VIEWER_TIME_ZONE);

  transform(instant: string | Date | null | undefined, zone?: string): string {
    return instant ? formatDay(instant, zone ?? this.viewerZone, this.locale.format()) : '';
  }
}

/** `{{ instant | rlDate }}`: the date on the viewer's clock (or `zone`'s), "20 Dec 2019". */
@Pipe({ name: 'rlDate', pure: false })
export class DatePipe implements PipeTransform {
  private readonly locale = inject(ActiveLocale);
  private readonly viewerZone = inject(VIEWER_TIME_ZONE);

  transform(instant: string | Date | null | undefined, zone?: string): string {
    return instant ? formatDate(instant, zone ?? this.viewerZone, this.locale.format()) : '';
  }
}

/** `{{ instant | rlTime: zone }}`: "18:00" on that zone's clock. */
@Pipe({ name: 'rlTime', pure: false })
export class TimePipe implements PipeTransform {
  private readonly locale = inject(ActiveLocale);
  private readonly viewerZone = inject(VIEWER_TIME_ZONE);

  transform(instant: string | Date | null | undefined, zone?: string): string {
    return instant ? formatTime(instant, zone ?? this.viewerZone, this.locale.format()) : '';
  }
}

/**
 * `{{ instant | rlDateTime }}`: the house convention in text, on the site's clock (or `zone`'s) with
 * the zone named: "16:30 Damascus, Mon, 23 Dec 2019", "16:30 Damascus today". Where there is room
 * for the viewer's own time too, `<rl-instant>` says both.
 */
@Pipe({ name: 'rlDateTime', pure: false })
export class DateTimePipe implements PipeTransform {
  private readonly language = inject(LanguageService);

  transform(instant: string | Date | null | undefined, zone?: string): string {
    return instant ? describeInstant({ instant, zone: zone ?? DEFAULT_TIME_ZONE, now: new Date() }, this.language.words()) : '';
  }
}

/** `{{ '2019-12-23' | rlCalendarDate }}`: a calendar date, never shifted by a zone: "23 Dec 2019". */
@Pipe({ name: 'rlCalendarDate', pure: false })
export class CalendarDatePipe implements PipeTransform {
  private readonly locale = inject(ActiveLocale);

  transform(date: string | null | undefined): string {
    return date ? formatCalendarDate(date, this.locale.format()) : '';
  }
}
