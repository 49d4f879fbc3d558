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

  it("shows the API's 1-based page as Material's 0-based one", async () => {
    const sut = await render();

    expect(sut.querySelector('.mat-mdc-paginator-range-label')?.textContent?.trim()).toBe('21 – 40 of 45');
  });

  it('names the paginator for screen readers', async () => {
    const sut = await render();

    expect(sut.querySelector('mat-paginator')?.getAttribute('aria-label')).toBe('Pages of camps');
  });

  it('asks for the next page by its 1-based number', async () => {
    const sut = await render();

    sut.querySelector<HTMLButtonElement>('.mat-mdc-paginator-navigation-next')!.click();

    expect(fixture.componentInstance.requests).toEqual([{ page: 3, pageSize: 20 }]);
  });
});
