import { Component, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Page } from '@relief-ledger/domain';

import { aPage } from '../../core/http/testing/page-fixtures';
import { PagePaginator, PageRequest } from './page-paginator';

@Component({
  imports: [PagePaginator],
  template: `
    <rl-page-paginator
      [page]="page()"
      [pageSizeOptions]="[20, 50]"
      label="Pages of camps"
      (pageChange)="requests.push($event)"
    />
  `,
})
class Host {
  readonly page = signal<Page<string>>(aPage([], { page: 2, pageSize: 20, total: 45 }));
  readonly requests: PageRequest[] = [];
}

describe('PagePaginator', () => {
  let fixture: ComponentFixture<Host>;

  async function render(): Promise<HTMLElement> {
    fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('says which rows of how many the page shows', async () => {
    const sut = await render();

    expect(sut.querySelector('.range')?.textContent?.trim()).toBe('21 – 40 of 45');
  });

  it('names the paginator for screen readers', async () => {
    const sut = await render();

    expect(sut.querySelector('nav')?.getAttribute('aria-label')).toBe('Pages of camps');
  });

  it('asks for the next page by its 1-based number', async () => {
    const sut = await render();

    sut.querySelector<HTMLButtonElement>('button.next')!.click();
    sut.querySelector<HTMLButtonElement>('button.previous')!.click();

    expect(fixture.componentInstance.requests).toEqual([
      { page: 3, pageSize: 20 },
      { page: 1, pageSize: 20 },
    ]);
  });

  it('names its buttons, and offers no page before the first or after the last', async () => {
    const sut = await render();
    expect(sut.querySelector('button.next')?.getAttribute('aria-label')).toBe('Next page');
    expect(sut.querySelector('button.previous')?.getAttribute('aria-label')).toBe('Previous page');

    fixture.componentInstance.page.set(aPage([], { page: 3, pageSize: 20, total: 45 }));
    await fixture.whenStable();
    expect(sut.querySelector<HTMLButtonElement>('button.next')!.disabled).toBe(true);
    expect(sut.querySelector<HTMLButtonElement>('button.previous')!.disabled).toBe(false);

    fixture.componentInstance.page.set(aPage([], { page: 1, pageSize: 20, total: 0 }));
    await fixture.whenStable();
    expect(sut.querySelector('.range')?.textContent?.trim()).toBe('0 – 0 of 0');
    expect(sut.querySelector<HTMLButtonElement>('button.previous')!.disabled).toBe(true);
    expect(sut.querySelector<HTMLButtonElement>('button.next')!.disabled).toBe(true);
  });

  it('changes the page size keeping the first row shown on the page shown', async () => {
    const sut = await render();
    const select = sut.querySelector('select')!;
    expect(Array.from(select.options).map((option) => option.textContent?.trim())).toEqual(['20', '50']);
    expect(select.selectedOptions[0].textContent?.trim()).toBe('20');

    select.value = '50';
    select.dispatchEvent(new Event('change'));

    // Row 21 was first on page 2 of 20; with 50 a page it is on page 1.
    expect(fixture.componentInstance.requests).toEqual([{ page: 1, pageSize: 50 }]);
  });
});
