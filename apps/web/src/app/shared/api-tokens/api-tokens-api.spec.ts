import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { aPage } from '../../core/http/testing/page-fixtures';
import { ProblemError } from '../../core/problems/problem-error';
import { ApiTokensApi } from './api-tokens-api';
import { aCreatedApiToken, anApiToken } from './testing/api-token-fixtures';

describe('ApiTokensApi', () => {
  let sut: ApiTokensApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(withFetch()), provideHttpClientTesting()] });
    sut = TestBed.inject(ApiTokensApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('asks for a page of tokens', async () => {
    const answer = firstValueFrom(sut.listApiTokens({ page: 1, pageSize: 500 }));

    http.expectOne('/api/v1/api-tokens?page=1&pageSize=100').flush(aPage([anApiToken()]));

    expect((await answer).items[0].name).toBe('KoboToolbox sync');
  });

  it('refuses a token without its name', async () => {
    const answer = firstValueFrom(sut.listApiTokens());

    const { name: _name, ...withoutName } = anApiToken();
    http.expectOne('/api/v1/api-tokens').flush(aPage([withoutName]));

    await expect(answer).rejects.toBeInstanceOf(ProblemError);
  });

  it('refuses a created token that lacks the token', async () => {
    const answer = firstValueFrom(sut.createApiToken({ name: 'Export' }));

    http.expectOne({ method: 'POST', url: '/api/v1/api-tokens' }).flush(anApiToken());

    await expect(answer).rejects.toBeInstanceOf(ProblemError);
  });

  it('returns the created token with its secret', async () => {
    const answer = firstValueFrom(sut.createApiToken({ name: 'Export' }));

    http.expectOne({ method: 'POST', url: '/api/v1/api-tokens' }).flush(aCreatedApiToken());

    expect((await answer).token).toBe('rl_live_7Qk2v9XwPz4mN8rT');
  });

  it('revokes a token', () => {
    sut.revokeApiToken('token-1').subscribe();

    http.expectOne({ method: 'POST', url: '/api/v1/api-tokens/token-1/revoke' }).flush(anApiToken({ revokedAt: '2019-12-24T09:00:00Z' }));
  });
});
