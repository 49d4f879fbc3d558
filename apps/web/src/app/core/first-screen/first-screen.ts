import { DOCUMENT } from '@angular/common';
import { inject, InjectionToken } from '@angular/core';
import { Route, Router, Routes } from '@angular/router';

import { scopesOf } from '../i18n/translation-scope';

/**
 * What the screen the app opens on needs, read off the router's configuration before the router
 * runs: its translation scopes and its lazy code. The router itself fetches them in turn (a
 * route's guards, among them the session check and its words, before its component; a feature's
 * routes before the screen's component); on a field network each of those waits is a 400 ms
 * round trip. Fetched at start beside the session check, they are there when the router asks
 * (`import()` hands back the same module), so a reload or a deep link opens seconds sooner.
 * Best effort: a path this walk does not follow is simply left to the router.
 */
export interface FirstScreen {
  /** The translation scopes of the routes on the way (the ones the router's guards would ask for). */
  readonly scopes: readonly string[];
  /** Starts fetching the code of those routes, following lazy child routes as they arrive. */
  prefetch(): void;
}

/** The screen the address opened on needs, read once at start (the translations' and the code's initializers both use it). */
export const FIRST_SCREEN = new InjectionToken<FirstScreen>('FIRST_SCREEN', {
  providedIn: 'root',
  factory: () => firstScreen(inject(Router).config, inject(DOCUMENT).location.pathname),
});

export function firstScreen(routes: Routes, pathname: string): FirstScreen {
  const segments = pathname.split('/').filter(Boolean).map(decoded);
  // The bare address redirects by role once the session is known: nothing to guess there.
  if (segments.length === 0) return { scopes: [], prefetch: () => undefined };
  const scopes = new Set<string>();
  const loaders: (() => unknown)[] = [];
  walk(routes, segments, scopes, loaders);
  return { scopes: [...scopes], prefetch: () => loaders.forEach((load) => load()) };
}

/** Collects along the first route that takes `segments` (as the router would, without backtracking). */
function walk(routes: Routes, segments: string[], scopes: Set<string>, loaders: (() => unknown)[]): void {
  for (const route of routes) {
    const used = consumed(route, segments);
    if (used === null) continue;
    const rest = segments.slice(used);
    if (rest.length > 0 && !route.children && !route.loadChildren) continue;
    for (const guard of route.canActivate ?? []) for (const scope of scopesOf(guard)) scopes.add(scope);
    const { loadComponent, loadChildren, children } = route;
    if (loadComponent) loaders.push(() => quietly(loadComponent()));
    if (children) walk(children, rest, scopes, loaders);
    else if (loadChildren) {
      // The feature's own routes come with its code: their screens' code is fetched as soon as they are known.
      loaders.push(() =>
        quietly(loadChildren()).then((loaded) => {
          if (!Array.isArray(loaded)) return;
          const later: (() => unknown)[] = [];
          walk(loaded as Routes, rest, new Set(), later);
          later.forEach((load) => load());
        }),
      );
    }
    return;
  }
}

/** How many segments a route's path takes from the front of `segments`, or null when it does not match. */
function consumed(route: Route, segments: readonly string[]): number | null {
  if (route.path === undefined || route.path === '**' || route.redirectTo !== undefined) return null;
  const parts = route.path === '' ? [] : route.path.split('/');
  if (parts.length > segments.length) return null;
  if (route.pathMatch === 'full' && parts.length !== segments.length) return null;
  return parts.every((part, i) => part.startsWith(':') || part === segments[i]) ? parts.length : null;
}

/** A prefetch that fails (offline) is the router's to report when it asks for the same code. */
function quietly(loading: unknown): Promise<unknown> {
  return Promise.resolve(loading).catch(() => undefined);
}

/** A segment as the router reads it; a malformed escape (`%E0%A4`) is left as it is, for the router to refuse, not to stop the start. */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
