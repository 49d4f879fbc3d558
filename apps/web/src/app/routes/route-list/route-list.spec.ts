import { provideHttpClient, withFetch } from '@angular/common/http';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Role, RouteResponse } from '@relief-ledger/domain';
import { Observable, of, throwError } from 'rxjs';

import { signInAs } from '../../core/auth/testing/session-fixtures';
import { provideTestTranslations } from '../../core/i18n/testing/test-translations';
import { ProblemError } from '../../core/problems/problem-error';
import { LookupsApi } from '../../shared/lookups/lookups-api';
import { aRoute } from '../../shared/lookups/testing/lookup-fixtures';
import { wordsIn } from '../../shared/testing/words-in';
import { RouteList } from './route-list';

describe('RouteList', () => {
  let fixture: ComponentFixture<RouteList>;

  async function openList(routes: () => Observable<RouteResponse[]>, role: Role = 'coordinator'): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [{ provide: LookupsApi, useValue: { listRoutes: routes } }, provideHttpClient(withFetch()), provideRouter([])],
    });
    signInAs(role);
    fixture = TestBed.createComponent(RouteList);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  function links(sut: HTMLElement): string[] {
    return Array.from(sut.querySelectorAll('a')).map((link) => wordsIn(link));
  }

  it('lists each route with its stops first to last and the clock its times are on', async () => {
    const sut = await openList(() => of([aRoute(), aRoute({ id: 'route-2', name: 'Sarmada to Atmeh border', stops: aRoute().stops.slice(2) })]));

    const cards = Array.from(sut.querySelectorAll('ul[aria-label="Routes"] > li')).map((card) => wordsIn(card));
    expect(cards[0]).toBe("Ma'arat al-Num'an to Sarmada Ma'arat al-Num'an → Ariha → Sarmada 3 stops · Damascus time (Asia/Damascus)");
    expect(cards[1]).toContain('Sarmada to Atmeh border Sarmada');
  });

  it('counts the stops with the Arabic plural forms, and names the clock in Arabic', async () => {
    TestBed.configureTestingModule({ providers: provideTestTranslations('ar') });
    const sut = await openList(() => of([aRoute(), aRoute({ id: 'route-2', name: 'Sarmada to Atmeh border', stops: aRoute().stops.slice(1) })]));

    expect(Array.from(sut.querySelectorAll('.clock')).map((clock) => wordsIn(clock))).toEqual([
      '3 محطات · توقيت دمشق (\u2068Asia/Damascus\u2069)',
      'محطتان · توقيت دمشق (\u2068Asia/Damascus\u2069)',
    ]);
    expect(links(sut)).toEqual(['طريق جديد']);
  });

  it('offers a new route to coordinators', async () => {
    const sut = await openList(() => of([aRoute()]));

    expect(links(sut)).toEqual(['New route']);
  });

  it('offers no new route to field staff, who may only read routes', async () => {
    const sut = await openList(() => of([aRoute()]), 'field');

    expect(links(sut)).toEqual([]);
  });

  it('says when there are no routes yet', async () => {
    const sut = await openList(() => of([]));

    expect(wordsIn(sut.querySelector('.rl-empty'))).toBe('No routes yet New route');
  });

  it('says why the routes could not be loaded, with a way to try again', async () => {
    const sut = await openList(() => throwError(() => new ProblemError({ type: 'about:blank', title: 'Service unavailable', status: 503 })));

    expect(wordsIn(sut.querySelector('.rl-banner'))).toContain('Try again');
  });
});
