import { EnvironmentInjector, runInInjectionContext, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Page } from '@relief-ledger/domain';
import { Subject } from 'rxjs';

import { aPage } from '../../core/http/testing/page-fixtures';
import { PagedResource, pagedResource } from './paged-resource';

interface Item {
  id: string;
  name: string;
}

describe('pagedResource', () => {
  let answer: Subject<Page<Item>>;
  let load: jest.Mock<Subject<Page<Item>>, [{ page: number; pageSize: number }]>;
  const query = signal({ page: 1, pageSize: 20 });

  beforeEach(() => {
    answer = new Subject();
    load = jest.fn((_query: { page: number; pageSize: number }) => answer);
  });

  function createSut(): PagedResource<Item> {
    const sut = runInInjectionContext(TestBed.inject(EnvironmentInjector), () => pagedResource(query, load));
    TestBed.tick();
    return sut;
  }

  it('asks for the page the query names', () => {
    createSut();

    expect(load).toHaveBeenCalledWith({ page: 1, pageSize: 20 });
  });

  it('offers no items until a page arrives, then the items on it', () => {
    const sut = createSut();
    expect(sut.items()).toEqual([]);

    answer.next(aPage([{ id: 'a', name: 'Atmeh' }], { total: 41 }));

    expect(sut.items()).toEqual([{ id: 'a', name: 'Atmeh' }]);
    expect(sut.value()?.total).toBe(41);
  });

  it('puts a changed item in place of the one with its id, leaving the rest', () => {
    const sut = createSut();
    answer.next(aPage([{ id: 'a', name: 'Atmeh' }, { id: 'b', name: 'Sarmada' }]));

    sut.replaceItem({ id: 'b', name: 'Sarmada North' });

    expect(sut.items()).toEqual([{ id: 'a', name: 'Atmeh' }, { id: 'b', name: 'Sarmada North' }]);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('ignores a changed item while no page is shown', () => {
    const sut = createSut();

    sut.replaceItem({ id: 'b', name: 'Sarmada North' });

    expect(sut.value()).toBeUndefined();
  });
});
