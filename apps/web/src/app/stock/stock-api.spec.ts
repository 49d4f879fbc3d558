import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { ProblemError } from '../core/problems/problem-error';
import { NETWORK_FAILURE_MESSAGE } from '../core/problems/to-problem';
import { ATMEH_STORE_ID, FAMILY_TENT_ID, SARMADA_WAREHOUSE_ID } from '../shared/lookups/testing/lookup-fixtures';
import { StockApi } from './stock-api';
import { aLevel, aMovement, aPage } from './testing/stock-fixtures';

describe('StockApi', () => {
  let sut: StockApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(withFetch()), provideHttpClientTesting()] });
    sut = TestBed.inject(StockApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function failureOf(promise: Promise<unknown>): Promise<ProblemError> {
    try {
      await promise;
    } catch (error) {
      if (error instanceof ProblemError) return error;
      throw error;
    }
    throw new Error('expected the call to fail');
  }

  it('reads the levels of a stock point', async () => {
    const answer = firstValueFrom(sut.listLevels(ATMEH_STORE_ID));

    http.expectOne(`/api/v1/stock-points/${ATMEH_STORE_ID}/levels`).flush([aLevel()]);

    expect((await answer).map((level) => [level.itemName, level.quantity])).toEqual([['Family tent', 480]]);
  });

  it('asks for a page of one item’s ledger, no larger than the API serves', async () => {
    const answer = firstValueFrom(sut.listLedger(ATMEH_STORE_ID, { itemId: FAMILY_TENT_ID, page: 2, pageSize: 500 }));

    const request = http.expectOne((req) => req.url === `/api/v1/stock-points/${ATMEH_STORE_ID}/ledger`);
    expect(request.request.params.toString()).toBe(`itemId=${FAMILY_TENT_ID}&page=2&pageSize=100`);
    request.flush(aPage([aMovement({ kind: 'distribution', quantity: -20, balance: 480 })], { page: 2 }));

    expect((await answer).items[0]).toMatchObject({ kind: 'distribution', quantity: -20, balance: 480 });
  });

  it('refuses a ledger line without its running balance', async () => {
    const answer = firstValueFrom(sut.listLedger(ATMEH_STORE_ID, { itemId: FAMILY_TENT_ID }));

    const { balance: _balance, ...withoutBalance } = aMovement();
    http.expectOne((req) => req.url.endsWith('/ledger')).flush(aPage([withoutBalance]));

    expect((await failureOf(answer)).problem.title).toContain('does not understand');
  });

  it('posts a receipt and returns the movement with the new balance', async () => {
    const answer = firstValueFrom(sut.receive({ stockPointId: ATMEH_STORE_ID, itemId: FAMILY_TENT_ID, quantity: 100, reference: 'Waybill 7' }));

    const request = http.expectOne({ method: 'POST', url: '/api/v1/stock/receipts' });
    expect(request.request.body).toEqual({ stockPointId: ATMEH_STORE_ID, itemId: FAMILY_TENT_ID, quantity: 100, reference: 'Waybill 7' });
    request.flush(aMovement({ quantity: 100, balance: 580 }), { status: 201, statusText: 'Created' });

    expect((await answer).balance).toBe(580);
  });

  it('posts the donor and pipeline reference of a receipt, and reads them back', async () => {
    const receipt = { stockPointId: ATMEH_STORE_ID, itemId: FAMILY_TENT_ID, quantity: 100, reference: 'Waybill 7', donor: 'ECHO', pipelineReference: 'ECHO/SYR/2019/1' };
    const answer = firstValueFrom(sut.receive(receipt));

    const request = http.expectOne({ method: 'POST', url: '/api/v1/stock/receipts' });
    expect(request.request.body).toEqual(receipt);
    request.flush(aMovement({ quantity: 100, balance: 580, donor: 'ECHO', pipelineReference: 'ECHO/SYR/2019/1' }), { status: 201, statusText: 'Created' });

    expect(await answer).toMatchObject({ donor: 'ECHO', pipelineReference: 'ECHO/SYR/2019/1' });
  });

  it('returns both legs of a transfer', async () => {
    const answer = firstValueFrom(
      sut.transfer({ fromStockPointId: ATMEH_STORE_ID, toStockPointId: SARMADA_WAREHOUSE_ID, itemId: FAMILY_TENT_ID, quantity: 30 }),
    );

    http.expectOne({ method: 'POST', url: '/api/v1/stock/transfers' }).flush([
      aMovement({ kind: 'transfer_out', quantity: -30, balance: 450 }),
      aMovement({ id: 'm-2', stockPointId: SARMADA_WAREHOUSE_ID, kind: 'transfer_in', quantity: 30, balance: 30 }),
    ]);

    expect((await answer).map((leg) => leg.kind)).toEqual(['transfer_out', 'transfer_in']);
  });

  it('fails with the available quantity when there is not enough stock', async () => {
    const problem = {
      type: 'about:blank',
      title: 'Not enough stock',
      status: 409,
      code: 'stock.insufficient',
      detail: 'Only 40 available at this stock point; 50 requested',
      errors: [{ field: 'quantity', reason: 'only 40 available' }],
    };
    const answer = firstValueFrom(
      sut.transfer({ fromStockPointId: ATMEH_STORE_ID, toStockPointId: SARMADA_WAREHOUSE_ID, itemId: FAMILY_TENT_ID, quantity: 50 }),
    );

    http
      .expectOne({ method: 'POST', url: '/api/v1/stock/transfers' })
      .flush(problem, { status: 409, statusText: 'Conflict', headers: { 'Content-Type': 'application/problem+json' } });

    expect((await failureOf(answer)).problem).toEqual(problem);
  });

  it('records a loss with its cause, and a count with what was found', () => {
    sut.recordLoss({ stockPointId: ATMEH_STORE_ID, itemId: FAMILY_TENT_ID, quantity: 3, cause: 'destroyed', reason: 'Storm' }).subscribe();
    sut.recordCount({ stockPointId: ATMEH_STORE_ID, itemId: FAMILY_TENT_ID, countedQuantity: 475, reason: 'Monthly count' }).subscribe();

    http.expectOne({ method: 'POST', url: '/api/v1/stock/losses' }).flush(aMovement({ kind: 'loss', quantity: -3, balance: 477, lossCause: 'destroyed' }));
    http.expectOne({ method: 'POST', url: '/api/v1/stock/adjustments' }).flush(aMovement({ kind: 'adjustment', quantity: -2, balance: 475 }));
  });

  it('reverses a movement at its address, with the reason', () => {
    sut.reverseMovement('m 1', { reason: 'Entered twice' }).subscribe();

    const request = http.expectOne({ method: 'POST', url: '/api/v1/stock/movements/m%201/reverse' });
    expect(request.request.body).toEqual({ reason: 'Entered twice' });
    request.flush(aMovement({ kind: 'reversal', quantity: -500, balance: 0, reversesId: 'm 1' }));
  });

  it('creates a stock point', async () => {
    const answer = firstValueFrom(sut.createStockPoint({ name: 'Kafr Lusin store', kind: 'warehouse', locationId: 'loc-1' }));

    http.expectOne({ method: 'POST', url: '/api/v1/stock-points' }).flush({
      id: 'sp-3',
      name: 'Kafr Lusin store',
      kind: 'warehouse',
      locationId: 'loc-1',
      locationName: 'Kafr Lusin',
      campId: null,
    });

    expect((await answer).name).toBe('Kafr Lusin store');
  });

  it('fails with the network message when the server cannot be reached', async () => {
    const answer = firstValueFrom(sut.listLevels(ATMEH_STORE_ID));

    http.expectOne(`/api/v1/stock-points/${ATMEH_STORE_ID}/levels`).error(new ProgressEvent('error'));

    expect((await failureOf(answer)).problem.title).toBe(NETWORK_FAILURE_MESSAGE);
  });
});
