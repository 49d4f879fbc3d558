import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { signInAs } from '../../core/auth/testing/session-fixtures';
import { aCamp, aPage } from '../testing/camp-fixtures';
import { CampList, SEARCH_DEBOUNCE_MS } from './camp-list';

describe('CampList', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withFetch()),
        provideHttpClientTesting(),
        provideRouter([{ path: 'camps', component: CampList }], withComponentInputBinding()),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    signInAs('coordinator');
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => http.verify());

  async function openList(url: string): Promise<HTMLElement> {
    await harness.navigateByUrl(url, CampList);
    await harness.fixture.whenStable();
    return harness.routeNativeElement as HTMLElement;
  }

  function answerListRequest(page = aPage([aCamp()])): void {
    http.expectOne((req) => req.url === '/api/v1/camps').flush(page);
  }

  it('renders a row per camp with its names, status, place and figures', async () => {
    const sut = await openList('/camps');

    const atmeh = aCamp({ id: 'c-2', nameEn: 'Atmeh Olive Grove', nameAr: 'مخيم الزيتون', status: 'full', population: 1_000_000 });
    answerListRequest(aPage([aCamp(), atmeh], { total: 2 }));
    await harness.fixture.whenStable();

    const rows = Array.from(sut.querySelectorAll('tr.mat-mdc-row')).map((row) =>
      Array.from(row.querySelectorAll('td')).map(wordsOf),
    );
    expect(rows).toEqual([
      ['Sarmada North سرمدا الشمالي', 'Open', 'Sarmada', 'Humanitarian Relief Organization', '12,345', '2,469', '15,000'],
      ['Atmeh Olive Grove مخيم الزيتون', 'Full', 'Sarmada', 'Humanitarian Relief Organization', '1,000,000', '2,469', '15,000'],
    ]);
  });

  it('links each camp name to the camp page', async () => {
    const sut = await openList('/camps');

    answerListRequest();
    await harness.fixture.whenStable();

    expect(sut.querySelector('tr.mat-mdc-row a')?.getAttribute('href')).toBe(`/camps/${aCamp().id}`);
  });

  it('asks for the camps matching the search text, from the first page', async () => {
    const sut = await openList('/camps?page=3');
    answerListRequest();
    await harness.fixture.whenStable();

    const search = sut.querySelector<HTMLInputElement>('input[type="search"]')!;
    search.value = 'Atmeh';
    search.dispatchEvent(new Event('input'));
    await new Promise((resolve) => setTimeout(resolve, SEARCH_DEBOUNCE_MS + 50));
    await harness.fixture.whenStable();

    const request = http.expectOne((req) => req.url === '/api/v1/camps');
    expect(request.request.params.get('name')).toBe('Atmeh');
    expect(request.request.params.get('page')).toBe('1');
    request.flush(aPage([]));
  });

  it('takes the search and filter from the address, so they survive a reload', async () => {
    await openList('/camps?name=Sarmada&status=full&page=2&pageSize=50');

    const request = http.expectOne((req) => req.url === '/api/v1/camps');

    expect(request.request.params.toString()).toBe('name=Sarmada&status=full&page=2&pageSize=50');
    request.flush(aPage([]));
  });

  it('offers a coordinator to add a camp', async () => {
    const sut = await openList('/camps');
    answerListRequest();
    await harness.fixture.whenStable();

    expect(newCampLink(sut)?.getAttribute('href')).toBe('/camps/new');
  });

  it('hides "New camp" from field staff, who see camps read-only', async () => {
    signInAs('field');
    const sut = await openList('/camps');
    answerListRequest();
    await harness.fixture.whenStable();

    expect(newCampLink(sut)).toBeUndefined();
    expect(sut.querySelector('tr.mat-mdc-row')).not.toBeNull();
  });

  it('says so when no camp matches', async () => {
    const sut = await openList('/camps?name=Nowhere');

    answerListRequest(aPage([]));
    await harness.fixture.whenStable();

    expect(sut.textContent).toContain('No camps match');
  });

  it('says plainly when the server cannot be reached', async () => {
    const sut = await openList('/camps');

    http.expectOne((req) => req.url === '/api/v1/camps').error(new ProgressEvent('error'));
    await harness.fixture.whenStable();

    expect(sut.querySelector('[role="alert"]')?.textContent).toContain('Could not reach the server');
  });
});

function newCampLink(root: HTMLElement): HTMLAnchorElement | undefined {
  return Array.from(root.querySelectorAll('a')).find((link) => link.textContent?.trim() === 'New camp');
}

/** The text of each text node under `element`, space-separated, as a reader would see the words. */
function wordsOf(element: Element): string {
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const words: string[] = [];
  while (walker.nextNode()) {
    const text = walker.currentNode.textContent?.trim();
    if (text) words.push(text);
  }
  return words.join(' ');
}
