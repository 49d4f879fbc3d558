import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { ConvoyDetailResponse, GoNoGoReason, Language, Role } from '@relief-ledger/domain';

import { signInAs } from '../../core/auth/testing/session-fixtures';
import { ActiveLocale } from '../../core/i18n/active-locale';
import { LiveEvents } from '../../core/live/live-events';
import { FakeEventSource, provideFakeEventSources } from '../../core/live/testing/fake-event-source';
import { Outbox } from '../../core/outbox/outbox';
import { NEW_CLIENT_ID } from '../../shared/client-id/client-id';
import { wordsIn } from '../../shared/testing/words-in';
import { VIEWER_TIME_ZONE } from '../../shared/time/zoned-time';
import { aCheckInEvent, aCheckInLiveEvent, aConvoyDetail, aConvoyEvent, CONVOY_ID, NOW } from '../testing/convoy-fixtures';
import { provideFixedClock } from '../testing/fixed-clock';
import { ConvoyPage } from './convoy-page';

const RECENT_AIRSTRIKE: GoNoGoReason = {
  code: 'recent_incident',
  message: '1 incident(s) on this route in the last 24 h (airstrike)',
  params: { count: 1, hours: 24, kinds: 'airstrike' },
};

describe('ConvoyPage', () => {
  let fixture: ComponentFixture<ConvoyPage>;
  let http: HttpTestingController;
  let streams: FakeEventSource[];
  let clientIds: number;

  beforeEach(() => {
    streams = [];
    clientIds = 0;
    TestBed.configureTestingModule({
      providers: [
        provideFixedClock(NOW).provider,
        provideFakeEventSources(streams),
        { provide: VIEWER_TIME_ZONE, useValue: 'Europe/Berlin' },
        { provide: NEW_CLIENT_ID, useValue: () => `client-${++clientIds}` },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        provideHttpClient(withFetch()),
        provideHttpClientTesting(),
        provideRouter([]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function openPage(convoy: ConvoyDetailResponse = aConvoyDetail(), role: Role = 'field'): Promise<HTMLElement> {
    signInAs(role);
    TestBed.inject(LiveEvents);
    fixture = TestBed.createComponent(ConvoyPage);
    fixture.componentRef.setInput('id', CONVOY_ID);
    await fixture.whenStable();
    http.expectOne(`/api/v1/convoys/${CONVOY_ID}`).flush(convoy);
    await settle();
    return fixture.nativeElement as HTMLElement;
  }

  function buttons(sut: HTMLElement, within = 'section[aria-labelledby="status-heading"] .buttons'): string[] {
    return Array.from(sut.querySelectorAll(`${within} button`)).map((button) => wordsIn(button));
  }

  function button(root: ParentNode, label: string): HTMLButtonElement {
    const found = Array.from(root.querySelectorAll<HTMLButtonElement>('button')).find((candidate) => wordsIn(candidate) === label);
    if (!found) throw new Error(`no button "${label}"`);
    return found;
  }

  async function type(sut: HTMLElement, selector: string, value: string): Promise<void> {
    const input = sut.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  async function press(root: ParentNode, label: string): Promise<void> {
    button(root, label).click();
    await fixture.whenStable();
  }

  async function confirmInDialog(label: string): Promise<void> {
    await press(document.querySelector('mat-dialog-container')!, label);
  }

  // The outbox keeps the entry in its store before sending, and after the answer: a few turns pass.
  async function settle(): Promise<void> {
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setTimeout(resolve, 0));
    await fixture.whenStable();
  }

  async function expectCheckIn(): Promise<TestRequest> {
    await settle();
    return http.expectOne({ method: 'POST', url: `/api/v1/convoys/${CONVOY_ID}/check-ins` });
  }

  /** Every language's words are in place (jest-setup): switch as the language service does. */
  async function speak(lang: Language): Promise<void> {
    TestBed.inject(TranslocoService).setActiveLang(lang);
    TestBed.inject(ActiveLocale).lang.set(lang);
    await fixture.whenStable();
  }

  async function expectStatusRequest(): Promise<TestRequest> {
    await settle();
    return http.expectOne({ method: 'POST', url: `/api/v1/convoys/${CONVOY_ID}/status` });
  }

  it("shows the windows on the route in the route's time and the viewer's, with a countdown", async () => {
    const sut = await openPage();

    const window = wordsIn(sut.querySelector('.windows li'));
    expect(window).toContain('In force Russia and the regime, notified to the UN');
    expect(window).toContain('Until 18:00 Damascus (UTC+02:00), Mon, 23 Dec 2019 · 17:00 Berlin (UTC+01:00) your time');
    expect(window).toContain('ends in 2 h 00 min');
  });

  it('shows the status, the cover and the next check-in', async () => {
    const sut = await openPage();

    expect(wordsIn(sut.querySelector('.badges'))).toBe('On the road Covered');
    expect(wordsIn(sut.querySelector('.next-check-in'))).toBe('Next check-in 16:00 Damascus (in 30 s)');
  });

  it('lists the plates and drivers of the vehicles, when the plan gave them', async () => {
    const sut = await openPage(aConvoyDetail({ vehicles: [{ plate: 'Idlib 123456', driver: 'Abu Khaled' }, { driver: 'Omar Khalil' }] }));

    expect(wordsIn(sut.querySelector('.listed-vehicles'))).toBe('Plates and drivers Idlib 123456 · Abu Khaled No plate given · Omar Khalil');
  });

  it('says nothing of plates and drivers when the plan gave none', async () => {
    const sut = await openPage();

    expect(sut.querySelector('.listed-vehicles')).toBeNull();
  });

  it('shows the go/no-go checklist before departure, with its reasons', async () => {
    const sut = await openPage(
      aConvoyDetail({
        status: 'planned',
        departedAt: null,
        goNoGo: { go: false, reasons: [RECENT_AIRSTRIKE] },
      }),
    );

    expect(wordsIn(sut.querySelector('.go-no-go'))).toBe('Before departure: No go 1 incident on this route in the last 24 h (airstrike)');
  });

  it('shows the timeline as the API orders it, newest first, with place and author', async () => {
    const sut = await openPage(aConvoyDetail({ events: [aCheckInEvent(), aConvoyEvent()] }));

    expect(Array.from(sut.querySelectorAll('.timeline li')).map((item) => wordsIn(item))).toEqual([
      "15:55 Damascus, Mon, 23 Dec 2019 Checked in · Ariha checkpoint Omar Khalil",
      '15:30 Damascus, Mon, 23 Dec 2019 Planned → On the road Layla Haddad',
    ]);
  });

  it('offers only the legal next statuses', async () => {
    expect(buttons(await openPage())).toEqual(['Arrived', 'Abort', 'Struck']);
  });

  it('offers departure or abort before departure, and no check-in', async () => {
    const sut = await openPage(aConvoyDetail({ status: 'planned', departedAt: null }));

    expect(buttons(sut)).toEqual(['Departed', 'Abort']);
    expect(sut.querySelector('rl-check-in-form')).toBeNull();
  });

  it('offers nothing once the convoy arrived', async () => {
    const sut = await openPage(aConvoyDetail({ status: 'arrived', arrivedAt: '2019-12-23T15:00:00.000Z' }));

    expect(sut.querySelector('section[aria-labelledby="status-heading"]')).toBeNull();
  });

  it('shows no reporting to a manager', async () => {
    const sut = await openPage(aConvoyDetail(), 'manager');

    expect(sut.querySelector('rl-check-in-form')).toBeNull();
    expect(sut.querySelector('rl-status-actions section')).toBeNull();
  });

  it('asks before a final status, then sends it with the version it read', async () => {
    const sut = await openPage();

    await press(sut, 'Arrived');
    await confirmInDialog('Record arrival');
    const request = (await expectStatusRequest());
    expect(request.request.body).toEqual({ status: 'arrived', version: 2, clientId: 'client-2', occurredAt: expect.any(String) });
    request.flush(aConvoyDetail({ status: 'arrived', version: 3 }));
    await settle();

    expect(wordsIn(sut.querySelector('.badges'))).toContain('Arrived');
  });

  it('sends nothing when the final status is not confirmed', async () => {
    const sut = await openPage();

    await press(sut, 'Abort');
    await confirmInDialog('Keep it going');

    http.expectNone(`/api/v1/convoys/${CONVOY_ID}/status`);
  });

  it('reports a strike with its incident', async () => {
    const sut = await openPage();

    await press(sut, 'Struck');
    const strike = sut.querySelector<HTMLElement>('form.strike')!;
    await press(strike, 'Airstrike');
    await type(strike, 'input[formControlName="injured"]', '4');
    await type(strike, 'textarea[formControlName="description"]', 'Second truck hit between Maaret and Ariha');
    await press(strike, 'Report struck');
    await confirmInDialog('Report struck');

    expect((await expectStatusRequest()).request.body).toEqual({
      status: 'struck',
      version: 2,
      clientId: 'client-2',
      incident: { kind: 'airstrike', killed: 0, injured: 4, description: 'Second truck hit between Maaret and Ariha' },
      occurredAt: expect.any(String),
    });
  });

  it('asks for what happened before reporting a strike', async () => {
    const sut = await openPage();

    await press(sut, 'Struck');
    await press(sut.querySelector('form.strike')!, 'Report struck');

    expect(wordsIn(sut.querySelector('rl-incident-kind-picker .error'))).toBe('Choose what happened');
    expect(document.querySelector('mat-dialog-container')).toBeNull();
  });

  it('loads the convoy again when someone else moved it first', async () => {
    const sut = await openPage();

    await press(sut, 'Arrived');
    await confirmInDialog('Record arrival');
    (await expectStatusRequest()).flush(
      { type: 'about:blank', title: 'Conflict', status: 409, code: 'convoy.stale_version', detail: 'Version 2 is not the latest' },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();

    expect(wordsIn(sut.querySelector('[role="alert"]'))).toBe(
      'Someone else changed this convoy meanwhile. It has been loaded again: check its status, then try again.',
    );
    http.expectOne(`/api/v1/convoys/${CONVOY_ID}`).flush(aConvoyDetail({ status: 'aborted', version: 3 }));
  });

  it('keeps the change on this phone when the connection dropped, and says so', async () => {
    const sut = await openPage(aConvoyDetail({ status: 'planned', departedAt: null }));

    await press(sut, 'Departed');
    (await expectStatusRequest()).error(new ProgressEvent('error'), { status: 0 });
    await settle();

    expect(wordsIn(sut.querySelector('section[aria-labelledby="status-heading"] [role="status"]'))).toContain('Saved on this phone');
    // No check-in form before departure: the first id made is this change's.
    expect(TestBed.inject(Outbox).entries()).toEqual([
      expect.objectContaining({ id: 'client-1', kind: 'convoy-status', state: 'waiting', body: expect.objectContaining({ status: 'departed', version: 2 }) }),
    ]);
  });

  it('says why a move was refused', async () => {
    const sut = await openPage();

    await press(sut, 'Abort');
    await confirmInDialog('Abort convoy');
    const detail = 'The convoy is arrived: that is final, so it cannot become aborted';
    (await expectStatusRequest()).flush({ type: 'about:blank', title: 'Conflict', status: 409, detail }, { status: 409, statusText: 'Conflict' });
    await settle();

    expect(wordsIn(sut.querySelector('[role="alert"]'))).toBe(detail);
  });

  describe('checking in', () => {
    it('sends the place and note with the client id made when the form opened, then shows the check-in', async () => {
      const sut = await openPage();

      await type(sut, 'input[formControlName="place"]', 'Ariha checkpoint');
      await type(sut, 'textarea[formControlName="note"]', 'All well');
      await press(sut.querySelector('rl-check-in-form')!, 'Check in');
      const request = await expectCheckIn();
      expect(request.request.body).toEqual({ clientId: 'client-1', place: 'Ariha checkpoint', note: 'All well', occurredAt: expect.any(String) });
      request.flush(aCheckInEvent({ note: 'All well' }), { status: 201, statusText: 'Created' });
      await settle();

      expect(wordsIn(sut.querySelector('.rl-confirmation'))).toBe('Checked in at 15:55 Damascus, Ariha checkpoint.');
      http.expectOne(`/api/v1/convoys/${CONVOY_ID}`).flush(aConvoyDetail({ events: [aCheckInEvent(), aConvoyEvent()] }));
    });

    it('keeps the check-in on this phone when the connection dropped, says so, and starts the next one', async () => {
      const sut = await openPage();
      const form = sut.querySelector('rl-check-in-form')!;

      await type(sut, 'input[formControlName="place"]', 'Ariha checkpoint');
      await press(form, 'Check in');
      (await expectCheckIn()).error(new ProgressEvent('error'), { status: 0 });
      await settle();

      expect(wordsIn(form.querySelector('[role="status"]'))).toContain('Saved on this phone');
      expect(sut.querySelector<HTMLInputElement>('input[formControlName="place"]')!.value).toBe('');
      expect(TestBed.inject(Outbox).entries()).toEqual([
        expect.objectContaining({ id: 'client-1', kind: 'check-in', state: 'waiting', body: expect.objectContaining({ clientId: 'client-1', place: 'Ariha checkpoint' }) }),
      ]);
    });
  });

  it('speaks Arabic: the checklist from its codes, the facts, the timeline and the check-in confirmation', async () => {
    const sut = await openPage(aConvoyDetail({ goNoGo: { go: false, reasons: [RECENT_AIRSTRIKE] }, events: [aCheckInEvent(), aConvoyEvent()] }));
    await speak('ar');

    expect(wordsIn(sut.querySelector('.go-no-go'))).toBe('قبل الانطلاق: لا انطلاق حادثة واحدة على هذا الطريق خلال آخر 24 ساعة (غارة جوية)');
    expect(wordsIn(sut.querySelector('.next-check-in'))).toBe('الإبلاغ التالي عن الموقع 16:00 بتوقيت دمشق (خلال 30 ث)');
    expect(wordsIn(sut.querySelectorAll('.timeline li')[1])).toContain('مخطَّطة ← على الطريق');

    await type(sut, 'input[formControlName="place"]', 'Ariha checkpoint');
    await press(sut.querySelector('rl-check-in-form')!, 'أبلغ عن الموقع');
    (await expectCheckIn()).flush(aCheckInEvent(), { status: 201, statusText: 'Created' });
    await settle();

    // The Latin place name keeps its own direction inside the Arabic sentence.
    expect(wordsIn(sut.querySelector('.rl-confirmation'))).toBe('أُبلغ عن الموقع الساعة 15:55 بتوقيت دمشق، \u2068Ariha checkpoint\u2069.');
    http.expectOne(`/api/v1/convoys/${CONVOY_ID}`).flush(aConvoyDetail());
    await speak('tr');
    expect(wordsIn(sut.querySelector('.rl-confirmation'))).toBe('Konum bildirildi: 15:55 Şam, Ariha checkpoint.');
  });

  it('loads again when the stream reports a check-in of this convoy, and only this one', async () => {
    await openPage();

    streams[0].send(aCheckInLiveEvent(aCheckInEvent({ convoyId: 'another' })));
    http.expectNone(`/api/v1/convoys/${CONVOY_ID}`);
    streams[0].send(aCheckInLiveEvent());

    http.expectOne(`/api/v1/convoys/${CONVOY_ID}`).flush(aConvoyDetail());
  });
});
