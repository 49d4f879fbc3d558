import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { aPage } from '../core/http/testing/page-fixtures';
import { ProblemError } from '../core/problems/problem-error';
import { AdminApi } from './admin-api';
import { aUser } from './testing/admin-fixtures';

describe('AdminApi', () => {
  let sut: AdminApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(withFetch()), provideHttpClientTesting()] });
    sut = TestBed.inject(AdminApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('asks for a page of users', async () => {
    const answer = firstValueFrom(sut.listUsers({ page: 2, pageSize: 500 }));

    http.expectOne('/api/v1/users?page=2&pageSize=100').flush(aPage([aUser()]));

    expect((await answer).items[0].email).toBe('omar.khalil@hro.example');
  });

  it('refuses a user without a version', async () => {
    const answer = firstValueFrom(sut.listUsers());

    const { version: _version, ...withoutVersion } = aUser();
    http.expectOne('/api/v1/users').flush(aPage([withoutVersion]));

    await expect(answer).rejects.toBeInstanceOf(ProblemError);
  });

  it('updates a user at its address', () => {
    sut.updateUser('user 1', { version: 2, role: 'manager' }).subscribe();

    http.expectOne({ method: 'PATCH', url: '/api/v1/users/user%201' }).flush(aUser({ role: 'manager' }));
  });
});
