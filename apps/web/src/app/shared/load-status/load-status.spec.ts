import { Component, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Problem } from '@relief-ledger/domain';

import { provideRouter } from '@angular/router';

import { provideTestTranslations } from '../../core/i18n/testing/test-translations';
import { LoadStatus } from './load-status';

const offline: Problem = { type: 'about:blank', title: 'Could not reach the server', status: 0 };
/** Not enough stock, as the API answers it, with its numbers. */
const notEnoughStock: Problem = {
  type: 'about:blank',
  title: 'Not enough stock',
  status: 409,
  code: 'stock.insufficient',
  params: { available: 40, requested: 1500 },
  detail: 'Only 40 available at this stock point; 1,500 requested',
};
const notFound: Problem = { type: 'about:blank', title: 'Camp not found', status: 404, detail: 'No camp c-9' };

@Component({
  imports: [LoadStatus],
  template: `
    <rl-load-status
      [loading]="loading()"
      loadingLabel="Loading camps"
      [problem]="problem()"
      [notFoundMessage]="notFoundMessage()"
      [backLink]="backLink()"
      backLabel="All camps"
      (retry)="retries = retries + 1"
    >
      <a href="/camps">Back to camps</a>
    </rl-load-status>
  `,
})
class Host {
  readonly loading = signal(false);
  readonly problem = signal<Problem | undefined>(undefined);
  readonly notFoundMessage = signal<string | undefined>(undefined);
  readonly backLink = signal<string | undefined>(undefined);
  retries = 0;
}

describe('LoadStatus', () => {
  let fixture: ComponentFixture<Host>;

  async function render(state: { loading?: boolean; problem?: Problem; notFoundMessage?: string; backLink?: string }): Promise<HTMLElement> {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    fixture = TestBed.createComponent(Host);
    fixture.componentInstance.backLink.set(state.backLink);
    fixture.componentInstance.loading.set(state.loading ?? false);
    fixture.componentInstance.problem.set(state.problem);
    fixture.componentInstance.notFoundMessage.set(state.notFoundMessage);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  function tryAgain(sut: HTMLElement): HTMLButtonElement | undefined {
    return Array.from(sut.querySelectorAll('button')).find((button) => button.textContent?.trim() === 'Try again');
  }

  it('shows a labelled progress bar while loading', async () => {
    const sut = await render({ loading: true });

    expect(sut.querySelector('.rl-progress-slot mat-progress-bar')?.getAttribute('aria-label')).toBe('Loading camps');
  });

  it('keeps the empty slot, and no banner, when idle', async () => {
    const sut = await render({});

    expect(sut.querySelector('.rl-progress-slot')).not.toBeNull();
    expect(sut.querySelector('mat-progress-bar')).toBeNull();
    expect(sut.querySelector('[role="alert"]')).toBeNull();
  });

  it('says what went wrong and asks the host to retry', async () => {
    const sut = await render({ problem: offline });

    expect(sut.querySelector('[role="alert"] p')?.textContent).toBe('Could not reach the server');
    tryAgain(sut)!.click();
    expect(fixture.componentInstance.retries).toBe(1);
  });

  it('puts the content it is given at the end of the banner', async () => {
    const sut = await render({ problem: offline });

    expect(sut.querySelector('[role="alert"] > :last-child')?.textContent).toBe('Back to camps');
  });

  it('says the record is not there, without "Try again", for a 404 when told how', async () => {
    const sut = await render({ problem: notFound, notFoundMessage: 'This camp does not exist, or was removed.' });

    expect(sut.querySelector('[role="alert"] p')?.textContent).toBe('This camp does not exist, or was removed.');
    expect(tryAgain(sut)).toBeUndefined();
  });

  it.each<[string, Problem]>([
    ['a 404', notFound],
    ['an address whose id is no id', { type: 'about:blank', title: 'Invalid request', status: 400, detail: 'id: must be a UUID', errors: [{ field: 'id', reason: 'must be a UUID' }] }],
  ])('says "Not found" in words with a way back, for %s', async (_case, problem) => {
      const sut = await render({ problem, notFoundMessage: 'This camp does not exist, or the address is wrong.', backLink: '/camps' });

      expect(sut.querySelector('[role="alert"] h1')?.textContent).toBe('Not found');
      expect(sut.querySelector('[role="alert"] p')?.textContent).toBe('This camp does not exist, or the address is wrong.');
      expect(sut.querySelector('[role="alert"] a')?.getAttribute('href')).toBe('/camps');
      expect(sut.querySelector('[role="alert"] a')?.textContent?.trim()).toBe('All camps');
      expect(sut.textContent).not.toContain('UUID');
      expect(tryAgain(sut)).toBeUndefined();
  });

  it('treats a 404 as any other problem when given no message for it', async () => {
    const sut = await render({ problem: notFound });

    expect(sut.querySelector('[role="alert"] p')?.textContent).toBe('No camp c-9');
    expect(tryAgain(sut)).toBeDefined();
  });

  it.each([
    ['en', 'latn', 'Only 40 available at this stock point; 1,500 requested'],
    ['ar', 'latn', 'المتوفر في نقطة المخزون هذه 40 فقط؛ والمطلوب 1,500'],
    ['ar', 'arab', 'المتوفر في نقطة المخزون هذه ٤٠ فقط؛ والمطلوب ١٬٥٠٠'],
    ['tr', 'latn', 'Bu stok noktasında yalnızca 40 mevcut; 1.500 istendi'],
  ] as const)('shows "not enough stock" in %s (%s digits), with its numbers', async (lang, digits, message) => {
    TestBed.configureTestingModule({ providers: provideTestTranslations(lang, digits) });

    const sut = await render({ problem: notEnoughStock });

    expect(sut.querySelector('[role="alert"] p')?.textContent).toBe(message);
  });
});
