/** Only same-site paths may be used after sign-in, so a crafted link cannot send users away. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}

export function signInPath(options: { next?: string; email?: string } = {}): string {
  const params = new URLSearchParams();
  if (options.next && options.next !== '/') params.set('next', options.next);
  if (options.email) params.set('email', options.email);
  const query = params.toString();
  return query ? `/sign-in?${query}` : '/sign-in';
}

export function workspaceHome(workspaceId: string | undefined): string {
  return workspaceId ? `/w/${workspaceId}` : '/';
}
