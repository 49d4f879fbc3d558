import { HttpBackend, HttpClient, HttpXhrBackend, provideHttpClient, withFetch } from '@angular/common/http';
import { createEnvironmentInjector, EnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { provideUploadProgressHttp } from './upload-progress-http';

describe('provideUploadProgressHttp', () => {
  it('gives the route an HttpClient of its own that sends over XHR, under an app that uses fetch', () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(withFetch())] });
    const app = TestBed.inject(EnvironmentInjector);

    const sut = createEnvironmentInjector(provideUploadProgressHttp(), app);

    expect(sut.get(HttpBackend)).toBeInstanceOf(HttpXhrBackend);
    expect(sut.get(HttpClient)).not.toBe(app.get(HttpClient));
    expect(app.get(HttpBackend)).not.toBeInstanceOf(HttpXhrBackend);
  });
});
