import { inject, Injectable } from '@angular/core';
import { TranslocoTranspiler, TranspileParams } from '@jsverse/transloco';

import { ActiveLocale } from './active-locale';
import { formatMessage } from './icu-message';

/** Transloco's transpiler for ICU messages (plural, select), formatted in the active language and digits. */
@Injectable()
export class IcuTranspiler implements TranslocoTranspiler {
  private readonly locale = inject(ActiveLocale);

  transpile({ value, params }: TranspileParams): unknown {
    if (typeof value !== 'string') return value;
    return formatMessage(value, params ?? {}, this.locale.format());
  }
}
