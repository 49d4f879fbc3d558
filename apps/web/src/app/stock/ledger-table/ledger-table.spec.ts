import { TestBed } from '@angular/core/testing';
import { MovementResponse } from '@relief-ledger/domain';

import { provideTestTranslations, wordsFor } from '../../core/i18n/testing/test-translations';
import { aMovement } from '../testing/stock-fixtures';
import { describeFunding, LedgerTable } from './ledger-table';

describe('LedgerTable', () => {
  async function render(movements: MovementResponse[]): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(LedgerTable);
    fixture.componentRef.setInput('movements', movements);
    fixture.componentRef.setInput('label', 'Ledger of Family tent');
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  function rows(sut: HTMLElement): string[][] {
    return Array.from(sut.querySelectorAll('tr.mat-mdc-row')).map((row) =>
      Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim() ?? ''),
    );
  }

  it('shows each movement, newest first, with its signed change and the running balance', async () => {
    const sut = await render([
      aMovement({ id: 'm-3', kind: 'loss', quantity: -5, balance: 475, reference: null, lossCause: 'looted', reason: 'Truck stopped at checkpoint', recordedAt: '2019-12-26T08:00:00Z' }),
      aMovement({ id: 'm-2', kind: 'distribution', quantity: -20, balance: 480, reference: null, recordedAt: '2019-12-24T08:00:00Z' }),
      aMovement({ id: 'm-1', recordedAt: '2019-12-22T08:00:00Z' }),
    ]);

    expect(rows(sut).map(([, movement, change, balance]) => [movement, change, balance])).toEqual([
      ['Lost Looted — Truck stopped at checkpoint', '\u22125', '475'],
      ['Distributed', '\u221220', '480'],
      ['Received UNHCR shelter pipeline, waybill ATM-2019-1222', '+500', '500'],
    ]);
  });

  it('shows who funded a receipt, and under which pipeline', async () => {
    const sut = await render([aMovement({ donor: 'ECHO', pipelineReference: 'ECHO/SYR/BUD/2019/91012', reference: 'waybill ATM-2019-1222' })]);

    expect(rows(sut)[0][1]).toBe('Received From ECHO (ECHO/SYR/BUD/2019/91012) — waybill ATM-2019-1222');
  });

  it('marks stock going out', async () => {
    const sut = await render([aMovement({ kind: 'transfer_out', quantity: -30, balance: 470 }), aMovement()]);

    const changes = Array.from(sut.querySelectorAll('td.change'));
    expect(changes.map((cell) => cell.classList.contains('out'))).toEqual([true, false]);
  });

  it('shows when each movement happened, on the site clock with its date, and groups large figures', async () => {
    const sut = await render([aMovement({ quantity: 20_000, balance: 20_000, occurredAt: '2019-12-18T12:00:00Z', recordedAt: '2019-12-19T07:30:00Z' })]);

    const [when, , change, balance] = rows(sut)[0];
    expect(when).toBe('14:00 Damascus, Wed, 18 Dec 2019');
    expect([change, balance]).toEqual(['+20,000', '20,000']);
  });

  it('shows when each movement was recorded only when asked', async () => {
    const fixture = TestBed.createComponent(LedgerTable);
    fixture.componentRef.setInput('movements', [aMovement({ occurredAt: '2019-12-18T12:00:00Z', recordedAt: '2019-12-19T07:30:00Z' })]);
    fixture.componentRef.setInput('label', 'Ledger of Family tent');
    await fixture.whenStable();
    const sut = fixture.nativeElement as HTMLElement;
    expect(sut.querySelector('.recorded')).toBeNull();

    fixture.componentRef.setInput('showRecorded', true);
    await fixture.whenStable();

    expect(sut.querySelector('.recorded')?.textContent?.trim()).toBe('Recorded 09:30 Damascus, Thu, 19 Dec 2019');
  });

  it('offers "Reverse" only on the movements the API can undo, and only when allowed', async () => {
    const fixture = TestBed.createComponent(LedgerTable);
    const movements = [aMovement({ id: 'm-2', kind: 'distribution', quantity: -20, balance: 480, reversible: false }), aMovement({ id: 'm-1' })];
    fixture.componentRef.setInput('movements', movements);
    fixture.componentRef.setInput('label', 'Ledger of Family tent');
    await fixture.whenStable();
    const sut = fixture.nativeElement as HTMLElement;
    expect(sut.querySelectorAll('button.reverse')).toHaveLength(0);

    fixture.componentRef.setInput('canReverse', true);
    await fixture.whenStable();
    const buttons = Array.from(sut.querySelectorAll<HTMLButtonElement>('button.reverse'));
    const pressed: string[] = [];
    fixture.componentInstance.reverse.subscribe((movement) => pressed.push(movement.id));
    buttons[0]?.click();

    expect(buttons).toHaveLength(1);
    expect(buttons[0].getAttribute('aria-label')).toBe('Reverse: Received, 11:00 Damascus, Sun, 22 Dec 2019');
    expect(pressed).toEqual(['m-1']);
  });

  it('names the table for screen readers', async () => {
    const sut = await render([aMovement()]);

    expect(sut.querySelector('table')?.getAttribute('aria-label')).toBe('Ledger of Family tent');
  });
});

describe('LedgerTable in Arabic', () => {
  it('says what happened to the stock in Arabic, its change isolated left to right', async () => {
    TestBed.configureTestingModule({ providers: provideTestTranslations('ar', 'arab') });
    const fixture = TestBed.createComponent(LedgerTable);
    fixture.componentRef.setInput('movements', [aMovement({ kind: 'loss', quantity: -5, balance: 475, reference: null, lossCause: 'looted', reason: null })]);
    fixture.componentRef.setInput('label', 'سجل حركة خيمة عائلية');
    await fixture.whenStable();
    const sut = fixture.nativeElement as HTMLElement;

    expect(sut.querySelector('th')?.textContent?.trim()).toBe('التاريخ والوقت');
    expect(sut.querySelector('.kind')?.textContent).toBe('فقدان');
    expect(sut.querySelector('.detail')?.textContent?.trim()).toBe('نُهب');
    expect(sut.querySelector('td.change bdi')?.getAttribute('dir')).toBe('ltr');
    expect(sut.querySelector('td.change')?.textContent?.trim()).toBe('\u2212٥');
    expect(sut.querySelector('td.balance')?.textContent?.trim()).toBe('٤٧٥');
  });
});

describe('describeFunding', () => {
  const sut = describeFunding;

  it('names the donor, with the pipeline when there is one', () => {
    expect(sut({ donor: 'ECHO', pipelineReference: null }, wordsFor('en'))).toBe('From ECHO');
    expect(sut({ donor: null, pipelineReference: 'SHL-19-044' }, wordsFor('en'))).toBe('Pipeline SHL-19-044');
    expect(sut({ donor: null, pipelineReference: null }, wordsFor('en'))).toBeNull();
  });

  it('names them in Arabic and Turkish too', () => {
    expect(sut({ donor: 'ECHO', pipelineReference: 'SHL-19-044' }, wordsFor('ar'))).toBe('من \u2068ECHO\u2069 (\u2068SHL-19-044\u2069)');
    expect(sut({ donor: 'ECHO', pipelineReference: null }, wordsFor('tr'))).toBe('Bağışçı: ECHO');
  });
});
