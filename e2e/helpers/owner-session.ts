import type { RunningProcess } from './processes.ts';

/**
 * Completes first-run setup on a fresh server from the link it prints: the first owner and an
 * empty workspace (no demo data), signed in.
 */
export async function setUpOwner(server: RunningProcess, base: string, workspaceName: string) {
  const [link] = (await server.waitForOutput(
    /http:\/\/localhost:\d+\/setup\?token=[\w-]+/,
  )) as unknown as [string];
  const setup = await fetch(`${base}/api/v1/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      token: new URL(link).searchParams.get('token'),
      name: 'Ada Owner',
      email: 'owner@example.test',
      password: 'a long enough password',
      workspaceName,
      demo: false,
    }),
  });
  if (setup.status !== 201) throw new Error(`setup answered ${setup.status}`);
  const me = await setup.json();
  const cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0]!;
  return {
    workspaceId: me.workspaces[0].id as string,
    /** `name=value` of the session cookie, for a browser context to sign in with. */
    cookie,
    /** Calls `/api/v1<path>` as the signed-in owner (cookie and CSRF token). */
    async api(method: string, path: string, body?: unknown) {
      const response = await fetch(`${base}/api/v1${path}`, {
        method,
        headers: {
          cookie,
          'x-csrf-token': me.csrfToken,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: response.status, json: await response.json() };
    },
  };
}

export type OwnerSession = Awaited<ReturnType<typeof setUpOwner>>;
