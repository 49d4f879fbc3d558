import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, Router } from '@angular/router';
import { LocationResponse } from '@relief-ledger/domain';
import { of } from 'rxjs';

import { signInAs } from '../../core/auth/testing/session-fixtures';
import { aPage } from '../../core/http/testing/page-fixtures';
import { LOCATION_FIELD_DEBOUNCE_MS } from '../../shared/location-field/location-field';
import { LookupsApi } from '../../shared/lookups/lookups-api';
import { aLocation, aRoute, ROUTE_ID } from '../../shared/lookups/testing/lookup-fixtures';
import { wordsIn } from '../../shared/testing/words-in';
import { RouteForm } from './route-form';

@Component({ template: '' })
class PageStub {}

const PLACES: LocationResponse[] = [
  aLocation({ id: 'loc-maarat', nameEn: "Ma'arat al-Num'an", nameAr: 'معرة النعمان', pcode: 'SY07020001' }),
  aLocation({ id: 'loc-ariha', nameEn: 'Ariha', nameAr: 'أريحا', pcode: 'SY07050001' }),
  aLocation({ id: 'loc-sarmada', nameEn: 'Sarmada', nameAr: 'سرمدا', pcode: 'SY07030101' }),
];

describe('RouteForm', () => {
  let fixture: ComponentFixture<RouteForm>;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        {
          provide: LookupsApi,
          useValue: {
            listLocations: ({ name }: { name: string }) =>
              of(aPage(PLACES.filter((place) => `${place.nameEn} ${place.pcode}`.toLowerCase().includes(name.toLowerCase())))),
          },
        },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        provideHttpClient(withFetch()),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'routes', component: PageStub },
          { path: 'convoys/new', component: PageStub },
        ]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    signInAs('coordinator');
  });

  afterEach(() => http.verify());

  async function openForm(returnUrl?: string): Promise<HTMLElement> {
    fixture = TestBed.createComponent(RouteForm);
    if (returnUrl) fixture.componentRef.setInput('returnUrl', returnUrl);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  async function typeName(sut: HTMLElement, name: string): Promise<void> {
    const input = sut.querySelector<HTMLInputElement>('[formControlName="name"]')!;
    input.value = name;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  async function addStop(sut: HTMLElement, search: string): Promise<void> {
    const input = sut.querySelector<HTMLInputElement>('rl-location-field input')!;
    input.focus();
    input.value = search;
    input.dispatchEvent(new Event('input'));
    await new Promise((resolve) => setTimeout(resolve, LOCATION_FIELD_DEBOUNCE_MS + 20));
    await fixture.whenStable();
    const option = Array.from(document.querySelectorAll<HTMLElement>('mat-option')).find((candidate) => !candidate.hasAttribute('aria-disabled') || candidate.getAttribute('aria-disabled') === 'false');
    if (!option) throw new Error(`no place matches ${search}`);
    option.click();
    await fixture.whenStable();
  }

  async function press(sut: HTMLElement, label: string): Promise<void> {
    const button = Array.from(sut.querySelectorAll<HTMLButtonElement>('button')).find((candidate) => (candidate.getAttribute('aria-label') ?? wordsIn(candidate)) === label);
    if (!button) throw new Error(`no button ${label}`);
    button.click();
    await fixture.whenStable();
  }

  /** Ariha to Sarmada, named, then sent: the request the API answers next. */
  async function createArihaToSarmada(sut: HTMLElement, name = 'Ariha to Sarmada'): Promise<TestRequest> {
    await typeName(sut, name);
    await addStop(sut, 'Ariha');
    await addStop(sut, 'Sarmada');
    await press(sut, 'Create route');
    return expectPost();
  }

  function stops(sut: HTMLElement): string[] {
    return Array.from(sut.querySelectorAll('ol[aria-label="Stops, in travel order"] .stop')).map((stop) => wordsIn(stop));
  }

  function errorUnder(sut: HTMLElement, selector: string): string {
    return wordsIn(sut.querySelector(selector)?.closest('mat-form-field')?.querySelector('mat-error'));
  }

  function expectPost(): TestRequest {
    return http.expectOne({ method: 'POST', url: '/api/v1/routes' });
  }

  it('adds places found by name or P-code in travel order, reorders and removes them, and sends their ids in that order', async () => {
    const sut = await openForm();
    await typeName(sut, "  Ma'arat al-Num'an to Sarmada ");
    await addStop(sut, 'Sarmada');
    await addStop(sut, 'SY0702');
    await addStop(sut, 'Ariha');
    expect(stops(sut)).toEqual(['1 Sarmada (SY07030101)', "2 Ma'arat al-Num'an (SY07020001)", '3 Ariha (SY07050001)']);

    await press(sut, 'Move Sarmada down');
    await press(sut, 'Move Sarmada down');
    await press(sut, "Move Ma'arat al-Num'an up");
    expect(wordsIn(sut.querySelector('.read-back'))).toBe("Ma'arat al-Num'an → Ariha → Sarmada");
    await addStop(sut, 'Sarmada');
    expect(stops(sut)).toHaveLength(3);

    await press(sut, 'Create route');
    const request = expectPost();
    expect(request.request.body).toEqual({ name: "Ma'arat al-Num'an to Sarmada", locationIds: ['loc-maarat', 'loc-ariha', 'loc-sarmada'] });
    request.flush(aRoute(), { status: 201, statusText: 'Created' });
    await fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/routes');
  });

  it('disables moving the first stop up and the last down, and removes a stop', async () => {
    const sut = await openForm();
    await addStop(sut, 'Ariha');
    await addStop(sut, 'Sarmada');

    const button = (label: string) => sut.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`)!;
    expect(button('Move Ariha up').disabled).toBe(true);
    expect(button('Move Sarmada down').disabled).toBe(true);
    expect(button('Move Ariha down').disabled).toBe(false);
    await press(sut, 'Remove Ariha');

    expect(stops(sut)).toEqual(['1 Sarmada (SY07030101)']);
  });

  it('asks for a name and at least two places before sending', async () => {
    const sut = await openForm();
    await addStop(sut, 'Ariha');

    await press(sut, 'Create route');

    http.expectNone('/api/v1/routes');
    expect(errorUnder(sut, '[formControlName="name"]')).toBe('Required');
    expect(errorUnder(sut, 'rl-location-field input')).toBe('Add at least two places: where the route starts and where it ends');
  });

  it('puts the reason under the name when a route of that name exists', async () => {
    const sut = await openForm();
    const request = await createArihaToSarmada(sut, 'Sarmada to Atmeh border');

    const reason = 'a route named "Sarmada to Atmeh border" already exists';
    request.flush(
      { type: 'about:blank', title: 'Route already exists', status: 409, code: 'route.duplicate_name', errors: [{ field: 'name', reason }] },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();

    expect(errorUnder(sut, '[formControlName="name"]')).toBe(reason);
    expect(wordsIn(sut.querySelector('.rl-banner'))).toBe('Route already exists — check the fields marked below');
  });

  it('puts the reason for an unknown place under the stops', async () => {
    const sut = await openForm();
    const request = await createArihaToSarmada(sut);

    const reason = 'no location with id loc-ariha';
    request.flush(
      { type: 'about:blank', title: 'Unknown location', status: 422, errors: [{ field: 'locationIds', reason }] },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await fixture.whenStable();

    expect(errorUnder(sut, 'rl-location-field input')).toBe(reason);
  });

  it('goes back to the convoy form it came from, with the new route chosen there', async () => {
    const sut = await openForm('/convoys/new');
    (await createArihaToSarmada(sut)).flush(aRoute(), { status: 201, statusText: 'Created' });
    await fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe(`/convoys/new?routeId=${ROUTE_ID}`);
  });

  it('does not follow a return address to another site', async () => {
    const sut = await openForm('//evil.example/convoys/new');
    (await createArihaToSarmada(sut)).flush(aRoute(), { status: 201, statusText: 'Created' });
    await fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/routes');
  });
});
