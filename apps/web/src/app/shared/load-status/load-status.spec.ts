import { Component, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Problem } from '@relief-ledger/domain';

import { LoadStatus } from './load-status';

const offline: Problem = { type: 'about:blank', title: 'Could not reach the server', status: 0 };
const notFound: Problem = { type: 'about:blank', title: 'Camp not found', status: 404, detail: 'No camp c-9' };

@Component({
  imports: [LoadStatus],
  template: `
    <rl-load-status
      [loading]="loading()"
      loadingLabel="Loading camps"
      [problem]="problem()"
      [notFoundMessage]="notFoundMessage()"
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
  retries = 0;
}

describe('LoadStatus', () => {
  let fixture: ComponentFixture<Host>;

  async function render(state: { loading?: boolean; problem?: Problem; notFoundMessage?: string }): Promise<HTMLElement> {
    fixture = TestBed.createComponent(Host);
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

  it('treats a 404 as any other problem when given no message for it', async () => {
    const sut = await render({ problem: notFound });

    expect(sut.querySelector('[role="alert"] p')?.textContent).toBe('No camp c-9');
    expect(tryAgain(sut)).toBeDefined();
  });
});
