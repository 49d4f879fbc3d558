import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { of, throwError } from 'rxjs';

import { ProblemError } from '../../core/problems/problem-error';
import { provideFixedClock } from '../../convoys/testing/fixed-clock';
import { NEW_CLIENT_ID } from '../../shared/client-id/client-id';
import { wordsIn } from '../../shared/testing/words-in';
import { VIEWER_TIME_ZONE } from '../../shared/time/zoned-time';
import { PauseWindowsApi } from '../pause-windows-api';
import { aPauseWindow, aPauseWindowDetail } from '../testing/pause-window-fixtures';
import { EndWindowDialog } from './end-window-dialog';

describe('EndWindowDialog', () => {
  let fixture: ComponentFixture<EndWindowDialog>;
  let sut: HTMLElement;
  let endWindow: jest.Mock;
  let close: jest.Mock;

  beforeEach(async () => {
    endWindow = jest.fn(() => of(aPauseWindowDetail({ status: 'ended', version: 2 })));
    close = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        provideFixedClock(new Date('2019-12-23T14:00:00.000Z')).provider,
        { provide: VIEWER_TIME_ZONE, useValue: 'Asia/Damascus' },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: MAT_DIALOG_DATA, useValue: { window: aPauseWindow() } },
        { provide: MatDialogRef, useValue: { close } },
        { provide: NEW_CLIENT_ID, useValue: () => 'key-1' },
        { provide: PauseWindowsApi, useValue: { endWindow } },
      ],
    });
    fixture = TestBed.createComponent(EndWindowDialog);
    sut = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  function button(name: string): HTMLButtonElement {
    const found = Array.from(sut.querySelectorAll<HTMLButtonElement>('button')).find((candidate) => wordsIn(candidate) === name);
    if (!found) throw new Error(`no button ${name}`);
    return found;
  }

  async function type(selector: string, value: string): Promise<void> {
    const input = sut.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  async function press(name: string): Promise<void> {
    button(name).click();
    await fixture.whenStable();
  }

  it('asks for the source before anything is sent, on its field', async () => {
    await press('Continue');

    expect(wordsIn(sut)).toContain('Required');
    expect(endWindow).not.toHaveBeenCalled();
  });

  it('asks to confirm, then ends it now with the source, the version read and one key, and closes with the window as ended', async () => {
    await type('textarea[formcontrolname="source"]', 'OCHA flash update 3');
    await press('Continue');
    expect(wordsIn(sut)).toContain('End the window? It will end now.');
    expect(endWindow).not.toHaveBeenCalled();

    await press('End window');

    expect(endWindow).toHaveBeenCalledWith('window-1', { source: 'OCHA flash update 3', version: 1 }, 'key-1');
    expect(close).toHaveBeenCalledWith(expect.objectContaining({ status: 'ended', version: 2 }));
  });

  it('sends a time typed on the clock of the window as the instant it was', async () => {
    sut.querySelectorAll<HTMLInputElement>('input[type="radio"]')[1].click();
    await fixture.whenStable();
    await type('input[formcontrolname="endedTime"]', '15:30');
    await type('textarea[formcontrolname="source"]', 'Radio Fresh');
    await press('Continue');
    expect(wordsIn(sut)).toContain('It will end at 15:30 Damascus (UTC+02:00), Mon, 23 Dec 2019');

    await press('End window');

    expect(endWindow).toHaveBeenCalledWith('window-1', { source: 'Radio Fresh', endedAt: '2019-12-23T13:30:00.000Z', version: 1 }, 'key-1');
  });

  it('puts a refusal on its field, back on the form, and moves focus to the summary', async () => {
    endWindow.mockReturnValue(
      throwError(
        () =>
          new ProblemError({
            type: 'about:blank',
            title: 'End time not usable',
            status: 422,
            code: 'pause_window.early_end',
            errors: [{ field: 'endedAt', reason: 'must not be in the future', code: 'field.in_the_future' }],
          }),
      ),
    );
    document.body.appendChild(sut);
    await type('textarea[formcontrolname="source"]', 'OCHA');
    await press('Continue');
    await press('End window');
    await new Promise((resolve) => setTimeout(resolve, 10));
    await fixture.whenStable();

    const summary = sut.querySelector<HTMLElement>('.error-summary');
    expect(summary).not.toBeNull();
    expect(document.activeElement).toBe(summary);
    expect(sut.querySelector('textarea[formcontrolname="source"]')).not.toBeNull();
    expect(close).not.toHaveBeenCalled();
    sut.remove();
  });
});
