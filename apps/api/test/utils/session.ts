import request from 'supertest';
import { RunningApi } from './start-api';

export const DEMO_PASSWORD = 'demo-password-2019';

/** Signs in through the API and returns the session cookie to send back. */
export async function signIn(api: RunningApi, email: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await request(api.url).post('/api/v1/auth/sign-in').send({ email, password });
  if (res.status !== 200) throw new Error(`sign-in as ${email} answered ${res.status}: ${JSON.stringify(res.body)}`);
  const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? [])[0];
  return cookie.split(';')[0];
}

export type Client = ReturnType<typeof clientFor>;

/** Requests that carry a credential: a session cookie, or `Bearer <API token>`. */
export function clientFor(api: RunningApi, credential: string) {
  const auth = (test: request.Test) => (credential.startsWith('Bearer ') ? test.set('Authorization', credential) : test.set('Cookie', credential));
  return {
    get: (path: string) => auth(request(api.url).get(path)),
    post: (path: string) => auth(request(api.url).post(path)),
    patch: (path: string) => auth(request(api.url).patch(path)),
    put: (path: string) => auth(request(api.url).put(path)),
    delete: (path: string) => auth(request(api.url).delete(path)),
  };
}

export async function signedIn(api: RunningApi, email: string, password = DEMO_PASSWORD): Promise<Client> {
  return clientFor(api, await signIn(api, email, password));
}
