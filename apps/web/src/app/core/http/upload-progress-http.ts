import { HttpBackend, HttpXhrBackend, provideHttpClient, withInterceptors } from '@angular/common/http';
import { EnvironmentProviders, Provider } from '@angular/core';

import { sessionExpiredInterceptor } from '../auth/session-expired-interceptor';

/**
 * An HttpClient that sends over XMLHttpRequest, for a route whose page shows upload progress: the
 * app's fetch backend reports download progress only. List the route's API services after it, so
 * they get this client rather than the app's. The interceptors are the app's (see app.config.ts).
 */
export function provideUploadProgressHttp(): (Provider | EnvironmentProviders)[] {
  return [
    provideHttpClient(withInterceptors([sessionExpiredInterceptor])),
    // After provideHttpClient, so it wins over the fetch backend that the app's injector offers.
    { provide: HttpBackend, useExisting: HttpXhrBackend },
  ];
}
