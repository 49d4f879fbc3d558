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
import { StockApi } from '../stock-api';
import { aLevel, aMovement, aPage } from '../testing/stock-fixtures';
import { StockPointPage } from './stock-point-page';

describe('StockPointPage', () => {
  let harness: RouterTestingHarness;
  let api: { [K in 'listLevels' | 'listLedger' | 'receive' | 'transfer']: jest.Mock };

  beforeEach(async () => {
    api = {
      listLevels: jest.fn(() =>
        of([aLevel(), aLevel({ itemId: FOOD_PARCEL_ID, itemCode: 'FOOD-PARCEL', itemName: 'Family food parcel', unit: 'parcel', quantity: 0 })]),
      ),
      listLedger: jest.fn(() =>
        of(aPage([aMovement({ id: 'm-2', kind: 'distribution', quantity: -20, balance: 480, reference: null }), aMovement()], { total: 2 })),
      ),
      receive: jest.fn(() => of(aMovement({ quantity: 100, balance: 580 }))),
      transfer: jest.fn(),
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

  it('says when the stock point is not one of the organisation', async () => {
    const sut = await openPage('/stock/elsewhere');

    expect(text(sut.querySelector('[role="alert"]'))).toContain('This stock point does not exist');
  });
});
