import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Subject } from 'rxjs';

import { ProblemError } from '../../core/problems/problem-error';
import { DistributionsApi, ImportEvent, ImportRejectedError, ImportRowError } from '../distributions-api';
import { DistributionImport, ROW_ERRORS_SHOWN } from './distribution-import';

describe('DistributionImport', () => {
  let fixture: ComponentFixture<DistributionImport>;
  let upload: Subject<ImportEvent>;
  let importCsv: jest.Mock;

  beforeEach(() => {
    upload = new Subject<ImportEvent>();
    importCsv = jest.fn(() => upload);
    TestBed.configureTestingModule({
      providers: [{ provide: DistributionsApi, useValue: { importCsv } }, provideRouter([])],
    });
  });

  async function openPage(): Promise<HTMLElement> {
    fixture = TestBed.createComponent(DistributionImport);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  async function chooseAndUpload(sut: HTMLElement, file = new File(['client_id,camp_id\n'], 'day-24.csv', { type: 'text/csv' })): Promise<void> {
    const input = sut.querySelector<HTMLInputElement>('input[type="file"]')!;
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    buttonNamed(sut, 'Upload')!.click();
    await fixture.whenStable();
  }

  function buttonNamed(root: ParentNode, name: string): HTMLButtonElement | undefined {
    return Array.from(root.querySelectorAll<HTMLButtonElement>('button')).find((button) => button.textContent?.trim() === name);
  }

  function text(element: Element | null | undefined): string {
    return element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  function rejection(count: number): ImportRejectedError {
    const rows: ImportRowError[] = Array.from({ length: count }, (_, index) => ({
      row: index + 2,
      column: index % 2 === 0 ? 'quantity' : 'camp_id',
      reason: index % 2 === 0 ? 'must be a whole number' : 'no camp with this id in your organisation',
    }));
    return new ImportRejectedError(
      { type: 'about:blank', title: 'Invalid file', status: 422, code: 'distribution.import_invalid', detail: `${count} rows are invalid` },
      rows,
    );
  }

  it('shows the header row the file must start with', async () => {
    const sut = await openPage();

    expect(sut.querySelector('pre')?.textContent).toBe(
      'client_id,camp_id,item_code,stock_point_id,quantity,households,people,distributed_at,notes',
    );
  });

  it('uploads the chosen file, showing how much has been sent', async () => {
    const sut = await openPage();
    await chooseAndUpload(sut);

    upload.next({ kind: 'progress', sent: 512, total: 2048 });
    await fixture.whenStable();

    expect(importCsv).toHaveBeenCalledWith(expect.objectContaining({ name: 'day-24.csv' }));
    const bar = sut.querySelector('mat-progress-bar');
    expect(bar?.getAttribute('aria-valuenow')).toBe('25');
    expect(text(sut.querySelector('.progress'))).toContain('Uploading: 25%');
    expect(buttonNamed(sut, 'Upload')?.disabled).toBe(true);
  });

  it('says the rows are being recorded once the whole file is sent', async () => {
    const sut = await openPage();
    await chooseAndUpload(sut);

    upload.next({ kind: 'progress', sent: 2048, total: 2048 });
    await fixture.whenStable();

    expect(text(sut.querySelector('.progress'))).toContain('checking and recording the rows');
  });

  it('reports how many rows were imported and skipped', async () => {
    const sut = await openPage();
    await chooseAndUpload(sut);

    upload.next({ kind: 'done', result: { imported: 118, skipped: 2 } });
    upload.complete();
    await fixture.whenStable();

    expect(text(sut.querySelector('[role="status"]'))).toContain('Imported 118 distributions. 2 rows were skipped: already imported.');
    expect(sut.querySelector('mat-progress-bar')).toBeNull();
  });

  it('lists each bad cell by row, column and reason', async () => {
    const sut = await openPage();
    await chooseAndUpload(sut);

    upload.error(rejection(2));
    await fixture.whenStable();

    const rows = Array.from(sut.querySelectorAll('table.row-errors tbody tr')).map((row) =>
      Array.from(row.querySelectorAll('td')).map((cell) => text(cell)),
    );
    expect(rows).toEqual([
      ['2', 'quantity', 'must be a whole number'],
      ['3', 'camp_id', 'no camp with this id in your organisation'],
    ]);
    expect(text(sut.querySelector('[role="alert"]'))).toContain('2 rows are invalid');
    expect(text(sut.querySelector('[role="alert"]'))).toContain('Nothing was recorded');
    expect(sut.querySelector('.more')).toBeNull();
  });

  it(`shows the first ${ROW_ERRORS_SHOWN} problems and counts the rest`, async () => {
    const sut = await openPage();
    await chooseAndUpload(sut);

    upload.error(rejection(ROW_ERRORS_SHOWN + 57));
    await fixture.whenStable();

    expect(sut.querySelectorAll('table.row-errors tbody tr')).toHaveLength(ROW_ERRORS_SHOWN);
    expect(text(sut.querySelector('.more'))).toBe('and 57 more problems not shown');
  });

  it('shows a problem that is not about cells, such as not enough stock, without a table', async () => {
    const sut = await openPage();
    await chooseAndUpload(sut);

    upload.error(
      new ProblemError({ type: 'about:blank', title: 'Not enough stock', status: 409, detail: 'Only 40 available at this stock point; 50 requested' }),
    );
    await fixture.whenStable();

    expect(text(sut.querySelector('[role="alert"]'))).toBe('Only 40 available at this stock point; 50 requested');
    expect(sut.querySelector('table.row-errors')).toBeNull();
  });

  it('clears the last outcome when another file is chosen', async () => {
    const sut = await openPage();
    await chooseAndUpload(sut);
    upload.error(rejection(3));
    await fixture.whenStable();

    const input = sut.querySelector<HTMLInputElement>('input[type="file"]')!;
    Object.defineProperty(input, 'files', { value: [new File(['x'], 'fixed.csv')], configurable: true });
    input.dispatchEvent(new Event('change'));
    await fixture.whenStable();

    expect(sut.querySelector('table.row-errors')).toBeNull();
    expect(text(sut.querySelector('.file-name'))).toContain('fixed.csv');
  });
});
