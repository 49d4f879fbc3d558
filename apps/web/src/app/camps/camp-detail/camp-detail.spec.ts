import { provideHttpClient, withFetch } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { of, throwError } from 'rxjs';

import { signInAs } from '../../core/auth/testing/session-fixtures';
import { ProblemError } from '../../core/problems/problem-error';
import { CampsApi } from '../camps-api';
import { aCamp, aCoverage } from '../testing/camp-fixtures';
import { CampDetail } from './camp-detail';

/** What `camps.detail.stale` says in English. */
const STALE_VERSION_MESSAGE = 'This camp was changed by someone else; reload to see their changes';

function staleVersion(): ProblemError {
  return new ProblemError({ type: 'about:blank', title: 'Camp changed meanwhile', status: 409, code: 'camp.stale_version' });
}

describe('CampDetail', () => {
  let fixture: ComponentFixture<CampDetail>;
  let api: Pick<{ [K in keyof CampsApi]: jest.Mock }, 'getCamp' | 'closeCamp' | 'getCoverage'>;

  beforeEach(() => {
    api = {
      getCamp: jest.fn(() => of(aCamp())),
      closeCamp: jest.fn(() => of(aCamp({ status: 'closed', closedOn: '2020-01-31', version: 4 }))),
      getCoverage: jest.fn(() => of(aCoverage())),
    };
    TestBed.configureTestingModule({
      providers: [
        { provide: CampsApi, useValue: api },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        provideHttpClient(withFetch()),
        provideHttpClientTesting(),
        provideRouter([]),
      ],
    });
    signInAs('coordinator');
  });

  async function openCamp(id = aCamp().id): Promise<HTMLElement> {
    fixture = TestBed.createComponent(CampDetail);
    fixture.componentRef.setInput('id', id);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  function buttonNamed(root: ParentNode, name: string): HTMLButtonElement | undefined {
    return Array.from(root.querySelectorAll<HTMLButtonElement>('button')).find((button) => button.textContent?.trim() === name);
  }

  async function click(button: HTMLButtonElement | undefined): Promise<void> {
    if (!button) throw new Error('no such button');
    button.click();
    await fixture.whenStable();
  }

  it('shows the names, the place with its P-code and the figures', async () => {
    const sut = await openCamp();

    const text = sut.textContent?.replace(/\s+/g, ' ');
    expect(sut.querySelector('[lang="ar"]')?.textContent).toBe('سرمدا الشمالي');
    expect(text).toContain('Sarmada (SY070300)');
    expect(text).toContain('12,345');
    expect(text).toContain('20 Dec 2019');
  });

  it('offers Edit and Close to a coordinator', async () => {
    const sut = await openCamp();

    expect(sut.querySelector('a[href$="/edit"]')?.textContent?.trim()).toBe('Edit');
    expect(buttonNamed(sut, 'Close camp')).toBeDefined();
  });

  it.each(['field', 'manager', 'admin'] as const)('shows the camp read-only to %s', async (role) => {
    signInAs(role);

    const sut = await openCamp();

    expect(sut.querySelector('a[href$="/edit"]')).toBeNull();
    expect(buttonNamed(sut, 'Close camp')).toBeUndefined();
    expect(sut.textContent).toContain('Sarmada (SY070300)');
  });

  it('closes the camp after confirmation, sending the version it read', async () => {
    const sut = await openCamp();

    await click(buttonNamed(sut, 'Close camp'));
    await click(buttonNamed(document.querySelector('mat-dialog-container')!, 'Close camp'));

    expect(api.closeCamp).toHaveBeenCalledWith(aCamp().id, { version: 3 });
    expect(sut.querySelector('rl-camp-status-chip')?.textContent).toBe('Closed');
    expect(buttonNamed(sut, 'Close camp')).toBeUndefined();
  });

  it('leaves the camp open when the user keeps it open', async () => {
    const sut = await openCamp();

    await click(buttonNamed(sut, 'Close camp'));
    await click(buttonNamed(document.querySelector('mat-dialog-container')!, 'Keep open'));

    expect(api.closeCamp).not.toHaveBeenCalled();
  });

  it('offers to reload when someone else changed the camp before it was closed', async () => {
    api.closeCamp.mockReturnValue(throwError(() => staleVersion()));
    const sut = await openCamp();

    await click(buttonNamed(sut, 'Close camp'));
    await click(buttonNamed(document.querySelector('mat-dialog-container')!, 'Close camp'));

    expect(sut.querySelector('[role="alert"]')?.textContent).toContain(STALE_VERSION_MESSAGE);
    expect(buttonNamed(sut, 'Reload')).toBeDefined();
  });

  it('says when the camp does not exist', async () => {
    api.getCamp.mockReturnValue(
      throwError(() => new ProblemError({ type: 'about:blank', title: 'Camp not found', status: 404 })),
    );

    const sut = await openCamp('missing');

    expect(sut.querySelector('[role="alert"]')?.textContent).toContain('This camp does not exist');
  });
});
