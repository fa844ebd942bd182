import type { Role } from '#ikm/auth';
import request from 'supertest';
import { tokenFor, type PersonaClaims } from './tokens.js';

/**
 * Signs a token for a user with these roles and claims: development tokens by default, or an identity
 * provider's.
 */
export type TokenSource = (user: string, roles: Role[], claims: PersonaClaims) => Promise<string>;

/** Where the calls go: a URL, or anything with a base URL (a `ServiceProcess`), read at each call. */
export type ApiTarget = string | { readonly baseUrl: string };

export interface ApiClientOptions {
  /** Put before every path: `/ideas` on the ideas service, `/api/v1/ideas` through the gateway. */
  prefix?: string;
  tokens?: TokenSource;
}

/**
 * A request that sends its caller's token. Signing is asynchronous, so the token is awaited and set
 * when the request is sent (`await`, `.then`, `.end`), not when it is built: the caller gets a
 * supertest `Test` at once and can still chain `.set('if-match', …)`, `.query(…)` or `.expect(…)`.
 * An `Authorization` the caller sets itself (a forged token, say) is sent instead.
 */
class PersonaTest extends request.Test {
  constructor(
    url: string,
    method: string,
    private readonly token: Promise<string> | undefined,
  ) {
    super(url, method, '');
  }

  override end(callback?: request.CallbackHandler): this {
    if (!this.token) return super.end(callback);
    this.token.then(
      (token) => {
        if (this.get('authorization') === undefined) this.set('authorization', `Bearer ${token}`);
        super.end(callback);
      },
      (error: Error) => callback?.(error, undefined as never),
    );
    return this;
  }
}

/** The calls one user (or nobody) makes: each returns a supertest `Test` to await or chain on. */
export interface PersonaClient {
  get(path?: string): request.Test;
  post(path?: string, body?: object): request.Test;
  patch(path?: string, body?: object): request.Test;
  put(path?: string, body?: object): request.Test;
  delete(path?: string, body?: object): request.Test;
}

/** The API of one service (or of the gateway), called as whichever user a test needs. */
export class ApiClient {
  private readonly tokens = new Map<string, Promise<string>>();

  constructor(
    private readonly target: ApiTarget,
    private readonly options: ApiClientOptions = {},
  ) {}

  /**
   * Calls as `user` with these roles (staff by default) and claims beyond roles (the `unit` whose
   * km_officer they are, say), with a token signed once per user, roles and claims.
   */
  as(user: string, roles: Role[] = ['staff'], claims: PersonaClaims = {}): PersonaClient {
    return this.client(() => this.token(user, roles, claims));
  }

  /** Calls without a token. */
  get anonymous(): PersonaClient {
    return this.client(() => undefined);
  }

  /** The token `as(user, roles, claims)` sends, for calls made by other means (raw sockets, fetch). */
  token(user: string, roles: Role[] = ['staff'], claims: PersonaClaims = {}): Promise<string> {
    const given = Object.entries(claims).filter(([, value]) => value !== undefined).sort(([a], [b]) => a.localeCompare(b));
    const key = JSON.stringify([user, [...roles].sort(), given]);
    let token = this.tokens.get(key);
    if (!token) {
      token = (this.options.tokens ?? tokenFor)(user, roles, claims);
      this.tokens.set(key, token);
    }
    return token;
  }

  /** The absolute URL of a path, prefix included. */
  url(path = ''): string {
    const baseUrl = typeof this.target === 'string' ? this.target : this.target.baseUrl;
    return `${baseUrl}${this.options.prefix ?? ''}${path}`;
  }

  private client(token: () => Promise<string> | undefined): PersonaClient {
    const call = (method: string) => (path?: string, body?: object) => {
      const test = new PersonaTest(this.url(path), method, token());
      return body === undefined ? test : test.send(body);
    };
    return { get: call('get'), post: call('post'), patch: call('patch'), put: call('put'), delete: call('delete') };
  }
}

/** Shorthand: `apiClient(ideas, { prefix: '/ideas' }).as('alice').post('', body)`. */
export function apiClient(target: ApiTarget, options: ApiClientOptions = {}): ApiClient {
  return new ApiClient(target, options);
}

/** A service's own API, called directly: every path under its name (`/ideas…`). */
export function serviceApi(service: { readonly baseUrl: string; readonly service: { name: string } }, options: Omit<ApiClientOptions, 'prefix'> = {}): ApiClient {
  return new ApiClient(service, { ...options, prefix: `/${service.service.name}` });
}

/** A service's API as front ends call it, through the gateway (`/api/v1/ideas…`). */
export function gatewayApi(gateway: ApiTarget, serviceName: string, options: Omit<ApiClientOptions, 'prefix'> = {}): ApiClient {
  return new ApiClient(gateway, { ...options, prefix: `/api/v1/${serviceName}` });
}
