import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AUDIT_ACTIONS, AuditEntryResponse, AuditKind, AuditListQuery, DEFAULT_TIME_ZONE } from '@relief-ledger/domain';

import { SessionStore } from '../../core/auth/session-store';
import { LanguageService } from '../../core/i18n/language.service';
import { apiResource } from '../../shared/api-resource/api-resource';
import { pagedResource } from '../../shared/api-resource/paged-resource';
import { injectQueryUpdater, readChoice, readPage } from '../../shared/list-query/list-query';
import { LoadStatus } from '../../shared/load-status/load-status';
import { PagePaginator, PageRequest } from '../../shared/page-paginator/page-paginator';
import { filterOptions, SelectFilter } from '../../shared/select-filter/select-filter';
import { dayRangeToInstants, isDay } from '../../shared/time/day-range';
import { Instant } from '../../shared/time/instant';
import { AdminApi } from '../admin-api';
import { AUDIT_ENTITIES, auditPhrase, entityWords, phraseText, targetLink } from './audit-phrase';
import { ScrollRegion } from '../../shared/scroll-region/scroll-region';

const AUDIT_KINDS: readonly AuditKind[] = ['write', 'read'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Who did what, newest first (the API's order), in words: "Layla checked in convoy Parcels to
 * Atmeh", the person a link to what they alone did, the record a link to its page. Filters by
 * person, action, kind of record and period (days on the site's calendar) live in the address.
 */
@Component({
  selector: 'rl-audit-trail',
  imports: [Instant, LoadStatus, MatButtonModule, MatFormFieldModule, MatInputModule, MatTableModule, PagePaginator, RouterLink, ScrollRegion, SelectFilter, TranslocoPipe],
  templateUrl: './audit-trail.html',
  styleUrl: './audit-trail.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditTrail {
  private readonly api = inject(AdminApi);
  private readonly language = inject(LanguageService);
  private readonly store = inject(SessionStore);
  private readonly updateQuery = injectQueryUpdater();

  /** Query parameters `?userId=&action=&entity=&kind=&from=&to=&page=&pageSize=`; `from` and `to` are days. */
  readonly userId = input<string>();
  readonly action = input<string>();
  readonly entity = input<string>();
  readonly kind = input<string>();
  readonly from = input<string>();
  readonly to = input<string>();
  readonly page = input<string>();
  readonly pageSize = input<string>();

  protected readonly columns = ['at', 'what', 'changedFields'];
  /** The period is read on the site's calendar, as the times in the list are shown. */
  protected readonly zone = DEFAULT_TIME_ZONE;

  protected readonly filters = computed(() => ({
    userId: UUID.test(this.userId() ?? '') ? this.userId() : undefined,
    action: readChoice(this.action(), AUDIT_ACTIONS),
    entity: readChoice(this.entity(), AUDIT_ENTITIES),
    kind: readChoice(this.kind(), AUDIT_KINDS),
    from: isDay(this.from() ?? '') ? this.from() : undefined,
    to: isDay(this.to() ?? '') ? this.to() : undefined,
  }));
  protected readonly filtered = computed(() => Object.values(this.filters()).some((value) => value !== undefined));

  protected readonly query = computed<AuditListQuery>(
    () => {
      const { from, to, ...rest } = this.filters();
      return {
        ...Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)),
        // "To 23 December" includes that day, on the site's calendar.
        ...dayRangeToInstants({ from, to, zone: this.zone }),
        ...readPage({ page: this.page(), pageSize: this.pageSize() }),
      };
    },
    { equal: (a, b) => JSON.stringify(a) === JSON.stringify(b) },
  );
  protected readonly entries = pagedResource(this.query, (query) => this.api.listAudit(query));
  protected readonly people = apiResource(signal(true), () => this.api.listAuditPeople());

  protected readonly personOptions = computed(() => (this.people.value() ?? []).map((person) => ({ value: person.id, label: person.name })));
  protected readonly actionOptions = computed(() => filterOptions(AUDIT_ACTIONS, (action) => this.language.t(`admin.audit.actionName.${action}`)));
  protected readonly entityOptions = computed(() => {
    const words = this.language.words();
    return filterOptions(AUDIT_ENTITIES, (entity) => capitalise(entityWords(entity, words)));
  });
  protected readonly kindOptions = computed(() => [
    { value: 'write', label: this.language.t('admin.audit.writesOnly') },
    { value: 'read', label: this.language.t('admin.audit.readsOnly') },
  ]);

  protected readonly rows = computed(() => {
    const words = this.language.words();
    return this.entries.items().map((entry) => {
      const parts = auditPhrase(entry, words);
      const link = targetLink(entry.target);
      return { entry, parts, text: phraseText(parts), recordPath: link && this.store.can(link.needs) ? link.path : undefined };
    });
  });

  protected filterBy(change: Partial<Record<'userId' | 'action' | 'entity' | 'kind' | 'from' | 'to', string>>): void {
    // An empty choice is "all": it leaves the address.
    this.updateQuery({ ...Object.fromEntries(Object.entries(change).map(([name, value]) => [name, value || null])), page: null });
  }

  protected clearFilters(): void {
    this.updateQuery({ userId: null, action: null, entity: null, kind: null, from: null, to: null, page: null });
  }

  protected changePage(request: PageRequest): void {
    this.updateQuery({ page: request.page, pageSize: request.pageSize });
  }

  protected personFilter(entry: AuditEntryResponse): Record<string, string | null> | undefined {
    return entry.userId ? { userId: entry.userId, page: null } : undefined;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
