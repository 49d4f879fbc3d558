import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, Router } from '@angular/router';
import { of } from 'rxjs';

import { signInAs } from '../../core/auth/testing/session-fixtures';
import { LookupsApi } from '../../shared/lookups/lookups-api';
import { anItem, aRoute, aStockPoint, ATMEH_STORE_ID, aWarehouse, FAMILY_TENT_ID, ROUTE_ID, SARMADA_WAREHOUSE_ID } from '../../shared/lookups/testing/lookup-fixtures';
import { wordsIn } from '../../shared/testing/words-in';
import { VIEWER_TIME_ZONE } from '../../shared/time/zoned-time';
import { aConvoyDetail, NOW } from '../testing/convoy-fixtures';
import { provideFixedClock } from '../testing/fixed-clock';
import { ConvoyForm } from './convoy-form';

@Component({ template: '' })
class ConvoyPageStub {}

describe('ConvoyForm', () => {
  let fixture: ComponentFixture<ConvoyForm>;
  let http: HttpTestingController;
  /** The routes the form offers; a test may add one before opening the form. */
  let routes: ReturnType<typeof aRoute>[];

  beforeEach(() => {
    routes = [aRoute()];
    TestBed.configureTestingModule({
      providers: [
        provideFixedClock(NOW).provider,
        { provide: VIEWER_TIME_ZONE, useValue: 'Europe/Berlin' },
        {
          provide: LookupsApi,
          useValue: { listRoutes: () => of(routes), listStockPoints: () => of([aStockPoint(), aWarehouse()]), listItems: () => of([anItem()]) },
        },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        provideHttpClient(withFetch()),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'convoys/:id', component: ConvoyPageStub },
          { path: 'routes/new', component: ConvoyPageStub },
        ]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    signInAs('coordinator');
  });

  afterEach(() => http.verify());

  async function openForm(): Promise<HTMLElement> {
    fixture = TestBed.createComponent(ConvoyForm);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  function control<T extends HTMLElement>(sut: HTMLElement, name: string): T {
    const element = sut.querySelector<T>(`[formControlName="${name}"]`);
    if (!element) throw new Error(`no field ${name}`);
    return element;
  }

  async function set(sut: HTMLElement, name: string, value: string, within: ParentNode = sut): Promise<void> {
    const element = within.querySelector<HTMLInputElement | HTMLSelectElement>(`[formControlName="${name}"]`) ?? control<HTMLInputElement>(sut, name);
    element.value = value;
    element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? 'change' : 'input'));
    await fixture.whenStable();
  }

  async function fillEvacuation(sut: HTMLElement, time = '15:30', date = '2019-12-23'): Promise<void> {
    await set(sut, 'name', 'Maaret evacuation convoy 4');
    await set(sut, 'routeId', ROUTE_ID);
    await set(sut, 'departureDate', date);
    await set(sut, 'departureTime', time);
    await set(sut, 'expectedDurationMinutes', '90');
    await set(sut, 'vehicleCount', '6');
    await set(sut, 'peopleAboard', '140');
  }

  async function pressPlan(sut: HTMLElement): Promise<TestRequest> {
    Array.from(sut.querySelectorAll('button')).find((button) => wordsIn(button) === 'Plan convoy')!.click();
    await fixture.whenStable();
    return http.expectOne({ method: 'POST', url: '/api/v1/convoys' });
  }

  it("starts on today's date on the Damascus clock, with the default margin and check-in interval", async () => {
    const sut = await openForm();

    expect(control<HTMLInputElement>(sut, 'departureDate').value).toBe('2019-12-23');
    expect(control<HTMLInputElement>(sut, 'safetyMarginMinutes').value).toBe('60');
    expect(control<HTMLInputElement>(sut, 'checkInIntervalMinutes').value).toBe('30');
  });

  it("reads the departure on the route's clock back in UTC and in the viewer's time", async () => {
    const sut = await openForm();
    await fillEvacuation(sut);

    expect(wordsIn(sut.querySelector('.read-back'))).toBe('That is 13:30 UTC (UTC+00:00) · 14:30 Berlin (UTC+01:00) your time');
    expect(wordsIn(sut.querySelector('legend'))).toBe('Planned departure, Damascus time (Asia/Damascus)');
  });

  it('plans the convoy with the departure as an instant, then opens it', async () => {
    const sut = await openForm();
    await fillEvacuation(sut);

    const request = await pressPlan(sut);
    expect(request.request.body).toEqual({
      name: 'Maaret evacuation convoy 4',
      purpose: 'evacuation',
      routeId: ROUTE_ID,
      plannedDepartureAt: '2019-12-23T13:30:00.000Z',
      expectedDurationMinutes: 90,
      safetyMarginMinutes: 60,
      vehicleCount: 6,
      peopleAboard: 140,
      checkInIntervalMinutes: 30,
    });
    request.flush(aConvoyDetail({ id: 'new-convoy', status: 'planned' }), { status: 201, statusText: 'Created' });
    await fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/convoys/new-convoy');
  });

  it('asks which 23:30 was meant the night the clocks went back, and sends the one chosen', async () => {
    const sut = await openForm();
    await fillEvacuation(sut, '23:30', '2019-10-24');

    const radios = Array.from(sut.querySelectorAll('rl-offset-choice mat-radio-button')).map((radio) => wordsIn(radio));
    expect(radios).toEqual(['The first 23:30 (UTC+03:00), before the clocks went back', 'The second 23:30 (UTC+02:00), after the clocks went back']);
    sut.querySelectorAll<HTMLInputElement>('rl-offset-choice input[type="radio"]')[1].click();
    await fixture.whenStable();

    expect((await pressPlan(sut)).request.body.plannedDepartureAt).toBe('2019-10-24T21:30:00.000Z');
  });

  it('sends nothing while a repeated time has no offset chosen', async () => {
    const sut = await openForm();
    await fillEvacuation(sut, '23:30', '2019-10-24');

    Array.from(sut.querySelectorAll('button')).find((button) => wordsIn(button) === 'Plan convoy')!.click();
    await fixture.whenStable();

    http.expectNone('/api/v1/convoys');
    expect(wordsIn(control(sut, 'departureTime').closest('mat-form-field')?.querySelector('mat-error'))).toBe(
      'This time happened twice that night: choose which one below',
    );
  });

  it('sends the cargo with where it is received, and places the API\'s reason under the line it names', async () => {
    const sut = await openForm();
    await fillEvacuation(sut);
    Array.from(sut.querySelectorAll('button')).find((button) => wordsIn(button) === 'Add a cargo line')!.click();
    await fixture.whenStable();
    const line = sut.querySelector<HTMLElement>('.cargo-line')!;
    await set(sut, 'stockPointId', SARMADA_WAREHOUSE_ID, line);
    await set(sut, 'itemId', FAMILY_TENT_ID, line);
    await set(sut, 'quantity', '200', line);
    const destination = sut.querySelector<HTMLSelectElement>('.destination select')!;
    destination.value = ATMEH_STORE_ID;
    destination.dispatchEvent(new Event('change'));
    await fixture.whenStable();

    const request = await pressPlan(sut);
    expect(request.request.body).toMatchObject({
      cargo: [{ stockPointId: SARMADA_WAREHOUSE_ID, itemId: FAMILY_TENT_ID, quantity: 200 }],
      destinationStockPointId: ATMEH_STORE_ID,
    });
    request.flush(
      { type: 'about:blank', title: 'Unknown item', status: 422, errors: [{ field: 'cargo.0.itemId', reason: 'no item with this id' }] },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await fixture.whenStable();

    expect(wordsIn(line.querySelector('[formControlName="itemId"]')?.closest('mat-form-field')?.querySelector('mat-error'))).toBe('no item with this id');
  });

  it('offers to create the stock point a route ending elsewhere lacks, then plans the convoy to it', async () => {
    const toIdlib = aRoute({
      id: 'route-idlib',
      name: 'Sarmada to Idlib city',
      stops: [
        { locationId: 'loc-sarmada', pcode: 'SY07030101', nameEn: 'Sarmada', nameAr: 'سرمدا' },
        { locationId: 'loc-idlib', pcode: 'SY07000001', nameEn: 'Idlib city', nameAr: 'مدينة إدلب' },
      ],
    });
    routes = [aRoute(), toIdlib];
    const sut = await openForm();
    await fillEvacuation(sut);
    await set(sut, 'routeId', 'route-idlib');
    Array.from(sut.querySelectorAll('button')).find((button) => wordsIn(button) === 'Add a cargo line')!.click();
    await fixture.whenStable();
    const line = sut.querySelector<HTMLElement>('.cargo-line')!;
    await set(sut, 'stockPointId', SARMADA_WAREHOUSE_ID, line);
    await set(sut, 'itemId', FAMILY_TENT_ID, line);
    await set(sut, 'quantity', '40', line);

    expect(wordsIn(sut.querySelector('.no-destination-point'))).toContain('Your organisation has no stock point at Idlib city, where this route ends.');
    await pressButton(sut, 'Create a stock point here');
    const form = sut.querySelector<HTMLElement>('rl-stock-point-form')!;
    // The route's last stop is the place, already chosen.
    expect(form.querySelector<HTMLInputElement>('rl-location-field input')!.value).toBe('Idlib city (SY07000001)');
    await set(sut, 'name', 'Idlib city warehouse', form);
    await pressButton(form, 'Create stock point');
    const create = http.expectOne({ method: 'POST', url: '/api/v1/stock-points' });
    expect(create.request.body).toEqual({ name: 'Idlib city warehouse', kind: 'warehouse', locationId: 'loc-idlib' });
    create.flush(aStockPoint({ id: 'point-idlib', name: 'Idlib city warehouse', kind: 'warehouse', locationId: 'loc-idlib', locationName: 'Idlib city', campId: null }));
    await fixture.whenStable();

    expect(sut.querySelector('rl-stock-point-form')).toBeNull();
    expect(sut.querySelector('.no-destination-point')).toBeNull();
    expect(sut.querySelector<HTMLSelectElement>('.destination select')!.value).toBe('point-idlib');
    const request = await pressPlan(sut);
    expect(request.request.body).toMatchObject({ routeId: 'route-idlib', destinationStockPointId: 'point-idlib' });
  });

  async function pressButton(sut: HTMLElement, label: string): Promise<void> {
    Array.from(sut.querySelectorAll('button')).find((button) => wordsIn(button) === label)!.click();
    await fixture.whenStable();
  }

  /** An evacuation of `count` vehicles, with `rows` vehicle rows added: the rows. */
  async function evacuationWithVehicleRows(count: number, rows: number): Promise<{ sut: HTMLElement; rows: NodeListOf<HTMLElement> }> {
    const sut = await openForm();
    await fillEvacuation(sut);
    await set(sut, 'vehicleCount', String(count));
    for (let row = 0; row < rows; row += 1) await pressButton(sut, 'Add a vehicle');
    return { sut, rows: sut.querySelectorAll<HTMLElement>('.vehicle-row') };
  }

  it('links to making a new route, which comes back here', async () => {
    const sut = await openForm();

    const link = Array.from(sut.querySelectorAll('a')).find((candidate) => wordsIn(candidate) === 'New route');
    expect(link?.getAttribute('href')).toBe('/routes/new?returnUrl=%2Fconvoys%2Fnew');
  });

  it('starts on the route it is sent back with', async () => {
    fixture = TestBed.createComponent(ConvoyForm);
    fixture.componentRef.setInput('routeId', ROUTE_ID);
    await fixture.whenStable();
    const sut = fixture.nativeElement as HTMLElement;

    expect(control<HTMLSelectElement>(sut, 'routeId').value).toBe(ROUTE_ID);
    expect(wordsIn(control(sut, 'routeId').closest('mat-form-field')?.querySelector('mat-hint'))).toBe("Ma'arat al-Num'an → Ariha → Sarmada");
  });

  it('sends the plates and drivers listed, leaving out empty rows', async () => {
    const { sut, rows } = await evacuationWithVehicleRows(2, 2);
    await set(sut, 'plate', ' Idlib 123456 ', rows[0]);
    await set(sut, 'driver', 'Abu Khaled', rows[0]);

    expect((await pressPlan(sut)).request.body.vehicles).toEqual([{ plate: 'Idlib 123456', driver: 'Abu Khaled' }]);
  });

  it('lists no more vehicles than the convoy has', async () => {
    const { sut } = await evacuationWithVehicleRows(1, 1);
    expect(Array.from(sut.querySelectorAll('button')).find((button) => wordsIn(button) === 'Add a vehicle')?.disabled).toBe(true);

    await pressButton(sut, 'Add a vehicle');
    expect(sut.querySelectorAll('.vehicle-row')).toHaveLength(1);
  });

  it('sends nothing while more vehicles are listed than the convoy has', async () => {
    const { sut } = await evacuationWithVehicleRows(2, 2);
    await set(sut, 'vehicleCount', '1');

    await pressButton(sut, 'Plan convoy');

    http.expectNone('/api/v1/convoys');
    expect(wordsIn(sut.querySelector('.vehicles [role="alert"]'))).toBe('More vehicles listed than the 1 the convoy has: remove some, or raise the number');
  });

  it("shows the API's reasons about the vehicles in their fieldset and under the plate it names", async () => {
    const { sut, rows } = await evacuationWithVehicleRows(6, 1);
    const row = rows[0];
    await set(sut, 'plate', 'Idlib 123456', row);

    const errors = [
      { field: 'vehicles', reason: 'lists more vehicles than vehicleCount (6)' },
      { field: 'vehicles.0.plate', reason: 'must not contain control characters or broken Unicode' },
    ];
    (await pressPlan(sut)).flush({ type: 'about:blank', title: 'Invalid convoy', status: 422, errors }, { status: 422, statusText: 'Unprocessable Entity' });
    await fixture.whenStable();

    expect(wordsIn(sut.querySelector('.vehicles [role="alert"]'))).toBe('lists more vehicles than vehicleCount (6)');
    expect(wordsIn(row.querySelector('[formControlName="plate"]')?.closest('mat-form-field')?.querySelector('mat-error'))).toBe(
      'must not contain control characters or broken Unicode',
    );
  });
});
