import { createEnvironmentInjector, EnvironmentInjector, runInInjectionContext, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Problem } from '@relief-ledger/domain';
import { Observable, Subject } from 'rxjs';

import { ProblemError } from '../../core/problems/problem-error';
import { ApiResource, apiResource, ApiResourceOptions } from './api-resource';

const notFound: Problem = { type: 'about:blank', title: 'Camp not found', status: 404 };

describe('apiResource', () => {
  let answers: Map<string, Subject<string>>;
  let load: jest.Mock<Observable<string>, [string]>;
  let request: ReturnType<typeof signal<string | undefined>>;

  beforeEach(() => {
    answers = new Map();
    load = jest.fn((id: string) => {
      const answer = new Subject<string>();
      answers.set(id, answer);
      return answer;
    });
    request = signal<string | undefined>('c-1');
  });

  function createSut(options?: ApiResourceOptions<string>, injector = TestBed.inject(EnvironmentInjector)): ApiResource<string> {
    const sut = runInInjectionContext(injector, () => apiResource(request, load, options));
    TestBed.tick();
    return sut;
  }

  it('loads the request at once, loading until the answer arrives', () => {
    const sut = createSut();

    expect(load).toHaveBeenCalledWith('c-1');
    expect(sut.loading()).toBe(true);
    answers.get('c-1')!.next('camp 1');

    expect(sut.value()).toBe('camp 1');
    expect(sut.loading()).toBe(false);
    expect(sut.problem()).toBeUndefined();
  });

  it('loads nothing while the request is undefined', () => {
    request.set(undefined);

    const sut = createSut();

    expect(load).not.toHaveBeenCalled();
    expect(sut.loading()).toBe(false);
  });

  it('loads again when the request changes, dropping the answer to the old one', () => {
    const sut = createSut();

    request.set('c-2');
    TestBed.tick();
    answers.get('c-2')!.next('camp 2');
    answers.get('c-1')!.next('camp 1');

    expect(load).toHaveBeenLastCalledWith('c-2');
    expect(sut.value()).toBe('camp 2');
  });

  it('loads the same request again on reload', () => {
    const sut = createSut();
    answers.get('c-1')!.next('camp 1');

    sut.reload();
    answers.get('c-1')!.next('camp 1, changed');

    expect(load).toHaveBeenCalledTimes(2);
    expect(sut.value()).toBe('camp 1, changed');
  });

  it('keeps the last value and holds the problem when a load fails', () => {
    const sut = createSut();
    answers.get('c-1')!.next('camp 1');

    sut.reload();
    answers.get('c-1')!.error(new ProblemError(notFound));

    expect(sut.problem()).toEqual(notFound);
    expect(sut.value()).toBe('camp 1');
    expect(sut.loading()).toBe(false);
  });

  it('clears the problem as the next load starts', () => {
    const sut = createSut();
    answers.get('c-1')!.error(new ProblemError(notFound));

    sut.reload();

    expect(sut.problem()).toBeUndefined();
    expect(sut.loading()).toBe(true);
  });

  it('hands each value to onLoaded once it is set', () => {
    const seen: (string | undefined)[] = [];
    const sut: ApiResource<string> = createSut({ onLoaded: (value) => seen.push(`${value} / ${sut.value()}`) });

    answers.get('c-1')!.next('camp 1');

    expect(seen).toEqual(['camp 1 / camp 1']);
  });

  it('stops loading once its owner is destroyed', () => {
    const owner = createEnvironmentInjector([], TestBed.inject(EnvironmentInjector));
    const sut = createSut({}, owner);

    owner.destroy();
    answers.get('c-1')!.next('camp 1');

    expect(sut.value()).toBeUndefined();
  });

  it('refuses to run outside an injection context', () => {
    expect(() => apiResource(request, load)).toThrow(/injection context/);
  });
});
