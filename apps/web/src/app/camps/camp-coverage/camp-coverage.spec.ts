import { ComponentFixture, TestBed } from '@angular/core/testing';
import { of, throwError } from 'rxjs';

import { provideTestTranslations } from '../../core/i18n/testing/test-translations';
import { ProblemError } from '../../core/problems/problem-error';
import { CampsApi } from '../camps-api';
import { aCoverage } from '../testing/camp-fixtures';
import { CampCoverage } from './camp-coverage';

describe('CampCoverage', () => {
  let fixture: ComponentFixture<CampCoverage>;
  let getCoverage: jest.Mock;

  beforeEach(() => {
    getCoverage = jest.fn(() => of(aCoverage()));
    TestBed.configureTestingModule({ providers: [{ provide: CampsApi, useValue: { getCoverage } }] });
  });

  async function showCoverage(campId = 'camp-1'): Promise<HTMLElement> {
    fixture = TestBed.createComponent(CampCoverage);
    fixture.componentRef.setInput('campId', campId);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  function text(element: Element | null | undefined): string {
    return element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  it('loads the coverage of the camp it is given', async () => {
    await showCoverage('camp-7');

    expect(getCoverage).toHaveBeenCalledWith('camp-7');
  });

  it('sets the tents on site against the households, with the tents still needed', async () => {
    const sut = await showCoverage();

    const shelter = text(sut.querySelector('.shelter'));
    expect(shelter).toContain('500 tents on site for 840 households');
    expect(shelter).toContain('340 tents still needed');
    expect(shelter).toContain('60% of households have one');
    expect(sut.querySelector('.shelter mat-progress-bar')?.getAttribute('aria-valuenow')).toBe('60');
  });

  it('says so when every household has a tent', async () => {
    getCoverage.mockReturnValue(
      of(aCoverage({ shelter: { households: 840, tentsOnSite: 900, tentsNeeded: 0, coveredShare: 1 } })),
    );

    const sut = await showCoverage();

    expect(text(sut.querySelector('.shelter'))).toContain('Every household has a tent.');
    expect(text(sut.querySelector('.shelter'))).not.toContain('still needed');
  });

  it('gives the food in days for everyone on site', async () => {
    const sut = await showCoverage();

    const food = text(sut.querySelector('.food'));
    expect(food).toContain('30 days of food');
    expect(food).toContain('840 food parcels for 4,200 people: 126,000 person-days.');
  });

  it('shows the Sphere references beside the figures', async () => {
    const sut = await showCoverage();

    expect(text(sut.querySelector('.shelter .sphere'))).toBe(
      'Sphere: a family tent for 5 people; 3.5 m² covered space per person (14,700 m² for 4,200 people).',
    );
    expect(text(sut.querySelector('.food .sphere'))).toBe('Sphere: 2,100 kcal per person per day.');
    expect(text(sut.querySelector('.water .sphere'))).toBe('Sphere: 15 litres of water per person per day.');
    expect(text(sut.querySelector('.water'))).toContain('63,000 litres a day needed');
  });

  it('says what went wrong and offers to try again', async () => {
    getCoverage.mockReturnValue(throwError(() => new ProblemError({ type: 'about:blank', title: 'Coverage unavailable', status: 500 })));

    const sut = await showCoverage();

    expect(text(sut.querySelector('[role="alert"]'))).toContain('Coverage unavailable');
    expect(sut.querySelector('.measures')).toBeNull();
  });
});

describe('CampCoverage in Arabic and Turkish', () => {
  async function showCoverageIn(lang: 'ar' | 'tr', digits: 'latn' | 'arab' = 'latn'): Promise<HTMLElement> {
    TestBed.configureTestingModule({ providers: [provideTestTranslations(lang, digits), { provide: CampsApi, useValue: { getCoverage: () => of(aCoverage()) } }] });
    const fixture = TestBed.createComponent(CampCoverage);
    fixture.componentRef.setInput('campId', 'camp-1');
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  function text(element: Element | null | undefined): string {
    return element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  it('counts tents, households and days in Arabic, with their plural forms', async () => {
    const sut = await showCoverageIn('ar');

    expect(text(sut.querySelector('h2'))).toBe('التغطية');
    expect(text(sut.querySelector('.shelter'))).toContain('500 خيمة في الموقع مقابل 840 أسرة');
    expect(text(sut.querySelector('.shelter .need'))).toContain('ما زال مطلوبًا: 340 خيمة');
    expect(text(sut.querySelector('.food .headline'))).toBe('30 يومًا من الغذاء');
  });

  it('writes the figures in Arabic-Indic digits for a user who chose them', async () => {
    const sut = await showCoverageIn('ar', 'arab');

    expect(text(sut.querySelector('.food .headline'))).toBe('٣٠ يومًا من الغذاء');
  });

  it('says the coverage in Turkish, its figures grouped the Turkish way', async () => {
    const sut = await showCoverageIn('tr');

    expect(text(sut.querySelector('.shelter .headline'))).toBe('500 çadır alanda, 840 hane için');
    expect(text(sut.querySelector('.food'))).toContain('4.200 kişi için 840 gıda kolisi: 126.000 kişi-gün.');
  });
});
