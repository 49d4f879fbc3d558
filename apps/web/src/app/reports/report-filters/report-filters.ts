import { afterNextRender, ChangeDetectionStrategy, Component, computed, effect, inject, Injector, input, output, untracked } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { Problem, REPORT_LEVELS, ReportDefinition, ReportFilterName, ReportLevel, ReportQuery } from '@relief-ledger/domain';

import { LanguageService } from '../../core/i18n/language.service';
import { ProblemMessages } from '../../core/problems/problem-messages';
import { apiResource } from '../../shared/api-resource/api-resource';
import { DonorField } from '../../shared/donor-field/donor-field';
import { optionChosen } from '../../shared/forms/option-chosen';
import { placeFieldErrors } from '../../shared/forms/place-field-errors';
import { LocationField, LocationFieldValue } from '../../shared/location-field/location-field';
import { localName } from '../../shared/lookups/local-name';
import { LookupsApi } from '../../shared/lookups/lookups-api';
import { isCalendarDay, REPORT_LEVEL_KEYS } from '../report-query';

type FilterControl = 'from' | 'to' | 'location' | 'campId' | 'stockPointId' | 'itemId' | 'donor' | 'level';

/** The API names the location filter `pcode`; the form holds the location picked. */
const CONTROL_FOR: Readonly<Record<string, FilterControl>> = { pcode: 'location' };
const SELECTS: readonly ('campId' | 'stockPointId' | 'itemId')[] = ['campId', 'stockPointId', 'itemId'];

/**
 * The filters one report takes, and only those: the period as local days, a location and all
 * under it, a camp, stock point, item, donor or admin level. Fields start from the address, and
 * from the API's defaults (the period above all) where the address names none. "Show report"
 * hands the filters to the page, which puts them in the address; a refused filter's reason comes
 * back under its field.
 */
@Component({
  selector: 'rl-report-filters',
  imports: [DonorField, LocationField, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, ReactiveFormsModule, TranslocoPipe],
  providers: [{ provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { subscriptSizing: 'dynamic' } }],
  templateUrl: './report-filters.html',
  styleUrl: './report-filters.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportFilters {
  private readonly problemMessages = inject(ProblemMessages);
  private readonly lookups = inject(LookupsApi);
  private readonly injector = inject(Injector);
  private readonly language = inject(LanguageService);

  readonly definition = input.required<ReportDefinition>();
  /** The filters in the address. */
  readonly filters = input.required<ReportQuery>();
  /** The filters as the API applied them to the last preview, its defaults filled in. */
  readonly applied = input<ReportQuery>();
  /** Why the last preview was refused: its field errors go under their fields. */
  readonly problem = input<Problem>();
  readonly apply = output<ReportQuery>();

  protected readonly levels = REPORT_LEVELS.map((level) => ({ value: level, key: REPORT_LEVEL_KEYS[level] }));
  protected readonly takes = computed(() => new Set<ReportFilterName>(this.definition().filters));
  protected readonly requires = computed(() => new Set<ReportFilterName>(this.definition().required));

  protected readonly form = new FormGroup({
    from: new FormControl('', { nonNullable: true }),
    to: new FormControl('', { nonNullable: true }),
    location: new FormControl<LocationFieldValue>(null, [optionChosen]),
    campId: new FormControl('', { nonNullable: true }),
    stockPointId: new FormControl('', { nonNullable: true }),
    itemId: new FormControl('', { nonNullable: true }),
    donor: new FormControl('', { nonNullable: true }),
    level: new FormControl('', { nonNullable: true }),
  });

  // What the selects offer, loaded only for the reports that filter by them.
  protected readonly camps = apiResource(this.whenTaken('campId'), () => this.lookups.listCamps());
  protected readonly stockPoints = apiResource(this.whenTaken('stockPointId'), () => this.lookups.listStockPoints());
  protected readonly items = apiResource(this.whenTaken('itemId'), () => this.lookups.listItems());
  /** Camps and items named in the user's language (Arabic names for Arabic). */
  protected readonly campChoices = computed(() => {
    const lang = this.language.lang();
    return (this.camps.value() ?? []).map((camp) => ({ id: camp.id, name: localName(camp, lang) }));
  });
  protected readonly itemChoices = computed(() => {
    const lang = this.language.lang();
    return (this.items.value() ?? []).map((item) => ({ id: item.id, name: localName(item, lang) }));
  });

  /** The period the API chose when the address names none, as the form shows it. */
  private readonly defaults = computed(() => ({ from: this.applied()?.from, to: this.applied()?.to, level: this.applied()?.level }), {
    equal: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });

  constructor() {
    effect(() => {
      const required = this.requires();
      untracked(() => {
        for (const name of SELECTS) {
          this.form.controls[name].setValidators(required.has(name) ? Validators.required : null);
          this.form.controls[name].updateValueAndValidity({ emitEvent: false });
        }
      });
    });
    effect(() => {
      const filters = this.filters();
      const defaults = this.defaults();
      untracked(() => this.fill(filters, defaults));
    });
    effect(() => {
      const problem = this.problem();
      // After rendering: fields shown for the first time check their validity afresh, which would drop the reason.
      if (problem?.errors?.length) {
        afterNextRender({ write: () => placeFieldErrors(this.form, problem, this.problemMessages, CONTROL_FOR) }, { injector: this.injector });
      }
    });
  }

  protected errorFor(name: FilterControl): string {
    const errors = this.form.controls[name].errors;
    if (!errors) return '';
    const t = (key: string) => this.language.t(key);
    if (typeof errors['server'] === 'string') return errors['server'];
    if (errors['notChosen']) return t('reports.filter.chooseLocation');
    if (errors['day']) return t('reports.filter.dayExists');
    if (errors['order']) return t('reports.filter.order');
    if (errors['required']) return t(name === 'stockPointId' ? 'reports.filter.chooseStockPoint' : 'reports.filter.chooseItem');
    return '';
  }

  protected applyFilters(): void {
    this.checkPeriod();
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const takes = this.takes();
    const location = value.location;
    const query: ReportQuery = {
      from: value.from || undefined,
      to: value.to || undefined,
      pcode: location && typeof location === 'object' ? location.pcode : undefined,
      campId: value.campId || undefined,
      stockPointId: value.stockPointId || undefined,
      itemId: value.itemId || undefined,
      donor: value.donor.trim() || undefined,
      level: (value.level || undefined) as ReportLevel | undefined,
    };
    this.apply.emit(Object.fromEntries(Object.entries(query).filter(([name, v]) => v !== undefined && takes.has(name as ReportFilterName))) as ReportQuery);
  }

  /** Back to the report's defaults. */
  protected resetFilters(): void {
    this.apply.emit({});
  }

  private fill(filters: ReportQuery, defaults: Pick<ReportQuery, 'from' | 'to' | 'level'>): void {
    this.form.reset({
      from: filters.from ?? defaults.from ?? '',
      to: filters.to ?? defaults.to ?? '',
      location: filters.pcode ? { id: '', pcode: filters.pcode, nameEn: filters.pcode, nameAr: '' } : null,
      campId: filters.campId ?? '',
      stockPointId: filters.stockPointId ?? '',
      itemId: filters.itemId ?? '',
      donor: filters.donor ?? '',
      level: filters.level ?? defaults.level ?? '',
    });
    if (filters.pcode) this.nameLocation(filters.pcode);
  }

  /** The address holds only the P-code; the field shows the place's name once the gazetteer answers. */
  private nameLocation(pcode: string): void {
    this.lookups.listLocations({ name: pcode, pageSize: 20 }).subscribe({
      next: (page) => {
        const location = page.items.find((candidate) => candidate.pcode === pcode);
        const current = this.form.controls.location.value;
        if (location && current && typeof current === 'object' && current.pcode === pcode) this.form.controls.location.setValue(location);
      },
      // Unnamed, the P-code alone still filters.
      error: () => undefined,
    });
  }

  private checkPeriod(): void {
    const { from, to } = this.form.controls;
    for (const control of [from, to]) {
      if (control.value && !isCalendarDay(control.value)) control.setErrors({ day: true });
    }
    if (from.valid && to.valid && from.value && to.value && from.value > to.value) to.setErrors({ order: true });
  }

  private whenTaken(name: ReportFilterName) {
    return computed(() => (this.takes().has(name) ? true : undefined));
  }
}
