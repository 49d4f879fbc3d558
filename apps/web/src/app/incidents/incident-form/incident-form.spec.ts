import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { of } from 'rxjs';

import { signInAs } from '../../core/auth/testing/session-fixtures';
import { Outbox } from '../../core/outbox/outbox';
import { ConvoysApi } from '../../convoys/convoys-api';
import { aConvoy, aPage, CONVOY_ID } from '../../convoys/testing/convoy-fixtures';
import { NEW_CLIENT_ID } from '../../shared/client-id/client-id';
import { LookupsApi } from '../../shared/lookups/lookups-api';
import { aRoute, ROUTE_ID } from '../../shared/lookups/testing/lookup-fixtures';
import { Clock } from '../../shared/time/clock';
import { wordsIn } from '../../shared/testing/words-in';
import { anIncident } from '../testing/incident-fixtures';
import { IncidentForm } from './incident-form';

/** 15:00 in Damascus on 23 December 2019 (UTC+2 that winter). */
const NOW = new Date('2019-12-23T13:00:00Z');

describe('IncidentForm', () => {
  let fixture: ComponentFixture<IncidentForm>;
  let http: HttpTestingController;
  let clientIds: number;

  beforeEach(() => {
    clientIds = 0;
    TestBed.configureTestingModule({
      providers: [
        { provide: LookupsApi, useValue: { listRoutes: () => of([aRoute()]) } },
        {
          provide: ConvoysApi,
          useValue: { listConvoys: () => of(aPage([aConvoy(), aConvoy({ id: 'arrived', name: 'Arrived convoy', status: 'arrived' })])) },
        },
        { provide: NEW_CLIENT_ID, useValue: () => `client-${++clientIds}` },
        { provide: Clock, useValue: { now: signal(NOW) } },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        provideHttpClient(withFetch()),
        provideHttpClientTesting(),
        provideRouter([]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    signInAs('field');
  });

  afterEach(() => http.verify());

  async function openForm(): Promise<HTMLElement> {
    fixture = TestBed.createComponent(IncidentForm);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  async function press(root: ParentNode, label: string): Promise<void> {
    const button = Array.from(root.querySelectorAll<HTMLButtonElement>('button')).find((candidate) => wordsIn(candidate) === label);
    if (!button) throw new Error(`no button ${label}`);
    button.click();
    await fixture.whenStable();
  }

  /** A field by its control's name, or the date or time of "When". */
  async function set(sut: HTMLElement, name: string, value: string): Promise<void> {
    const selector = name === 'whenDate' ? 'rl-when-fields input[type="date"]' : name === 'whenTime' ? 'rl-when-fields input[type="time"]' : `[formControlName="${name}"]`;
    const field = sut.querySelector<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(selector)!;
    field.value = value;
    field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input'));
    await fixture.whenStable();
  }

  async function fillShelling(sut: HTMLElement): Promise<void> {
    await press(sut, 'Shelling');
    await set(sut, 'routeId', ROUTE_ID);
    await set(sut, 'convoyId', CONVOY_ID);
    await set(sut, 'injured', '2');
    await set(sut, 'description', 'Shells landed 200 m from the road near Ariha');
  }

  // The outbox keeps the report in its store before sending, and after the answer: a few turns pass.
  async function settle(): Promise<void> {
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setTimeout(resolve, 0));
    await fixture.whenStable();
  }

  async function expectReport(): Promise<TestRequest> {
    await settle();
    return http.expectOne({ method: 'POST', url: '/api/v1/incidents' });
  }

  it('offers every kind as a big button, and the convoys planned or on the road', async () => {
    const sut = await openForm();

    expect(Array.from(sut.querySelectorAll('mat-button-toggle')).map((toggle) => wordsIn(toggle))).toEqual([
      'Airstrike',
      'Shelling',
      'Armed attack',
      'Blocked road',
      'Detention',
      'Accident',
      'Other',
    ]);
    const convoys = Array.from(sut.querySelector<HTMLSelectElement>('[formControlName="convoyId"]')!.options).map((option) => option.textContent?.trim());
    expect(convoys).toEqual(['No convoy of ours', 'Evacuation Maaret north 3']);
  });

  it('reports with the client id made when the form opened, stamped with the time of the press, then starts a new report', async () => {
    const sut = await openForm();
    await fillShelling(sut);

    await press(sut, 'Report incident');
    const request = await expectReport();
    expect(request.request.body).toEqual({
      clientId: 'client-1',
      kind: 'shelling',
      routeId: ROUTE_ID,
      convoyId: CONVOY_ID,
      killed: 0,
      injured: 2,
      description: 'Shells landed 200 m from the road near Ariha',
      occurredAt: expect.any(String),
    });
    request.flush(anIncident({ kind: 'shelling' }), { status: 201, statusText: 'Created' });
    await settle();

    expect(wordsIn(sut.querySelector('.rl-confirmation'))).toBe('Reported: shelling, shared with every organisation. 1 pause window marked violated.');
    expect(sut.querySelector<HTMLTextAreaElement>('[formControlName="description"]')!.value).toBe('');
    await fillShelling(sut);
    await press(sut, 'Report incident');
    expect((await expectReport()).request.body.clientId).toBe('client-2');
  });

  it('takes a time typed on the Damascus clock, with the zone named, whatever the phone\'s own zone', async () => {
    const sut = await openForm();
    const legends = Array.from(sut.querySelectorAll('legend')).map((legend) => wordsIn(legend));
    expect(legends).toContain('When, Damascus time (Asia/Damascus)');
    await fillShelling(sut);
    await set(sut, 'whenDate', '2019-12-23');
    await set(sut, 'whenTime', '14:10');

    await press(sut, 'Report incident');
    const request = await expectReport();
    // 14:10 in Idlib that winter: UTC+2, whether the phone runs on Damascus, Istanbul (UTC+3) or UTC.
    expect(request.request.body.occurredAt).toBe('2019-12-23T14:10:00+02:00');
    request.flush(anIncident({ kind: 'shelling' }), { status: 201, statusText: 'Created' });
    await settle();
  });

  it('keeps the time of a refused report opened to be fixed as a new one, on the Damascus clock', async () => {
    TestBed.inject(Outbox).startFix({
      id: 'refused',
      userId: 'user-field',
      kind: 'incident',
      method: 'POST',
      url: '/api/v1/incidents',
      body: { clientId: 'refused', kind: 'shelling', description: 'Shells near Ariha', killed: 0, injured: 1, occurredAt: '2019-12-23T12:10:00.000Z' },
      createdAt: '2019-12-23T12:10:00.000Z',
      seq: 1,
      state: 'needs-attention',
      attempts: 1,
      retries: 0,
      nextAttemptAt: '2019-12-23T12:10:00.000Z',
      summary: 'Shelling',
    });

    const sut = await openForm();

    expect(sut.querySelector<HTMLInputElement>('rl-when-fields input[type="date"]')!.value).toBe('2019-12-23');
    expect(sut.querySelector<HTMLInputElement>('rl-when-fields input[type="time"]')!.value).toBe('14:10');
    expect(sut.querySelector<HTMLTextAreaElement>('[formControlName="description"]')!.value).toBe('Shells near Ariha');
  });

  it('refuses a date without a time, and a time later than now, before sending', async () => {
    const sut = await openForm();
    await fillShelling(sut);
    await set(sut, 'whenDate', '2019-12-23');

    await press(sut, 'Report incident');
    await settle();
    http.expectNone('/api/v1/incidents');
    expect(wordsIn(sut.querySelector('mat-error'))).toBe('Enter both the date and the time, or leave both empty for now');

    await set(sut, 'whenTime', '15:30');
    expect(wordsIn(sut.querySelector('mat-error'))).toBe('Cannot be later than now');
    await press(sut, 'Report incident');
    await settle();
    http.expectNone('/api/v1/incidents');
  });

  it('asks which of the two readings of a time that happened twice was meant', async () => {
    const sut = await openForm();
    await fillShelling(sut);
    // Syria's clocks went back from 00:00 to 23:00 on the night of 25 October 2019.
    await set(sut, 'whenDate', '2019-10-24');
    await set(sut, 'whenTime', '23:30');
    expect(sut.querySelector('rl-offset-choice')).not.toBeNull();

    // A reading chosen, then the time changed: the question is asked again, nothing is sent.
    Array.from(sut.querySelectorAll<HTMLInputElement>('rl-offset-choice input[type="radio"]'))[0].click();
    await fixture.whenStable();
    await set(sut, 'whenTime', '23:45');
    await press(sut, 'Report incident');
    await settle();
    http.expectNone('/api/v1/incidents');
    expect(wordsIn(sut.querySelector('rl-when-fields mat-error'))).toBe('This time happened twice that night: choose which');

    await set(sut, 'whenTime', '23:30');
    const second = Array.from(sut.querySelectorAll<HTMLInputElement>('rl-offset-choice input[type="radio"]'))[1];
    second.click();
    await fixture.whenStable();
    await press(sut, 'Report incident');
    const request = await expectReport();
    expect(request.request.body.occurredAt).toBe('2019-10-24T23:30:00+02:00');
    request.flush(anIncident({ kind: 'shelling' }), { status: 201, statusText: 'Created' });
    await settle();
  });

  it('asks what happened before sending', async () => {
    const sut = await openForm();
    await set(sut, 'description', 'Something');

    await press(sut, 'Report incident');

    http.expectNone('/api/v1/incidents');
    expect(wordsIn(sut.querySelector('rl-incident-kind-picker .error'))).toBe('Choose what happened');
  });

  it('keeps the report on this phone when the connection dropped, and says so', async () => {
    const sut = await openForm();
    await fillShelling(sut);

    await press(sut, 'Report incident');
    (await expectReport()).error(new ProgressEvent('error'), { status: 0 });
    await settle();

    expect(wordsIn(sut.querySelector('.rl-confirmation'))).toContain('Saved on this phone');
    expect(TestBed.inject(Outbox).entries()).toEqual([expect.objectContaining({ id: 'client-1', kind: 'incident', state: 'waiting', summary: expect.stringContaining('Shelling') })]);
  });

  it('puts the reason under the location when the report says nowhere', async () => {
    const sut = await openForm();
    await press(sut, 'Accident');
    await set(sut, 'description', 'Truck overturned');

    await press(sut, 'Report incident');
    (await expectReport()).flush(
      {
        type: 'about:blank',
        title: 'Where did it happen?',
        status: 422,
        code: 'incident.where_required',
        detail: 'Give a location, a route or a place in words',
        errors: [{ field: 'locationId', reason: 'give a location, a route or a place in words' }],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle();

    expect(wordsIn(sut.querySelector('rl-location-field mat-error'))).toBe('give a location, a route or a place in words');
  });

  it('sends as a new report when the server knows the client id with other details', async () => {
    const sut = await openForm();
    await fillShelling(sut);

    await press(sut, 'Report incident');
    (await expectReport()).flush(
      { type: 'about:blank', title: 'Client id already used', status: 422, code: 'idempotency.key_reused', errors: [{ field: 'clientId', reason: 'already used' }] },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle();

    expect(wordsIn(sut.querySelector('[role="alert"]'))).toBe(
      'An earlier press already reported an incident with other details: it reached the server, but the answer was lost on the way back. ' +
        'Check the incident list; press "Report incident" again to send this one as a separate incident.',
    );
    await press(sut, 'Report incident');
    expect((await expectReport()).request.body.clientId).toBe('client-2');
  });
});
