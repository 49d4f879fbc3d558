import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { of } from 'rxjs';

import { signInAs } from '../../core/auth/testing/session-fixtures';
import { provideTestTranslations } from '../../core/i18n/testing/test-translations';
import { Clock } from '../../shared/time/clock';
import { FieldKitStore } from '../../shared/field-kit/field-kit-store';
import { aFieldKit, aFieldKitCamp } from '../../shared/field-kit/testing/field-kit-fixtures';
import {
  aCampChoice,
  ATMEH_CAMP_ID,
  ATMEH_STORE_ID,
  FAMILY_TENT_ID,
  FOOD_PARCEL_ID,
  SARMADA_CAMP_ID,
  SARMADA_WAREHOUSE_ID,
} from '../../shared/lookups/testing/lookup-fixtures';
import { NEW_CLIENT_ID } from '../../shared/client-id/client-id';
import { Outbox } from '../../core/outbox/outbox';
import { DistributionDefaultsStore } from '../distribution-defaults';
import { aDistribution } from '../testing/distribution-fixtures';
import { FieldKitResponse } from '@relief-ledger/domain';
import { DistributionForm } from './distribution-form';

/** What `distributions.form.keyReused` says in English. */
const KEY_REUSED_MESSAGE = 'An earlier press already logged this entry with other figures';
/** 15:10 in Damascus (UTC+02:00) on 23 December 2019: the clock the form reads. */
const NOW = new Date('2019-12-23T13:10:42Z');

describe('DistributionForm', () => {
  let fixture: ComponentFixture<DistributionForm>;
  let http: HttpTestingController;
  let clientIds: number;
  /** Set by the specs of another language, which provide its translations too. */
  let language: 'en' | 'ar' = 'en';
  let fieldKit: FieldKitResponse;
  let fromCache: boolean;

  beforeEach(() => {
    fieldKit = aFieldKit({
      camps: [
        aFieldKitCamp(aCampChoice(), { storeId: ATMEH_STORE_ID }),
        aFieldKitCamp(aCampChoice({ id: SARMADA_CAMP_ID, nameEn: 'Sarmada olive grove camp' })),
        aFieldKitCamp(aCampChoice({ id: 'closed', nameEn: 'Closed camp', status: 'closed' })),
      ],
    });
    fromCache = false;
    localStorage.clear();
    clientIds = 0;
    TestBed.configureTestingModule({
      providers: [
        { provide: FieldKitStore, useValue: { load: () => of({ kit: fieldKit, fromCache }) } },
        { provide: Clock, useValue: { now: signal(NOW) } },
        { provide: NEW_CLIENT_ID, useValue: () => `client-${++clientIds}` },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        provideHttpClient(withFetch()),
        provideHttpClientTesting(),
        provideRouter([]),
        ...(language === 'en' ? [] : provideTestTranslations(language)),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    signInAs('field');
  });

  afterEach(() => http.verify());

  async function openForm(): Promise<HTMLElement> {
    fixture = TestBed.createComponent(DistributionForm);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  function control<T extends HTMLElement>(sut: HTMLElement, name: string): T {
    const element = sut.querySelector<T>(`[formControlName="${name}"]`);
    if (!element) throw new Error(`no field ${name}`);
    return element;
  }

  async function choose(sut: HTMLElement, name: string, value: string): Promise<void> {
    const select = control<HTMLSelectElement>(sut, name);
    select.value = value;
    select.dispatchEvent(new Event('change'));
    await fixture.whenStable();
  }

  async function type(sut: HTMLElement, name: string, value: string): Promise<void> {
    const input = control<HTMLInputElement>(sut, name);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
    await fixture.whenStable();
  }

  async function fillTwentyTents(sut: HTMLElement): Promise<void> {
    await choose(sut, 'campId', ATMEH_CAMP_ID);
    await choose(sut, 'itemId', FAMILY_TENT_ID);
    await choose(sut, 'stockPointId', ATMEH_STORE_ID);
    await type(sut, 'quantity', '20');
    await type(sut, 'households', '20');
  }

  // The outbox keeps the entry in its store before sending: a few turns pass before the request leaves.
  async function settle(): Promise<void> {
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setTimeout(resolve, 0));
    await fixture?.whenStable();
  }

  async function sentRequest(): Promise<TestRequest> {
    await settle();
    return http.expectOne({ method: 'POST', url: '/api/v1/distributions' });
  }

  async function pressLog(sut: HTMLElement): Promise<TestRequest> {
    const button = Array.from(sut.querySelectorAll('button')).find((candidate) => candidate.textContent?.trim() === 'Log distribution');
    if (!button) throw new Error('no "Log distribution" button');
    button.click();
    return sentRequest();
  }

  async function answer(request: TestRequest, body: object, init: Parameters<TestRequest['flush']>[1] = {}): Promise<void> {
    request.flush(body, init);
    await settle();
  }

  async function dropConnection(request: TestRequest): Promise<void> {
    request.error(new ProgressEvent('error'), { status: 0 });
    await settle();
  }

  function messageUnder(sut: HTMLElement, name: string): string {
    return control(sut, name).closest('mat-form-field')?.querySelector('mat-error')?.textContent?.trim() ?? '';
  }

  function text(element: Element | null | undefined): string {
    return element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  it('labels its fields for a quick entry on a phone', async () => {
    const sut = await openForm();

    const labels = Array.from(sut.querySelectorAll('mat-label')).map((label) => label.textContent?.trim());
    expect(labels).toEqual(['Camp', 'Stock point', 'Item', 'Quantity', 'Households', 'People', 'Date', 'Time', 'Notes']);
  });

  it('offers the open camps only', async () => {
    const sut = await openForm();

    const camps = Array.from(control<HTMLSelectElement>(sut, 'campId').options).map((option) => option.textContent?.trim());
    expect(camps).toEqual(['', 'Atmeh border camp (new)', 'Sarmada olive grove camp']);
  });

  it('sends the entry with the client id made when the form opened', async () => {
    const sut = await openForm();
    await fillTwentyTents(sut);

    const request = await pressLog(sut);

    expect(request.request.body).toEqual({
      clientId: 'client-1',
      campId: ATMEH_CAMP_ID,
      itemId: FAMILY_TENT_ID,
      stockPointId: ATMEH_STORE_ID,
      quantity: 20,
      households: 20,
      people: 100,
      // Stamped at the press on the camp's clock, so an entry sent later still says when it was handed out.
      distributedAt: '2019-12-23T15:10:00+02:00',
    });
    expect(request.request.headers.get('Idempotency-Key')).toBe('client-1');
    await answer(request, aDistribution());
  });

  it('counts five people per household until the number of people is typed', async () => {
    const sut = await openForm();

    await type(sut, 'households', '12');
    expect(control<HTMLInputElement>(sut, 'people').value).toBe('60');

    await type(sut, 'people', '55');
    await type(sut, 'households', '14');
    expect(control<HTMLInputElement>(sut, 'people').value).toBe('55');
  });

  it('refuses fewer people than households', async () => {
    const sut = await openForm();
    await type(sut, 'households', '20');

    await type(sut, 'people', '10');

    expect(messageUnder(sut, 'people')).toBe('At least one person per household: 20 or more');
  });

  it('shows what the confirmed entry left at the stock point', async () => {
    const sut = await openForm();
    await fillTwentyTents(sut);

    await answer(await pressLog(sut), aDistribution());

    expect(text(sut.querySelector('[role="status"]'))).toBe(
      'Logged: 20 family tents at Atmeh border camp (new). 480 left at Atmeh camp store.',
    );
  });

  it('starts the next entry with a new client id, cleared figures and the same camp, item and stock point', async () => {
    const sut = await openForm();
    await fillTwentyTents(sut);
    await answer(await pressLog(sut), aDistribution());

    expect(control<HTMLInputElement>(sut, 'quantity').value).toBe('');
    expect(control<HTMLInputElement>(sut, 'households').value).toBe('');
    expect(control<HTMLInputElement>(sut, 'people').value).toBe('');
    expect(messageUnder(sut, 'quantity')).toBe('');
    expect(control<HTMLSelectElement>(sut, 'campId').value).toBe(ATMEH_CAMP_ID);

    await type(sut, 'quantity', '5');
    await type(sut, 'households', '5');
    const next = await pressLog(sut);

    expect(next.request.body).toMatchObject({ clientId: 'client-2', quantity: 5, people: 25 });
    await answer(next, aDistribution({ clientId: 'client-2', quantity: 5, households: 5, people: 25, stockLeft: 475 }));
  });

  it('keeps the entry on this phone when the connection drops, says so, and starts the next one', async () => {
    const sut = await openForm();
    await fillTwentyTents(sut);

    await dropConnection(await pressLog(sut));

    expect(text(sut.querySelector('[role="status"]'))).toContain('Saved on this phone');
    expect(sut.querySelector('[role="alert"]')).toBeNull();
    expect(control<HTMLInputElement>(sut, 'quantity').value).toBe('');
    const [waiting] = TestBed.inject(Outbox).entries();
    expect(waiting).toEqual(expect.objectContaining({ id: 'client-1', state: 'waiting', kind: 'distribution' }));
    expect(waiting.body).toMatchObject({ clientId: 'client-1', quantity: 20 });

    await type(sut, 'quantity', '5');
    await type(sut, 'households', '5');
    sut.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    // The older entry goes first, with its own id; then the new one.
    const older = await sentRequest();
    expect(older.request.body.clientId).toBe('client-1');
    await answer(older, aDistribution(), { headers: { 'Idempotent-Replayed': 'true' } });
    const next = await sentRequest();
    expect(next.request.body).toMatchObject({ clientId: 'client-2', quantity: 5 });
    await answer(next, aDistribution({ clientId: 'client-2', quantity: 5, households: 5, people: 25, stockLeft: 475 }));

    expect(text(sut.querySelector('[role="status"]'))).toContain('475 left at Atmeh camp store.');
    expect(TestBed.inject(Outbox).unsentCount()).toBe(0);
  });

  it('keeps the client id after the server refused the entry, so a corrected entry is still the same one', async () => {
    const sut = await openForm();
    await fillTwentyTents(sut);

    await answer(
      await pressLog(sut),
      {
        type: 'about:blank',
        title: 'Not enough stock',
        status: 409,
        code: 'stock.insufficient',
        detail: 'Only 15 available at this stock point; 20 requested',
        errors: [{ field: 'quantity', reason: 'only 15 available' }],
      },
      { status: 409, statusText: 'Conflict' },
    );

    expect(messageUnder(sut, 'quantity')).toBe('only 15 available');
    expect(text(sut.querySelector('[role="alert"]'))).toContain('Only 15 available at this stock point; 20 requested');

    await type(sut, 'quantity', '15');
    // The refusal was handed back to this form, not kept in the outbox as well.
    expect(TestBed.inject(Outbox).entries()).toEqual([]);
    const corrected = await pressLog(sut);
    expect(corrected.request.body).toMatchObject({ clientId: 'client-1', quantity: 15 });
    await answer(corrected, aDistribution({ quantity: 15, stockLeft: 0 }));
  });

  it('offers to log as a separate distribution when its id was already used for other figures', async () => {
    const sut = await openForm();
    await fillTwentyTents(sut);
    await answer(
      await pressLog(sut),
      {
        type: 'about:blank',
        title: 'Client id already used',
        status: 422,
        code: 'idempotency.key_reused',
        errors: [{ field: 'clientId', reason: 'was already used for a different distribution' }],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    expect(text(sut.querySelector('[role="alert"]'))).toContain(KEY_REUSED_MESSAGE);

    const button = Array.from(sut.querySelectorAll('button')).find((candidate) => candidate.textContent?.trim() === 'Log as a separate distribution');
    button?.click();

    const separate = await sentRequest();
    expect(separate.request.body.clientId).toBe('client-2');
    await answer(separate, aDistribution({ clientId: 'client-2' }));
  });

  it('opens a refused outbox entry to fix as a new entry, and discards the old one once the new one is kept', async () => {
    const outbox = TestBed.inject(Outbox);
    const online = jest.spyOn(window.navigator, 'onLine', 'get').mockReturnValue(false);
    const body = {
      clientId: 'refused-1',
      campId: ATMEH_CAMP_ID,
      itemId: FAMILY_TENT_ID,
      stockPointId: ATMEH_STORE_ID,
      quantity: 900,
      households: 90,
      people: 450,
      distributedAt: '2019-12-23T15:00:00+02:00',
    };
    await new Promise<void>((resolve) => outbox.send({ kind: 'distribution', url: '/api/v1/distributions', body, summary: '900 family tents' }, () => undefined).subscribe({ complete: resolve }));
    online.mockRestore();
    const drained = outbox.drain(true);
    (await sentRequest()).flush({ type: 'about:blank', title: 'Not enough stock', status: 409, code: 'stock.insufficient' }, { status: 409, statusText: 'Conflict' });
    await drained;
    const [refused] = outbox.entries();
    expect(refused.state).toBe('needs-attention');

    outbox.startFix(refused);
    const sut = await openForm();
    expect(control<HTMLInputElement>(sut, 'quantity').value).toBe('900');
    expect(control<HTMLSelectElement>(sut, 'campId').value).toBe(ATMEH_CAMP_ID);

    await type(sut, 'quantity', '400');
    const fixed = await pressLog(sut);
    // The corrected entry keeps when the refused one was handed out, on the camp's clock.
    expect(fixed.request.body).toMatchObject({ clientId: 'client-1', quantity: 400, households: 90, people: 450, distributedAt: '2019-12-23T15:00:00+02:00' });
    await answer(fixed, aDistribution({ clientId: 'client-1', quantity: 400 }));

    expect(outbox.entries().map((entry) => [entry.id, entry.state])).toEqual([['client-1', 'sent']]);
  });

  it('does not send an entry with missing fields, and says what is missing', async () => {
    const sut = await openForm();

    const button = Array.from(sut.querySelectorAll('button')).find((candidate) => candidate.textContent?.trim() === 'Log distribution');
    button?.click();
    await fixture.whenStable();

    http.expectNone({ method: 'POST', url: '/api/v1/distributions' });
    expect(messageUnder(sut, 'campId')).toBe('Choose the camp');
    expect(messageUnder(sut, 'quantity')).toBe('Enter how many were handed out');
  });

  it('starts with the camp, item and stock point of the last entry', async () => {
    TestBed.inject(DistributionDefaultsStore).remember({ campId: SARMADA_CAMP_ID, itemId: FOOD_PARCEL_ID, stockPointId: SARMADA_WAREHOUSE_ID });

    const sut = await openForm();

    expect(control<HTMLSelectElement>(sut, 'campId').value).toBe(SARMADA_CAMP_ID);
    expect(control<HTMLSelectElement>(sut, 'itemId').value).toBe(FOOD_PARCEL_ID);
    expect(control<HTMLSelectElement>(sut, 'stockPointId').value).toBe(SARMADA_WAREHOUSE_ID);
  });

  it('remembers the choices of a confirmed entry for the next visit', async () => {
    const first = await openForm();
    await fillTwentyTents(first);
    await answer(await pressLog(first), aDistribution());
    fixture.destroy();

    const sut = await openForm();

    expect(control<HTMLSelectElement>(sut, 'campId').value).toBe(ATMEH_CAMP_ID);
    expect(control<HTMLSelectElement>(sut, 'itemId').value).toBe(FAMILY_TENT_ID);
    expect(control<HTMLSelectElement>(sut, 'stockPointId').value).toBe(ATMEH_STORE_ID);
  });

  it('leaves out remembered choices that are no longer on offer', async () => {
    TestBed.inject(DistributionDefaultsStore).remember({ campId: 'closed', itemId: 'gone', stockPointId: ATMEH_STORE_ID });

    const sut = await openForm();

    expect(control<HTMLSelectElement>(sut, 'campId').value).toBe('');
    expect(control<HTMLSelectElement>(sut, 'itemId').value).toBe('');
    expect(control<HTMLSelectElement>(sut, 'stockPointId').value).toBe(ATMEH_STORE_ID);
  });

  it("keeps each user's choices apart on a shared phone", async () => {
    TestBed.inject(DistributionDefaultsStore).remember({ campId: SARMADA_CAMP_ID });
    signInAs('field', { id: 'user-other' });

    const sut = await openForm();

    expect(control<HTMLSelectElement>(sut, 'campId').value).toBe('');
  });

  it("picks the chosen camp's own store when no stock point was used before", async () => {
    TestBed.inject(DistributionDefaultsStore).remember({ campId: ATMEH_CAMP_ID });

    const sut = await openForm();

    expect(control<HTMLSelectElement>(sut, 'stockPointId').value).toBe(ATMEH_STORE_ID);
  });

  it("chooses the camp's own store when a camp is chosen", async () => {
    const sut = await openForm();
    await choose(sut, 'stockPointId', SARMADA_WAREHOUSE_ID);

    await choose(sut, 'campId', ATMEH_CAMP_ID);

    expect(control<HTMLSelectElement>(sut, 'stockPointId').value).toBe(ATMEH_STORE_ID);
  });

  it('keeps the stock point chosen when the camp has no store of its own', async () => {
    const sut = await openForm();
    await choose(sut, 'stockPointId', SARMADA_WAREHOUSE_ID);

    await choose(sut, 'campId', SARMADA_CAMP_ID);

    expect(control<HTMLSelectElement>(sut, 'stockPointId').value).toBe(SARMADA_WAREHOUSE_ID);
  });

  it('lists what the chosen stock point holds first, most first, with the quantities, and the other items below', async () => {
    const sut = await openForm();

    await choose(sut, 'stockPointId', SARMADA_WAREHOUSE_ID);

    const groups = Array.from(control<HTMLSelectElement>(sut, 'itemId').querySelectorAll('optgroup')).map((group) => ({
      label: group.label,
      items: Array.from(group.querySelectorAll('option')).map((option) => text(option)),
    }));
    expect(groups).toEqual([{ label: 'Held at Sarmada warehouse', items: ['Family food parcel (19,000 held)', 'Family tent (40 held)'] }, { label: 'Not held there', items: [] }]);
    await choose(sut, 'stockPointId', ATMEH_STORE_ID);
    const options = Array.from(control<HTMLSelectElement>(sut, 'itemId').querySelectorAll('option')).map((option) => text(option));
    expect(options).toEqual(['', 'Family tent (500 held)', 'Family food parcel']);
  });

  it("starts at now on the camp's clock, with the zone named", async () => {
    const sut = await openForm();

    expect(control<HTMLInputElement>(sut, 'distributedDate').value).toBe('2019-12-23');
    expect(control<HTMLInputElement>(sut, 'distributedTime').value).toBe('15:10');
    expect(text(sut.querySelector('fieldset.when legend'))).toBe('When, Damascus time (Asia/Damascus)');
  });

  it("sends a time entered later as that instant on the camp's clock, with the zone's offset then", async () => {
    const sut = await openForm();
    await fillTwentyTents(sut);
    await type(sut, 'distributedTime', '14:30');

    const request = await pressLog(sut);

    expect(request.request.body.distributedAt).toBe('2019-12-23T14:30:00+02:00');
    expect(new Date(request.request.body.distributedAt as string).toISOString()).toBe('2019-12-23T12:30:00.000Z');
    await answer(request, aDistribution());
  });

  it('sends the reading chosen for a time that happened twice', async () => {
    const sut = await openForm();
    await fillTwentyTents(sut);
    // Syria's clocks went back from 00:00 to 23:00 on the night of 25 October 2019.
    await type(sut, 'distributedDate', '2019-10-24');
    await type(sut, 'distributedTime', '23:30');
    sut.querySelectorAll<HTMLInputElement>('rl-offset-choice input[type="radio"]')[1].click();
    await fixture.whenStable();

    const request = await pressLog(sut);

    expect(request.request.body.distributedAt).toBe('2019-10-24T23:30:00+02:00');
    await answer(request, aDistribution());
  });

  it('asks again for the reading when the date moves a typed time into the night the clocks went back, and sends nothing meanwhile', async () => {
    const sut = await openForm();
    await fillTwentyTents(sut);
    await type(sut, 'distributedTime', '23:30');
    await type(sut, 'distributedDate', '2019-10-24');
    expect(sut.querySelector('rl-offset-choice')).not.toBeNull();

    const button = Array.from(sut.querySelectorAll('button')).find((candidate) => candidate.textContent?.trim() === 'Log distribution');
    button?.click();
    await fixture.whenStable();
    http.expectNone('/api/v1/distributions');

    sut.querySelectorAll<HTMLInputElement>('rl-offset-choice input[type="radio"]')[0].click();
    await fixture.whenStable();
    await type(sut, 'distributedTime', '23:45');
    // A new time is a new question: the reading chosen for 23:30 is not taken for 23:45.
    button?.click();
    await fixture.whenStable();
    http.expectNone('/api/v1/distributions');
    expect(messageUnder(sut, 'distributedTime')).toBe('This time happened twice that night: choose which');
  });

  it('refuses a time later than now, and sends nothing', async () => {
    const sut = await openForm();
    await fillTwentyTents(sut);
    await type(sut, 'distributedTime', '15:30');

    const button = Array.from(sut.querySelectorAll('button')).find((candidate) => candidate.textContent?.trim() === 'Log distribution');
    button?.click();
    await fixture.whenStable();

    http.expectNone('/api/v1/distributions');
    expect(messageUnder(sut, 'distributedTime')).toBe('Cannot be later than now');
  });

  it("says the lookups are this phone's copy, and from when, on the sites' clock", async () => {
    fromCache = true;

    const sut = await openForm();

    expect(text(sut.querySelector('rl-as-of-notice'))).toBe('Offline: showing what this phone kept, as of \u206814:30 Damascus, Mon, 23 Dec 2019\u2069');
  });

  it('says nothing of a copy when the lookups came from the server', async () => {
    const sut = await openForm();

    expect(sut.querySelector('rl-as-of-notice')).toBeNull();
  });

  describe('in Arabic', () => {
    beforeAll(() => (language = 'ar'));
    afterAll(() => (language = 'en'));

    async function pressLogInArabic(sut: HTMLElement): Promise<TestRequest> {
      const button = Array.from(sut.querySelectorAll('button')).find((candidate) => candidate.textContent?.trim() === 'تسجيل التوزيع');
      if (!button) throw new Error('no "تسجيل التوزيع" button');
      button.click();
      return sentRequest();
    }

    it('labels its fields and names the camps and items in Arabic', async () => {
      const sut = await openForm();

      const labels = Array.from(sut.querySelectorAll('mat-label')).map((label) => label.textContent?.trim());
      expect(labels).toEqual(['المخيم', 'نقطة المخزون', 'المادة', 'الكمية', 'الأسر', 'الأشخاص', 'التاريخ', 'الوقت', 'ملاحظات']);
      const camps = Array.from(control<HTMLSelectElement>(sut, 'campId').options).map((option) => option.textContent?.trim());
      expect(camps).toContain('مخيم أطمة الحدودي');
      const items = Array.from(control<HTMLSelectElement>(sut, 'itemId').options).map((option) => option.textContent?.trim());
      expect(items).toContain('خيمة عائلية');
    });

    it('stores "١٢٠" typed with Arabic-Indic digits as 120, and confirms in Arabic', async () => {
      const sut = await openForm();
      await choose(sut, 'campId', ATMEH_CAMP_ID);
      await choose(sut, 'itemId', FAMILY_TENT_ID);
      await choose(sut, 'stockPointId', ATMEH_STORE_ID);
      await type(sut, 'quantity', '١٢٠');
      await type(sut, 'households', '٢٤');

      const request = await pressLogInArabic(sut);
      expect(request.request.body).toMatchObject({ quantity: 120, households: 24, people: 120 });
      await answer(request, aDistribution({ quantity: 120, households: 24, people: 120, stockLeft: 380 }));

      expect(text(sut.querySelector('[role="status"]'))).toBe('سُجّل التوزيع (خيمة عائلية: 120) في مخيم أطمة الحدودي. المتبقي في \u2068Atmeh camp store\u2069: 380.');
    });

    it('says why a figure is refused in Arabic', async () => {
      const sut = await openForm();
      await type(sut, 'households', '20');
      await type(sut, 'people', '10');

      expect(messageUnder(sut, 'people')).toBe('شخص واحد على الأقل لكل أسرة: 20 أو أكثر');
    });
  });
});
