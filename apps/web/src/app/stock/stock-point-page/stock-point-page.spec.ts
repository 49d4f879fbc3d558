import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { of, throwError } from 'rxjs';

import { signInAs } from '../../core/auth/testing/session-fixtures';
import { ProblemError } from '../../core/problems/problem-error';
import { LookupsApi } from '../../shared/lookups/lookups-api';
import {
  aFoodParcel,
  anItem,
  aStockPoint,
  ATMEH_STORE_ID,
  aWarehouse,
  FAMILY_TENT_ID,
  FOOD_PARCEL_ID,
  SARMADA_WAREHOUSE_ID,
} from '../../shared/lookups/testing/lookup-fixtures';
import { IncidentsApi } from '../../incidents/incidents-api';
import { anIncident } from '../../incidents/testing/incident-fixtures';
import { StockApi } from '../stock-api';
import { aLevel, aMovement, aPage } from '../testing/stock-fixtures';
import { StockPointPage } from './stock-point-page';

describe('StockPointPage', () => {
  let harness: RouterTestingHarness;
  let api: { [K in 'listLevels' | 'listLedger' | 'receive' | 'transfer' | 'recordLoss' | 'recordCount' | 'reverseMovement' | 'renameStockPoint']: jest.Mock };

  beforeEach(async () => {
    api = {
      listLevels: jest.fn(() =>
        of([aLevel(), aLevel({ itemId: FOOD_PARCEL_ID, itemCode: 'FOOD-PARCEL', itemName: 'Family food parcel', unit: 'parcel', quantity: 0 })]),
      ),
      listLedger: jest.fn(() =>
        of(aPage([aMovement({ id: 'm-2', kind: 'distribution', quantity: -20, balance: 480, reference: null, reversible: false }), aMovement()], { total: 2 })),
      ),
      receive: jest.fn(() => of(aMovement({ quantity: 100, balance: 580 }))),
      transfer: jest.fn(),
      recordLoss: jest.fn(() => of(aMovement({ id: 'm-3', kind: 'loss', quantity: -30, balance: 450, lossCause: 'destroyed' }))),
      recordCount: jest.fn(() => of(aMovement({ id: 'm-4', kind: 'adjustment', quantity: -20, balance: 460 }))),
      reverseMovement: jest.fn(() => of(aMovement({ id: 'm-5', kind: 'reversal', quantity: -500, balance: 0, reversesId: 'm-1', reversible: false }))),
      renameStockPoint: jest.fn(() => of(aStockPoint({ name: 'Atmeh store (new camp)', version: 2 }))),
    };
    TestBed.configureTestingModule({
      providers: [
        { provide: StockApi, useValue: api },
        {
          provide: LookupsApi,
          useValue: {
            listStockPoints: () => of([aStockPoint(), aWarehouse()]),
            listItems: () => of([aFoodParcel(), anItem()]),
            listDonors: () => of(['ECHO', 'UNHCR']),
          },
        },
        { provide: IncidentsApi, useValue: { listIncidents: () => of(aPage([anIncident()], { total: 1 })) } },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        provideRouter([{ path: 'stock/:id', component: StockPointPage }], withComponentInputBinding()),
      ],
    });
    signInAs('coordinator');
    harness = await RouterTestingHarness.create();
  });

  async function openPage(url = `/stock/${ATMEH_STORE_ID}`): Promise<HTMLElement> {
    await harness.navigateByUrl(url, StockPointPage);
    await harness.fixture.whenStable();
    return harness.routeNativeElement as HTMLElement;
  }

  function buttonNamed(root: ParentNode, name: string): HTMLButtonElement | undefined {
    return Array.from(root.querySelectorAll<HTMLButtonElement>('button')).find((button) => button.textContent?.trim() === name);
  }

  async function click(element: HTMLElement | undefined | null): Promise<void> {
    if (!element) throw new Error('nothing to click');
    element.click();
    await harness.fixture.whenStable();
  }

  async function type(root: ParentNode, label: string, value: string): Promise<void> {
    const field = Array.from(root.querySelectorAll('mat-form-field')).find((candidate) => candidate.querySelector('mat-label')?.textContent?.trim() === label);
    const input = field?.querySelector<HTMLInputElement>('input');
    if (!input) throw new Error(`no field ${label}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await harness.fixture.whenStable();
  }

  async function pick(root: ParentNode, label: string, option: string): Promise<void> {
    const field = Array.from(root.querySelectorAll('mat-form-field')).find((candidate) => candidate.querySelector('mat-label')?.textContent?.trim() === label);
    await click(field?.querySelector<HTMLElement>('.mat-mdc-select-trigger'));
    await click(Array.from(document.querySelectorAll<HTMLElement>('mat-option')).find((candidate) => candidate.textContent?.trim() === option));
  }

  function text(element: Element | null | undefined): string {
    return element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  it('shows what the stock point holds and the ledger of its first item', async () => {
    const sut = await openPage();

    expect(text(sut.querySelector('h1'))).toBe('Atmeh camp store');
    const levels = Array.from(sut.querySelectorAll('table.levels tbody tr')).map((row) => Array.from(row.children).map((cell) => text(cell)));
    expect(levels).toEqual([
      ['Family tent TENT-FAMILY', '480 tent'],
      ['Family food parcel FOOD-PARCEL', '0 parcel'],
    ]);
    expect(api.listLedger).toHaveBeenCalledWith(ATMEH_STORE_ID, { itemId: FAMILY_TENT_ID, page: 1, pageSize: 20 });
    expect(text(sut.querySelector('#ledger-heading'))).toBe('Ledger: Family tent');
    expect(sut.querySelectorAll('rl-ledger-table tr.mat-mdc-row')).toHaveLength(2);
  });

  it('shows the ledger of the item and page in the address', async () => {
    await openPage(`/stock/${ATMEH_STORE_ID}?itemId=${FOOD_PARCEL_ID}&page=3&pageSize=50`);

    expect(api.listLedger).toHaveBeenLastCalledWith(ATMEH_STORE_ID, { itemId: FOOD_PARCEL_ID, page: 3, pageSize: 50 });
  });

  it('shows field staff the stock read-only', async () => {
    signInAs('field');

    const sut = await openPage();

    expect(buttonNamed(sut, 'Receive')).toBeUndefined();
    expect(buttonNamed(sut, 'Transfer')).toBeUndefined();
    expect(text(sut.querySelector('table.levels'))).toContain('480');
  });

  it('receives stock under a waybill reference, then shows the new level', async () => {
    const sut = await openPage();
    api.listLevels.mockReturnValue(of([aLevel({ quantity: 580 })]));

    await click(buttonNamed(sut, 'Receive'));
    await type(sut, 'Quantity', '100');
    await type(sut, 'Reference', 'UNHCR pipeline, waybill ATM-2019-1230');
    await click(buttonNamed(sut, 'Receive stock'));

    expect(api.receive).toHaveBeenCalledWith({
      stockPointId: ATMEH_STORE_ID,
      itemId: FAMILY_TENT_ID,
      quantity: 100,
      reference: 'UNHCR pipeline, waybill ATM-2019-1230',
    });
    expect(buttonNamed(sut, 'Receive stock')).toBeUndefined();
    expect(text(sut.querySelector('table.levels'))).toContain('580');
    expect(text(document.querySelector('mat-snack-bar-container'))).toContain('Received 100 family tents at Atmeh camp store');
  });

  it('does not send a receipt without its reference', async () => {
    const sut = await openPage();

    await click(buttonNamed(sut, 'Receive'));
    await type(sut, 'Quantity', '100');
    await click(buttonNamed(sut, 'Receive stock'));

    expect(api.receive).not.toHaveBeenCalled();
    expect(text(sut.querySelector('rl-receive-form mat-error'))).toBe('Enter the waybill or delivery note reference');
  });

  it('receives stock with the donor who funded it and their pipeline reference', async () => {
    const sut = await openPage();

    await click(buttonNamed(sut, 'Receive'));
    await type(sut, 'Quantity', '100');
    await type(sut, 'Reference', 'waybill ATM-2019-1230');
    await type(sut, 'Donor', ' ECHO ');
    await type(sut, 'Pipeline reference', 'ECHO/SYR/BUD/2019/91012');
    await click(buttonNamed(sut, 'Receive stock'));

    expect(api.receive).toHaveBeenCalledWith({
      stockPointId: ATMEH_STORE_ID,
      itemId: FAMILY_TENT_ID,
      quantity: 100,
      reference: 'waybill ATM-2019-1230',
      donor: 'ECHO',
      pipelineReference: 'ECHO/SYR/BUD/2019/91012',
    });
  });

  it("puts the API's reason for a refused donor under the field", async () => {
    api.receive.mockReturnValue(
      throwError(() => new ProblemError({ type: 'about:blank', title: 'Invalid receipt', status: 400, errors: [{ field: 'donor', reason: 'donor must be at most 200 characters' }] })),
    );
    const sut = await openPage();

    await click(buttonNamed(sut, 'Receive'));
    await type(sut, 'Quantity', '100');
    await type(sut, 'Reference', 'waybill ATM-2019-1230');
    await type(sut, 'Donor', 'ECHO');
    await click(buttonNamed(sut, 'Receive stock'));

    expect(text(sut.querySelector('rl-donor-field mat-error'))).toBe('donor must be at most 200 characters');
  });

  it('says how much is available when a transfer asks for more', async () => {
    api.transfer.mockReturnValue(
      throwError(
        () =>
          new ProblemError({
            type: 'about:blank',
            title: 'Not enough stock',
            status: 409,
            code: 'stock.insufficient',
            detail: 'Only 480 available at this stock point; 500 requested',
            errors: [{ field: 'quantity', reason: 'only 480 available' }],
          }),
      ),
    );
    const sut = await openPage();

    await click(buttonNamed(sut, 'Transfer'));
    // Only what the store holds can leave it: the empty food parcels are not offered.
    await click(sut.querySelector<HTMLElement>('rl-transfer-form .mat-mdc-select-trigger'));
    expect(Array.from(document.querySelectorAll('mat-option')).map((option) => text(option))).toEqual(['Family tent']);
    await click(document.querySelector<HTMLElement>('mat-option'));
    await pick(sut, 'To stock point', 'Sarmada warehouse');
    await type(sut, 'Quantity', '500');
    await click(buttonNamed(sut, 'Transfer stock'));

    expect(api.transfer).toHaveBeenCalledWith({
      fromStockPointId: ATMEH_STORE_ID,
      toStockPointId: SARMADA_WAREHOUSE_ID,
      itemId: FAMILY_TENT_ID,
      quantity: 500,
    });
    expect(text(sut.querySelector('rl-transfer-form [role="alert"]'))).toContain('Only 480 available at this stock point; 500 requested');
    expect(text(sut.querySelector('rl-transfer-form mat-error'))).toBe('only 480 available');
  });

  it('records a loss with its cause and the incident that caused it, chosen from the latest', async () => {
    const sut = await openPage();

    await click(buttonNamed(sut, 'Record a loss'));
    await type(sut, 'Quantity', '30');
    await pick(sut, 'Cause', 'Destroyed');
    await pick(sut, 'Incident (optional)', "Airstrike · Ma'arat al-Num'an to Sarmada · Between Maaret and Ariha on the M5 · 15:10 Damascus, Mon, 23 Dec 2019");
    await type(sut, 'Reason', ' Store roof hit ');
    await click(buttonNamed(sut, 'Record loss'));

    expect(api.recordLoss).toHaveBeenCalledWith({
      stockPointId: ATMEH_STORE_ID,
      itemId: FAMILY_TENT_ID,
      quantity: 30,
      cause: 'destroyed',
      incidentId: 'incident-1',
      reason: 'Store roof hit',
    });
    expect(buttonNamed(sut, 'Record loss')).toBeUndefined();
    expect(text(document.querySelector('mat-snack-bar-container'))).toContain('Wrote off 30 family tents at Atmeh camp store');
    expect(api.listLevels).toHaveBeenCalledTimes(2);
  });

  it('records a loss found after the night it happened, at the time typed on the Damascus clock', async () => {
    const sut = await openPage();

    await click(buttonNamed(sut, 'Record a loss'));
    const form = sut.querySelector('rl-loss-form')!;
    expect(text(form.querySelector('rl-when-fields legend'))).toBe('When, Damascus time (Asia/Damascus)');
    await type(form, 'Quantity', '30');
    await pick(form, 'Cause', 'Looted');
    await type(form, 'Date', '2019-12-23');
    await type(form, 'Time', '03:30');
    await click(buttonNamed(sut, 'Record loss'));

    expect(api.recordLoss).toHaveBeenCalledWith({
      stockPointId: ATMEH_STORE_ID,
      itemId: FAMILY_TENT_ID,
      quantity: 30,
      cause: 'looted',
      occurredAt: '2019-12-23T03:30:00+02:00',
    });
  });

  it("shows the server's refusal of a loss larger than the stock under the quantity", async () => {
    api.recordLoss.mockReturnValue(
      throwError(
        () =>
          new ProblemError({
            type: 'about:blank',
            title: 'Not enough stock',
            status: 409,
            code: 'stock.insufficient',
            detail: 'Only 480 available at this stock point; 500 requested',
            errors: [{ field: 'quantity', reason: 'only 480 available' }],
          }),
      ),
    );
    const sut = await openPage();

    await click(buttonNamed(sut, 'Record a loss'));
    await type(sut, 'Quantity', '500');
    await pick(sut, 'Cause', 'Missing');
    await click(buttonNamed(sut, 'Record loss'));

    expect(text(sut.querySelector('rl-loss-form mat-error'))).toBe('only 480 available');
  });

  it('shows the difference of a count before saving, and will not send a count that matches', async () => {
    const sut = await openPage();

    await click(buttonNamed(sut, 'Count stock'));
    await type(sut, 'Counted quantity', '480');
    expect(text(sut.querySelector('rl-count-form .difference'))).toBe('The count matches the ledger: nothing to record');
    expect(buttonNamed(sut, 'Record count')?.disabled).toBe(true);

    await type(sut, 'Counted quantity', '460');
    await type(sut, 'Reason', 'Monthly count');
    expect(text(sut.querySelector('rl-count-form .difference'))).toBe(
      '20 family tents fewer than the ledger holds: it will record an adjustment of \u2066\u221220\u2069',
    );
    await click(buttonNamed(sut, 'Record count'));

    expect(api.recordCount).toHaveBeenCalledWith({ stockPointId: ATMEH_STORE_ID, itemId: FAMILY_TENT_ID, countedQuantity: 460, reason: 'Monthly count' });
  });

  it('reverses a movement from the ledger only after a reason and a confirmation', async () => {
    api.listLedger.mockReturnValue(
      of(aPage([aMovement({ id: 'm-2', kind: 'distribution', quantity: -20, balance: 480, reference: null, reversible: false }), aMovement({ quantity: 100, balance: 500 })], { total: 2 })),
    );
    const sut = await openPage();

    // The API says the distribution cannot be undone: only the receipt offers it.
    const reverse = Array.from(sut.querySelectorAll<HTMLButtonElement>('rl-ledger-table button.reverse'));
    expect(reverse).toHaveLength(1);
    await click(reverse[0]);
    await click(buttonNamed(sut, 'Reverse movement'));
    expect(text(sut.querySelector('rl-reverse-form mat-error'))).toBe('Say why the movement is reversed');
    expect(document.querySelector('mat-dialog-container')).toBeNull();

    await type(sut, 'Reason', 'Entered twice');
    await click(buttonNamed(sut, 'Reverse movement'));
    const dialog = document.querySelector('mat-dialog-container');
    expect(text(dialog)).toContain('The ledger will record the opposite movement, \u2066\u2212100\u2069, and the level will become 380.');
    expect(api.reverseMovement).not.toHaveBeenCalled();
    await click(Array.from(dialog!.querySelectorAll<HTMLButtonElement>('button')).find((button) => text(button) === 'Reverse'));

    expect(api.reverseMovement).toHaveBeenCalledWith('00000000-0000-4000-8000-00000000e001', { reason: 'Entered twice' });
  });

  it('renames the stock point at the version it read, and shows the new name', async () => {
    const sut = await openPage();

    await click(buttonNamed(sut, 'Rename'));
    await type(sut, 'New name', 'Atmeh store (new camp)');
    await click(buttonNamed(sut, 'Save name'));

    expect(api.renameStockPoint).toHaveBeenCalledWith(ATMEH_STORE_ID, { name: 'Atmeh store (new camp)', version: 1 });
    expect(text(sut.querySelector('h1'))).toBe('Atmeh store (new camp)');
  });

  it('says when the stock point is not one of the organisation', async () => {
    const sut = await openPage('/stock/elsewhere');

    expect(text(sut.querySelector('[role="alert"]'))).toContain('This stock point does not exist');
  });
});
