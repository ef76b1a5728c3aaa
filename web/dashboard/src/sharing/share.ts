/** What the share API takes and answers (server/modules/sharing/sharing.schemas.ts). */
export type DestinationKind = 'email' | 'slack' | 'webhook';

export type Destination =
  | { kind: 'email' }
  | { kind: 'slack'; url: string }
  | { kind: 'webhook'; url: string; secret?: string };

export interface ShareInput {
  teamId?: string;
  destination: Destination;
  note?: string;
}

export interface ShareResult {
  shareId: string;
  delivered: boolean;
  detail: string;
  recipients: number;
  responseStatus: number | null;
}

/** What the form holds, as typed. */
export interface ShareFields {
  kind: DestinationKind;
  teamId: string;
  url: string;
  secret: string;
  note: string;
}

export const SECRET_MIN = 16;

export const DESTINATIONS: { value: DestinationKind; label: string }[] = [
  { value: 'email', label: 'E-mail to the team' },
  { value: 'slack', label: 'Slack incoming webhook' },
  { value: 'webhook', label: 'Signed webhook' },
];

/** Problems the server would refuse anyway, found before sending; keyed by field name. */
export function shareProblems(fields: ShareFields): Record<string, string> {
  const problems: Record<string, string> = {};
  if (fields.kind === 'email' && !fields.teamId)
    problems.teamId = 'E-mail goes to a team: choose one.';
  if (fields.kind !== 'email') {
    const url = fields.url.trim();
    if (!url) problems.url = 'Give the URL to post to.';
    else if (!/^https?:\/\/\S+$/i.test(url))
      problems.url = 'The URL starts with https:// or http://.';
  }
  const secret = fields.secret.trim();
  if (fields.kind === 'webhook' && secret && secret.length < SECRET_MIN)
    problems.secret = `A secret has at least ${SECRET_MIN} characters.`;
  return problems;
}

/** The request body for valid fields: blanks left out, the secret only for a webhook. */
export function shareInput(fields: ShareFields): ShareInput {
  const url = fields.url.trim();
  const secret = fields.secret.trim();
  const note = fields.note.trim();
  const destination: Destination =
    fields.kind === 'email'
      ? { kind: 'email' }
      : fields.kind === 'slack'
        ? { kind: 'slack', url }
        : { kind: 'webhook', url, ...(secret ? { secret } : {}) };
  return {
    ...(fields.teamId ? { teamId: fields.teamId } : {}),
    destination,
    ...(note ? { note } : {}),
  };
}

/** The outcome in one honest sentence: delivered, or why not. */
export function outcomeText(result: ShareResult): string {
  if (!result.delivered) {
    const status = result.responseStatus === null ? '' : ` (HTTP ${result.responseStatus})`;
    return `Not delivered${status}: ${result.detail}`;
  }
  return `Shared: ${result.detail}`;
}
