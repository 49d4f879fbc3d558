import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, Router } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { fieldProblem } from '@relief-ledger/domain';
import { of } from 'rxjs';

import { signInAs } from '../../core/auth/testing/session-fixtures';
import { ActiveLocale } from '../../core/i18n/active-locale';
import { provideFixedClock } from '../../convoys/testing/fixed-clock';
import { aPage } from '../../core/http/testing/page-fixtures';
import { LOCATION_FIELD_DEBOUNCE_MS } from '../../shared/location-field/location-field';
import { LookupsApi } from '../../shared/lookups/lookups-api';
import { aLocation, aRoute, ROUTE_ID } from '../../shared/lookups/testing/lookup-fixtures';
import { wordsIn } from '../../shared/testing/words-in';
import { VIEWER_TIME_ZONE } from '../../shared/time/zoned-time';
import { aPauseWindow, aPauseWindowDetail } from '../testing/pause-window-fixtures';
import { NEW_CLIENT_ID } from '../../shared/client-id/client-id';
import { PauseWindowForm } from './pause-window-form';

@Component({ template: '' })
class ListStub {}

/** The API's reason for a time that happened twice, as it sends it: code, parameters and English. */
const REPEATED = fieldProblem('end.time', 'time.ambiguous', { date: '2019-12-24', time: '18:00', zone: 'Asia/Damascus', offsets: '+03:00 or +02:00' });

describe('PauseWindowForm', () => {
  let fixture: ComponentFixture<PauseWindowForm>;
  let http: HttpTestingController;

  function setUp(now: Date): void {
    TestBed.configureTestingModule({
      providers: [
        provideFixedClock(now).provider,
        { provide: VIEWER_TIME_ZONE, useValue: 'Europe/Berlin' },
        {
          provide: LookupsApi,
          useValue: {
            listRoutes: () => of([aRoute()]),
            listLocations: () => of(aPage([aLocation({ id: 'loc-ariha-district', level: 'district', nameEn: 'Ariha', pcode: 'SY0705' })])),
          },
        },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        provideHttpClient(withFetch()),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'pause-windows', component: ListStub },
          { path: 'pause-windows/:id', component: ListStub },
        ]),
        { provide: NEW_CLIENT_ID, useValue: () => 'key-1' },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    signInAs('coordinator');
  }

  afterEach(() => http.verify());

  async function openForm(correctingId?: string): Promise<HTMLElement> {
    fixture = TestBed.createComponent(PauseWindowForm);
    if (correctingId) fixture.componentRef.setInput('id', correctingId);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  async function type(sut: HTMLElement, name: string, value: string): Promise<void> {
    const input = sut.querySelector<HTMLInputElement>(`[formControlName="${name}"]`)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  async function pick(label: string): Promise<void> {
    const option = Array.from(document.querySelectorAll<HTMLElement>('mat-option')).find((candidate) => wordsIn(candidate).startsWith(label));
    if (!option) throw new Error(`no option ${label}`);
    option.click();
    await fixture.whenStable();
  }

  async function chooseRoute(sut: HTMLElement): Promise<void> {
    sut.querySelector<HTMLElement>('mat-select[formControlName="routeIds"] .mat-mdc-select-trigger')!.click();
    await fixture.whenStable();
    await pick("Ma'arat al-Num'an to Sarmada");
  }

  async function fillUntilSix(sut: HTMLElement, endTime = '18:00'): Promise<void> {
    await type(sut, 'announcedBy', 'Russia and the regime, notified to the UN');
    sut.querySelector<HTMLTextAreaElement>('[formControlName="sourceText"]')!.value = 'A pause until 6 p.m. local time';
    sut.querySelector('[formControlName="sourceText"]')!.dispatchEvent(new Event('input'));
    await type(sut, 'endTime', endTime);
    await chooseRoute(sut);
  }

  async function pressAnnounce(sut: HTMLElement): Promise<void> {
    Array.from(sut.querySelectorAll('button')).find((button) => wordsIn(button) === 'Announce window')!.click();
    await fixture.whenStable();
  }

  function expectPost(): TestRequest {
    return http.expectOne({ method: 'POST', url: '/api/v1/pause-windows' });
  }

  it('announces "from now until 18:00 local" and reads the end back in Damascus time and the viewer\'s', async () => {
    setUp(new Date('2019-12-23T10:00:00.000Z'));
    const sut = await openForm();
    await fillUntilSix(sut);

    expect(wordsIn(sut.querySelectorAll('.read-back')[1])).toBe('Ends 18:00 Damascus (UTC+02:00), Mon, 23 Dec 2019 · 17:00 Berlin (UTC+01:00) your time');
    await pressAnnounce(sut);
    const request = expectPost();
    expect(request.request.body).toEqual({
      announcedBy: 'Russia and the regime, notified to the UN',
      sourceText: 'A pause until 6 p.m. local time',
      zone: 'Asia/Damascus',
      end: { time: '18:00' },
      routeIds: [ROUTE_ID],
      areaIds: [],
    });
    request.flush(aPauseWindow(), { status: 201, statusText: 'Created' });
    await fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/pause-windows');
  });

  it('says why an end already passed today cannot be used, in the language on screen', async () => {
    setUp(new Date('2019-12-23T17:00:00.000Z'));
    const sut = await openForm();
    await fillUntilSix(sut);

    expect(wordsIn(sut.querySelectorAll('.read-back')[1])).toBe('18:00 has already passed on 2019-12-23 in Asia/Damascus: give the date it ends');
    // Every language's words are in place (jest-setup): switch as the language service does.
    TestBed.inject(TranslocoService).setActiveLang('ar');
    TestBed.inject(ActiveLocale).lang.set('ar');
    await fixture.whenStable();
    expect(wordsIn(sut.querySelectorAll('.read-back')[1])).toContain('مضى الوقت 18:00');
    expect(wordsIn(sut.querySelector('legend'))).toBe('البداية');
  });

  it('asks for a route or an area before sending', async () => {
    setUp(new Date('2019-12-23T10:00:00.000Z'));
    const sut = await openForm();
    await type(sut, 'announcedBy', 'UN');
    sut.querySelector<HTMLTextAreaElement>('[formControlName="sourceText"]')!.value = 'until 18:00';
    sut.querySelector('[formControlName="sourceText"]')!.dispatchEvent(new Event('input'));
    await type(sut, 'endTime', '18:00');

    await pressAnnounce(sut);

    http.expectNone('/api/v1/pause-windows');
    expect(wordsIn(sut.querySelector('mat-select[formControlName="routeIds"]')?.closest('mat-form-field')?.querySelector('mat-error'))).toBe(
      'Choose at least one route, or add an area below',
    );
  });

  it('sends the areas picked by name', async () => {
    setUp(new Date('2019-12-23T10:00:00.000Z'));
    const sut = await openForm();
    await fillUntilSix(sut);
    const search = sut.querySelector<HTMLInputElement>('rl-location-field input')!;
    search.focus();
    search.value = 'Ariha';
    search.dispatchEvent(new Event('input'));
    await new Promise((resolve) => setTimeout(resolve, LOCATION_FIELD_DEBOUNCE_MS + 20));
    await fixture.whenStable();
    await pick('Ariha');

    expect(wordsIn(sut.querySelector('ul[aria-label="Areas"]'))).toBe('Ariha (SY0705) Remove');
    await pressAnnounce(sut);
    expect(expectPost().request.body.areaIds).toEqual(['loc-ariha-district']);
  });

  it('asks which 23:30 was meant when the form sees it happened twice, and sends the offset chosen', async () => {
    setUp(new Date('2019-10-24T17:00:00.000Z'));
    const sut = await openForm();
    await fillUntilSix(sut, '23:30');

    const choice = sut.querySelector('rl-offset-choice')!;
    expect(wordsIn(choice)).toContain('23:30 happened twice that night');
    choice.querySelectorAll<HTMLInputElement>('input[type="radio"]')[1].click();
    await fixture.whenStable();
    expect(wordsIn(sut.querySelectorAll('.read-back')[1])).toContain('Ends 23:30 Damascus (UTC+02:00)');

    await pressAnnounce(sut);
    expect(expectPost().request.body.end).toEqual({ time: '23:30', offset: '+02:00' });
  });

  it('offers the offsets the API lists when it finds the time twice on the clock, and sends the one chosen', async () => {
    setUp(new Date('2019-12-23T10:00:00.000Z'));
    const sut = await openForm();
    await fillUntilSix(sut);
    await type(sut, 'endDate', '2019-12-24');

    await pressAnnounce(sut);
    expectPost().flush(
      { type: 'about:blank', title: 'Time not usable as given', status: 422, code: 'pause_window.time', detail: REPEATED.reason, errors: [REPEATED] },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await fixture.whenStable();

    expect(wordsIn(sut.querySelector('[formControlName="endTime"]')?.closest('mat-form-field')?.querySelector('mat-error'))).toBe(REPEATED.reason);
    const radios = sut.querySelectorAll<HTMLInputElement>('rl-offset-choice input[type="radio"]');
    expect(radios).toHaveLength(2);
    radios[0].click();
    await fixture.whenStable();

    await pressAnnounce(sut);
    expect(expectPost().request.body.end).toEqual({ date: '2019-12-24', time: '18:00', offset: '+03:00' });
  });

  describe('correcting a window', () => {
    async function openCorrection(): Promise<HTMLElement> {
      const sut = await openForm('window-1');
      http.expectOne('/api/v1/pause-windows/window-1').flush(aPauseWindowDetail());
      await fixture.whenStable();
      return sut;
    }

    async function pressSave(sut: HTMLElement): Promise<void> {
      Array.from(sut.querySelectorAll('button')).find((button) => wordsIn(button) === 'Save correction')!.click();
      await fixture.whenStable();
    }

    it('fills the form from the window, times on its own clock with their dates', async () => {
      setUp(new Date('2019-12-23T14:00:00.000Z'));
      const sut = await openCorrection();

      expect(sut.querySelector('h1')?.textContent).toBe('Correct a pause window');
      const value = (name: string) => sut.querySelector<HTMLInputElement>(`[formControlName="${name}"]`)!.value;
      expect([value('announcedBy'), value('zone'), value('startDate'), value('startTime'), value('endDate'), value('endTime')]).toEqual([
        'Russia and the regime, notified to the UN',
        'Asia/Damascus',
        '2019-12-23',
        '12:00',
        '2019-12-23',
        '18:00',
      ]);
      expect(wordsIn(sut)).not.toContain('From now');
    });

    it('asks for the reason, then sends the correction with the version read and one key, and opens the window', async () => {
      setUp(new Date('2019-12-23T14:00:00.000Z'));
      const sut = await openCorrection();
      await type(sut, 'endTime', '17:00');
      await pressSave(sut);
      http.expectNone({ method: 'POST', url: '/api/v1/pause-windows/window-1/corrections' });
      expect(wordsIn(sut)).toContain('Required');

      sut.querySelector<HTMLTextAreaElement>('[formControlName="reason"]')!.value = 'Entered 18:00; the announcement said 17:00';
      sut.querySelector('[formControlName="reason"]')!.dispatchEvent(new Event('input'));
      await pressSave(sut);

      const request = http.expectOne({ method: 'POST', url: '/api/v1/pause-windows/window-1/corrections' });
      expect(request.request.headers.get('Idempotency-Key')).toBe('key-1');
      expect(request.request.body).toEqual({
        announcedBy: 'Russia and the regime, notified to the UN',
        sourceText: aPauseWindow().sourceText,
        zone: 'Asia/Damascus',
        start: { date: '2019-12-23', time: '12:00' },
        end: { date: '2019-12-23', time: '17:00' },
        routeIds: [ROUTE_ID],
        areaIds: ['loc-maarat-district'],
        reason: 'Entered 18:00; the announcement said 17:00',
        version: 1,
      });
      request.flush(aPauseWindowDetail({ version: 2 }));
      await fixture.whenStable();

      expect(TestBed.inject(Router).url).toBe('/pause-windows/window-1');
    });

    it('says someone else changed it meanwhile, with a way to reload', async () => {
      setUp(new Date('2019-12-23T14:00:00.000Z'));
      const sut = await openCorrection();
      sut.querySelector<HTMLTextAreaElement>('[formControlName="reason"]')!.value = 'Typo';
      sut.querySelector('[formControlName="reason"]')!.dispatchEvent(new Event('input'));
      await type(sut, 'announcedBy', 'The UN');
      await pressSave(sut);
      http
        .expectOne({ method: 'POST', url: '/api/v1/pause-windows/window-1/corrections' })
        .flush({ type: 'about:blank', title: 'Pause window changed meanwhile', status: 409, code: 'pause_window.stale_version', params: { sent: 1, current: 2 } }, { status: 409, statusText: 'Conflict' });
      await fixture.whenStable();

      expect(wordsIn(sut.querySelector('.error-summary')!)).toContain('Someone else changed this window meanwhile.');
      Array.from(sut.querySelectorAll('button')).find((button) => wordsIn(button) === 'Reload')!.click();
      http.expectOne('/api/v1/pause-windows/window-1').flush(aPauseWindowDetail({ version: 2 }));
    });
  });
});
