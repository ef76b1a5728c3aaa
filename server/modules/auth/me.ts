import type { AppContext } from '../../context.ts';
import { errors } from '../../errors.ts';
import type { Principal } from '../../http/access.ts';
import { getWorkspace, listWorkspacesOf } from '../workspaces/workspaces.service.ts';
import type { NewSession } from './auth.service.ts';
import { getUser } from './auth.service.ts';

/** The `Me` reply: who the caller is (a person or an API key) and the workspaces they can open. */
export async function describeMe(ctx: AppContext, principal: Principal) {
  if (principal.apiKey) {
    const workspace = await getWorkspace(ctx, principal.apiKey.workspaceId);
    return {
      user: null,
      apiKey: { ...principal.apiKey },
      workspaces: [
        {
          id: workspace.id,
          name: workspace.name,
          timezone: workspace.timezone,
          role: principal.apiKey.role,
        },
      ],
      csrfToken: null,
    };
  }
  if (!principal.userId) throw errors.unauthenticated();
  return {
    user: await getUser(ctx, principal.userId),
    apiKey: null,
    workspaces: await listWorkspacesOf(ctx, principal.userId),
    csrfToken: principal.csrfToken,
  };
}

/** `Me` for a session just created (sign-in, setup, set-password, accepted invitation). */
export function describeSession(ctx: AppContext, session: NewSession) {
  return describeMe(ctx, { userId: session.userId, apiKey: null, csrfToken: session.csrfToken });
}
