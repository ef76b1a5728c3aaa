import { z } from 'zod';

/** IMAP polling of an existing mailbox. The password is a secret: it is kept beside the settings in the post's config and never returned. */
export const imapSettingsSchema = z.strictObject({
  host: z
    .string()
    .min(1)
    .max(253)
    .regex(/^[a-z0-9.-]+$/i, 'a host name or IP address'),
  port: z.number().int().min(1).max(65535).default(993),
  /** TLS from the start (port 993). With false, the connection upgrades with STARTTLS when offered. */
  secure: z.boolean().default(true),
  user: z.string().min(1).max(320),
  mailbox: z.string().min(1).max(200).default('INBOX'),
});

/**
 * What an email listening post takes: an address of the workspace's own (for example
 * `feedback@acme.example`, forwarded or pointed at Hearken's SMTP receiver) and, optionally, a
 * mailbox to poll. Every email post also receives at `<post id>@<INBOUND_EMAIL_DOMAIN>`.
 */
export const emailPostSettingsSchema = z.strictObject({
  address: z
    .email()
    .max(254)
    .transform((address) => address.toLowerCase())
    .optional(),
  imap: imapSettingsSchema.optional(),
});

export type EmailPostSettings = z.infer<typeof emailPostSettingsSchema>;
export type ImapSettings = z.infer<typeof imapSettingsSchema>;

/** The post's settings as stored (validated when saved; parsed again so old rows cannot surprise). */
export function readEmailSettings(settings: Record<string, unknown>): EmailPostSettings {
  const parsed = emailPostSettingsSchema.safeParse(settings);
  return parsed.success ? parsed.data : {};
}

/** The address Hearken generates for a post, when the operator has set INBOUND_EMAIL_DOMAIN. */
export function generatedAddress(postId: string, domain: string | undefined): string | undefined {
  return domain ? `${postId}@${domain}` : undefined;
}
