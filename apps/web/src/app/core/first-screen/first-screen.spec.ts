import { Routes } from '@angular/router';

import { appRoutes } from '../../app.routes';
import { translationScope } from '../i18n/translation-scope';
import { firstScreen } from './first-screen';

describe('firstScreen', () => {
  /** A small app: a sign-in page, and a layout around lazy features whose screens are lazy too. */
  function anApp(loaded: string[]): Routes {
    const load = <T>(name: string, value: T) => () => {
      loaded.push(name);
      return Promise.resolve(value);
    };
    const convoyRoutes: Routes = [
      { path: '', loadComponent: load('board', class {}) },
      { path: 'new', loadComponent: load('plan', class {}) },
      { path: ':id', loadComponent: load('convoy', class {}) },
    ];
    return [
      { path: 'sign-in', canActivate: [translationScope('sign-in')], loadComponent: load('sign-in', class {}) },
      {
        path: '',
        loadComponent: load('layout', class {}),
        children: [
          { path: '', pathMatch: 'full', redirectTo: 'overview' },
          { path: 'convoys', canActivate: [() => true, translationScope('convoys', 'stock')], loadChildren: load('convoy routes', convoyRoutes) },
          { path: 'reports/:report/print', loadComponent: load('print', class {}) },
          { path: '**', redirectTo: 'overview' },
        ],
      },
    ];
  }

  const settle = () => new Promise((resolve) => setTimeout(resolve));

  it("finds the sign-in page's words and code", async () => {
    const loaded: string[] = [];
    const first = firstScreen(anApp(loaded), '/sign-in');
    expect(first.scopes).toEqual(['sign-in']);
    first.prefetch();
    await settle();
    expect(loaded).toEqual(['sign-in']);
  });

  it("follows a deep link through the layout and the feature's lazy routes to the screen's own code", async () => {
    for (const [path, screen] of [
      ['/convoys', 'board'],
      ['/convoys/new', 'plan'],
      ['/convoys/3f6c1a52-8d0e-4c57-9d59-5d1b9b1f7a10', 'convoy'],
    ]) {
      const loaded: string[] = [];
      const first = firstScreen(anApp(loaded), path);
      expect(first.scopes).toEqual(['convoys', 'stock']);
      first.prefetch();
      await settle();
      expect(loaded).toEqual(['layout', 'convoy routes', screen]);
    }
  });

  it('fetches nothing before it is asked to, and nothing for the bare address or an address it does not know', async () => {
    const loaded: string[] = [];
    const routes = anApp(loaded);
    firstScreen(routes, '/convoys');
    expect(loaded).toEqual([]);
    for (const path of ['/', '', '/nowhere']) {
      const first = firstScreen(routes, path);
      first.prefetch();
      await settle();
      expect(first.scopes).toEqual([]);
    }
    // An unknown address falls to the layout (as the router would, before redirecting): its code only.
    expect(loaded).toEqual(['layout']);
  });

  it('matches several segments and parameters in one path', async () => {
    const loaded: string[] = [];
    firstScreen(anApp(loaded), '/reports/4w/print').prefetch();
    await settle();
    expect(loaded).toEqual(['layout', 'print']);
  });

  it('a fetch that fails (offline) is left to the router, and no error escapes', async () => {
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const failing: Routes = [{ path: 'x', loadComponent: () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')) }];
      expect(() => firstScreen(failing, '/x').prefetch()).not.toThrow();
      await settle();
      await settle();
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('leaves a malformed escape in the address to the router rather than stopping the start', () => {
    expect(() => firstScreen(anApp([]), '/convoys/%E0%A4%A')).not.toThrow();
    expect(firstScreen(anApp([]), '/convoys/%E0%A4%A').scopes).toEqual(['convoys', 'stock']);
  });

  it("reads the app's own routes: the convoy board's scopes and the sign-in page's", () => {
    expect(firstScreen(appRoutes, '/convoys').scopes).toEqual(['convoys', 'stock']);
    expect(firstScreen(appRoutes, '/sign-in').scopes).toEqual(['sign-in']);
    expect(firstScreen(appRoutes, '/admin/users').scopes).toEqual(['admin', 'api-tokens']);
  });
});
