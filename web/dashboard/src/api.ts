import type { ErrorDetail, Problem } from '../../ui/problem.ts';
import type { Me } from './types.ts';

/** An error response from the API, or a failure to reach it (status 0). */
export class ApiError extends Error implements Problem {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    /** From the Retry-After header of a 429. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions {
  body?: unknown;
  /**
   * Whether a 401 sends the user to sign-in. Off for calls where 401 is an expected answer:
   * "am I signed in?" and the sign-in form itself.
   */
  redirectOn401?: boolean;
}

let csrfToken: string | null = null;
let unauthorizedHandler: () => void = () => {};

/** Cookie-authenticated writes must echo this token; it comes from /me, sign-in and setup. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function onUnauthorized(handler: () => void): void {
  unauthorizedHandler = handler;
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: ErrorDetail[] };
}

function parseBody(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function toApiError(response: Response, body: unknown): ApiError {
  const error = (body as ErrorBody | null)?.error;
  const retryAfter = Number(response.headers.get('Retry-After'));
  return new ApiError(
    response.status,
    error?.code ?? 'http_error',
    error?.message ?? `The server answered ${response.status} ${response.statusText}.`,
    Array.isArray(error?.details) ? error.details : [],
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  );
}

async function send(method: Method, path: string, options: RequestOptions): Promise<unknown> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  // Only with a body: Fastify rejects an empty body declared as JSON.
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, 'network_error', 'Could not reach the server. Check your connection.');
  }

  const body = parseBody(await response.text());
  if (response.ok) return body;
  const error = toApiError(response, body);
  if (error.status === 401 && options.redirectOn401 !== false) unauthorizedHandler();
  throw error;
}

async function request(method: Method, path: string, options: RequestOptions = {}) {
  try {
    return await send(method, path, options);
  } catch (error) {
    // The session may have been renewed in another tab: fetch the current token, retry once.
    if (method !== 'GET' && isApiError(error, 403) && error.code === 'csrf_failed') {
      await getMe();
      return send(method, path, options);
    }
    throw error;
  }
}

// The casts trust the server's documented contract; responses are not re-validated here.
export const api = {
  get: async <T>(path: string, options?: RequestOptions) =>
    (await request('GET', path, options)) as T,
  post: async <T>(path: string, body?: unknown, options?: RequestOptions) =>
    (await request('POST', path, { ...options, body })) as T,
  put: async <T>(path: string, body: unknown) => (await request('PUT', path, { body })) as T,
  patch: async <T>(path: string, body: unknown) => (await request('PATCH', path, { body })) as T,
  delete: async (path: string): Promise<void> => {
    await request('DELETE', path);
  },
};

/** The signed-in user, or a 401 ApiError. Keeps the CSRF token current as a side effect. */
export async function getMe(): Promise<Me> {
  const me = await api.get<Me>('/api/v1/me', { redirectOn401: false });
  setCsrfToken(me.csrfToken);
  return me;
}

/**
 * Posts a multipart form (a file upload) with the session's CSRF token, reporting upload
 * progress as a fraction; XMLHttpRequest because fetch cannot tell how much was sent.
 */
export function upload<T>(
  path: string,
  form: FormData,
  onProgress?: (fraction: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    };
    xhr.onerror = () =>
      reject(
        new ApiError(0, 'network_error', 'Could not reach the server. Check your connection.'),
      );
    xhr.onload = () => {
      const body = parseBody(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as T);
      const error = (body as ErrorBody | null)?.error;
      if (xhr.status === 401) unauthorizedHandler();
      reject(
        new ApiError(
          xhr.status,
          error?.code ?? 'http_error',
          error?.message ?? `The server answered ${xhr.status}.`,
          Array.isArray(error?.details) ? error.details : [],
        ),
      );
    };
    xhr.send(form);
  });
}

/** Builds `/api/v1/workspaces/:id/...` with every dynamic segment encoded. */
export function wsPath(workspaceId: string, ...segments: (string | number)[]): string {
  return ['/api/v1/workspaces', workspaceId, ...segments]
    .map((part, index) => (index === 0 ? part : encodeURIComponent(String(part))))
    .join('/');
}
