import { provideHttpClient, withFetch } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { CampResponse } from '@relief-ledger/domain';
import { of, Subject, throwError } from 'rxjs';

import { ProblemError } from '../../core/problems/problem-error';
import { NETWORK_FAILURE_MESSAGE, NETWORK_PROBLEM_TYPE } from '../../core/problems/to-problem';
import { LookupsApi } from '../../shared/lookups/lookups-api';
import { CampsApi } from '../camps-api';
import { signInAs } from '../../core/auth/testing/session-fixtures';
import { aCamp, aLocation, aPage } from '../testing/camp-fixtures';
import { CampForm, LOCATION_SEARCH_DEBOUNCE_MS } from './camp-form';

/** What `camps.detail.stale` says in English. */
const STALE_VERSION_MESSAGE = 'This camp was changed by someone else; reload to see their changes';

@Component({ template: '' })
class CampPageStub {}

function staleVersion(): ProblemError {
  return new ProblemError({ type: 'about:blank', title: 'Camp changed meanwhile', status: 409, code: 'camp.stale_version' });
}

describe('CampForm', () => {
  let fixture: ComponentFixture<CampForm>;
  let api: { [K in keyof CampsApi]: jest.Mock };
  let lookups: { listLocations: jest.Mock };

  beforeEach(() => {
    api = {
      listCamps: jest.fn(),
      getCamp: jest.fn(() => of(aCamp())),
      createCamp: jest.fn(() => of(aCamp())),
      updateCamp: jest.fn(() => of(aCamp({ version: 4 }))),
      closeCamp: jest.fn(),
      getCoverage: jest.fn(),
    };
    lookups = {
      listLocations: jest.fn(() =>
        of(aPage([aLocation(), aLocation({ id: 'loc-idlib', level: 'governorate', nameEn: 'Idlib' })])),
      ),
    };
    TestBed.configureTestingModule({
      providers: [
        { provide: CampsApi, useValue: api },
        { provide: LookupsApi, useValue: lookups },
        provideHttpClient(withFetch()),
        provideHttpClientTesting(),
        provideRouter([{ path: 'camps/:id', component: CampPageStub }]),
      ],
    });
    signInAs('coordinator');
  });

  async function openForm(campId?: string): Promise<HTMLElement> {
    fixture = TestBed.createComponent(CampForm);
    if (campId) fixture.componentRef.setInput('id', campId);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  function field(sut: HTMLElement, name: string): HTMLInputElement {
    const input = sut.querySelector<HTMLInputElement>(`[formControlName="${name}"]`);
    if (!input) throw new Error(`no field ${name}`);
    return input;
  }

  async function type(sut: HTMLElement, name: string, value: string): Promise<void> {
    const input = field(sut, name);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
    await fixture.whenStable();
  }

  function messageUnder(sut: HTMLElement, name: string): string {
    return field(sut, name).closest('mat-form-field')?.querySelector('mat-error')?.textContent?.trim() ?? '';
  }

  function saveButton(sut: HTMLElement): HTMLButtonElement {
    return sut.querySelector<HTMLButtonElement>('button[type="submit"]')!;
  }

  async function fillValidCamp(sut: HTMLElement): Promise<void> {
    await type(sut, 'nameEn', 'Sarmada North');
    await type(sut, 'nameAr', 'سرمدا الشمالي');
    await type(sut, 'population', '500');
    await type(sut, 'households', '100');
    await type(sut, 'capacity', '2500');
    // The autocomplete is driven through its panel in its own test; here the pick is taken as made.
    fixture.componentInstance['form'].controls.location.setValue({
      id: 'loc-sarmada',
      nameEn: 'Sarmada',
      nameAr: 'سرمدا',
      pcode: 'SY070300',
    });
    await fixture.whenStable();
  }

  async function save(sut: HTMLElement): Promise<void> {
    saveButton(sut).click();
    await fixture.whenStable();
  }

  it('shows under Households that they cannot exceed the population', async () => {
    const sut = await openForm();

    await type(sut, 'population', '10');
    await type(sut, 'households', '20');
    await type(sut, 'capacity', '30');

    expect(messageUnder(sut, 'households')).toBe(
      'households (20) cannot exceed population (10): every household has at least one person',
    );
  });

  it('re-checks households when the population changes', async () => {
    const sut = await openForm();
    await type(sut, 'capacity', '30');
    await type(sut, 'population', '10');
    await type(sut, 'households', '20');
    expect(messageUnder(sut, 'households')).not.toBe('');

    await type(sut, 'population', '40');

    expect(messageUnder(sut, 'households')).toBe('');
  });

  it('refuses numbers that are not whole', async () => {
    const sut = await openForm();

    await type(sut, 'population', '12.5');

    expect(messageUnder(sut, 'population')).toBe('Enter a whole number');
  });

  it('does not send a form with errors, and says what is missing', async () => {
    const sut = await openForm();

    await save(sut);

    expect(api.createCamp).not.toHaveBeenCalled();
    expect(messageUnder(sut, 'nameEn')).toBe('Enter the English name');
  });

  it('picks a location from the search answers, communities and sub-districts only', async () => {
    const sut = await openForm();
    const location = field(sut, 'location');

    location.focus();
    location.value = 'Sarm';
    location.dispatchEvent(new Event('input'));
    await new Promise((resolve) => setTimeout(resolve, LOCATION_SEARCH_DEBOUNCE_MS + 50));
    await fixture.whenStable();
    const options = Array.from(document.querySelectorAll<HTMLElement>('mat-option'));
    options[0].click();
    await fixture.whenStable();

    expect(lookups.listLocations).toHaveBeenLastCalledWith({ name: 'Sarm', pageSize: 50 });
    expect(options.map((option) => option.textContent?.trim())).toEqual(['Sarmada — سرمدا (SY070300)']);
    expect(location.value).toBe('Sarmada — سرمدا (SY070300)');
  });

  it("shows the user's own organisation for a new camp, with nothing to choose", async () => {
    const sut = await openForm();

    expect(sut.querySelector('.read-only')?.textContent).toContain('Humanitarian Relief Organization (HRO)');
    expect(Array.from(sut.querySelectorAll('mat-label')).map((label) => label.textContent?.trim())).not.toContain('Organisation');
  });

  it("shows the camp's own organisation when editing", async () => {
    api.getCamp.mockReturnValue(of(aCamp({ organisationName: 'Kids Paradise' })));

    const sut = await openForm('c-1');

    expect(sut.querySelector('.read-only')?.textContent).toContain('Kids Paradise');
  });

  it('sends the new camp and opens its page', async () => {
    const sut = await openForm();
    await fillValidCamp(sut);

    await save(sut);

    expect(api.createCamp).toHaveBeenCalledWith({
      locationId: 'loc-sarmada',
      nameEn: 'Sarmada North',
      nameAr: 'سرمدا الشمالي',
      status: 'open',
      population: 500,
      households: 100,
      capacity: 2500,
      openedOn: null,
    });
    expect(TestBed.inject(Router).url).toBe(`/camps/${aCamp().id}`);
  });

  it('disables Save while saving', async () => {
    const answer = new Subject<CampResponse>();
    api.createCamp.mockReturnValue(answer);
    const sut = await openForm();
    await fillValidCamp(sut);

    await save(sut);

    expect(saveButton(sut).disabled).toBe(true);
  });

  it('puts the reasons of a 400 problem under the matching fields', async () => {
    api.createCamp.mockReturnValue(
      throwError(
        () =>
          new ProblemError({
            type: 'about:blank',
            title: 'Invalid camp',
            status: 400,
            errors: [
              { field: 'nameEn', reason: 'a camp with this name already exists in Sarmada' },
              { field: 'locationId', reason: 'locationId must be a community or sub-district' },
            ],
          }),
      ),
    );
    const sut = await openForm();
    await fillValidCamp(sut);

    await save(sut);

    expect(messageUnder(sut, 'nameEn')).toBe('a camp with this name already exists in Sarmada');
    expect(messageUnder(sut, 'location')).toBe('locationId must be a community or sub-district');
    expect(saveButton(sut).disabled).toBe(false);
  });

  it('shows in the banner the reason for a field the form does not have', async () => {
    api.createCamp.mockReturnValue(
      throwError(
        () =>
          new ProblemError({
            type: 'about:blank',
            title: 'Invalid camp',
            status: 400,
            errors: [{ field: 'organisation', reason: 'your organisation is suspended' }],
          }),
      ),
    );
    const sut = await openForm();
    await fillValidCamp(sut);

    await save(sut);

    expect(sut.querySelector('[role="alert"]')?.textContent).toContain('your organisation is suspended');
  });

  it('keeps everything typed when the server cannot be reached', async () => {
    api.createCamp.mockReturnValue(
      throwError(() => new ProblemError({ type: NETWORK_PROBLEM_TYPE, title: NETWORK_FAILURE_MESSAGE, status: 0 })),
    );
    const sut = await openForm();
    await fillValidCamp(sut);

    await save(sut);

    expect(sut.querySelector('[role="alert"]')?.textContent).toContain(NETWORK_FAILURE_MESSAGE);
    expect(field(sut, 'nameEn').value).toBe('Sarmada North');
    expect(field(sut, 'capacity').value).toBe('2500');
  });

  it('sends the version it read with the changes', async () => {
    const sut = await openForm('c-1');

    await type(sut, 'population', '13000');
    await save(sut);

    expect(api.getCamp).toHaveBeenCalledWith('c-1');
    expect(api.updateCamp).toHaveBeenCalledWith(aCamp().id, expect.objectContaining({ version: 3, population: 13_000 }));
    expect(api.updateCamp.mock.calls[0][1]).not.toHaveProperty('organisationId');
  });

  it('offers to reload when someone else changed the camp meanwhile', async () => {
    api.updateCamp.mockReturnValue(
      throwError(() => staleVersion()),
    );
    const sut = await openForm('c-1');
    await type(sut, 'population', '13000');
    await save(sut);

    const banner = sut.querySelector('[role="alert"]');
    expect(banner?.textContent).toContain(STALE_VERSION_MESSAGE);
    expect(banner?.querySelector('button')?.textContent?.trim()).toBe('Reload');
  });

  it('puts a duplicate name under the English name rather than offering to reload', async () => {
    api.updateCamp.mockReturnValue(
      throwError(
        () =>
          new ProblemError({
            type: 'about:blank',
            title: 'Camp already exists',
            status: 409,
            code: 'camp.duplicate_name',
            errors: [{ field: 'nameEn', reason: 'a camp named "Atmeh" already exists in this organisation' }],
          }),
      ),
    );
    const sut = await openForm('c-1');
    await type(sut, 'nameEn', 'Atmeh');
    await save(sut);

    expect(messageUnder(sut, 'nameEn')).toBe('a camp named "Atmeh" already exists in this organisation');
    expect(sut.textContent).not.toContain(STALE_VERSION_MESSAGE);
  });

  it('reloads the camp from the server when asked', async () => {
    api.updateCamp.mockReturnValue(
      throwError(() => staleVersion()),
    );
    api.getCamp.mockReturnValueOnce(of(aCamp())).mockReturnValueOnce(of(aCamp({ population: 14_000, version: 5 })));
    const sut = await openForm('c-1');
    await type(sut, 'population', '13000');
    await save(sut);

    sut.querySelector<HTMLButtonElement>('[role="alert"] button')!.click();
    await fixture.whenStable();

    expect(field(sut, 'population').value).toBe('14000');
    expect(sut.textContent).not.toContain(STALE_VERSION_MESSAGE);
  });
});
