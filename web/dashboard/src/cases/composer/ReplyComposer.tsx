import { useRef, useState, type FormEvent } from 'react';
import { Alert, ErrorNotice, FormError } from '../../../../ui/Alert.tsx';
import { Button } from '../../../../ui/Button.tsx';
import { Checkbox, Field, SelectField, TextField } from '../../../../ui/Field.tsx';
import { Loading } from '../../../../ui/Spinner.tsx';
import { isApiError } from '../../api.ts';
import { canWorkWithFeedback } from '../../roles.ts';
import { useWorkspace } from '../../session.ts';
import { CustomerHistory, TheirWords } from './CustomerContext.tsx';
import { SEND_STATE_LABELS, SEND_STATE_TONES, stockWarning } from './labels.ts';
import { useCheckReply, useComposer, useSendReply } from './queries.ts';
import type { SentReply, StockCheck } from './types.ts';
import './composer.css';

const newKey = () => crypto.randomUUID();

/**
 * Write a personal reply from a case: the customer's words above, their history beside, snippets
 * to start from, a warning before a stock reply goes out, and the honest state of what was sent.
 * Hidden for viewers (the server refuses them too).
 */
export function ReplyComposer({ caseId }: { caseId: string }) {
  const workspace = useWorkspace();
  const allowed = canWorkWithFeedback(workspace.role);
  const composer = useComposer(workspace.id, caseId, allowed);
  const check = useCheckReply(workspace.id, caseId);
  const send = useSendReply(workspace.id, caseId);
  const [body, setBody] = useState('');
  const [subject, setSubject] = useState('');
  const [askConsent, setAskConsent] = useState(false);
  const [snippetId, setSnippetId] = useState('');
  const [key, setKey] = useState(newKey);
  const [stock, setStock] = useState<StockCheck | null>(null);
  const [sent, setSent] = useState<SentReply | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);

  if (!allowed) return null;
  if (composer.isPending) return <Loading label="Loading the composer…" />;
  if (composer.isError)
    return <ErrorNotice problem={composer.error} onRetry={() => void composer.refetch()} />;
  const data = composer.data;
  const inFollowUp = data.case.stage === 'follow_up';

  const changeBody = (value: string) => {
    setBody(value);
    setStock(null);
    setSent(null);
  };

  const insertSnippet = () => {
    const snippet = data.snippets.find((s) => s.id === snippetId);
    if (!snippet) return;
    changeBody(body.trim() ? `${body.trimEnd()}\n\n${snippet.body}` : snippet.body);
    textarea.current?.focus();
  };

  const deliver = async (acknowledgeStock: boolean) => {
    try {
      const reply = await send.mutateAsync({
        body,
        idempotencyKey: key,
        ...(subject.trim() ? { subject: subject.trim() } : {}),
        ...(acknowledgeStock ? { acknowledgeStock: true } : {}),
        ...(inFollowUp && askConsent ? { askConsent: ['follow_up'] } : {}),
      });
      setSent(reply);
      setStock(null);
      setBody('');
      setSubject('');
      setAskConsent(false);
      setKey(newKey());
    } catch (error) {
      // Someone sent the same words elsewhere meanwhile: show the warning instead of an error.
      if (isApiError(error, 409) && error.code === 'stock_reply')
        setStock(await check.mutateAsync(body));
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return;
    const result = await check.mutateAsync(body);
    if (result.stock) setStock(result);
    else await deliver(false);
  };

  const makePersonal = () => {
    setStock(null);
    textarea.current?.focus();
  };

  return (
    <section className="composer" aria-labelledby="composer-title">
      <h2 id="composer-title">Reply to {data.contact?.name ?? 'the customer'}</h2>
      {!data.canEmail && (
        <Alert tone="warning">
          <p>This customer has no email address, so a reply cannot be sent from here.</p>
        </Alert>
      )}
      <div className="composer-grid">
        <form className="composer-form" onSubmit={(event) => void submit(event)}>
          <TheirWords composer={data} />
          <p className="composer-meta">
            To {data.contact?.email ?? '—'} ·{' '}
            {data.inReplyTo ? 'in their email thread' : 'new thread'}
          </p>
          <TextField
            label="Subject"
            name="subject"
            value={subject}
            placeholder={data.subject}
            maxLength={300}
            onChange={(event) => setSubject(event.target.value)}
          />
          {data.snippets.length > 0 && (
            <div className="composer-snippets">
              <SelectField
                label="Snippet"
                name="snippet"
                value={snippetId}
                options={[
                  { value: '', label: 'Choose a snippet…' },
                  ...data.snippets.map((s) => ({ value: s.id, label: s.name })),
                ]}
                onChange={(event) => setSnippetId(event.target.value)}
              />
              <Button size="small" onClick={insertSnippet} disabled={!snippetId}>
                Insert
              </Button>
            </div>
          )}
          <Field
            label="Your reply"
            hint="Their words are quoted below your reply in the email. A snippet is a start: make it personal."
          >
            {(control) => (
              <textarea
                {...control}
                ref={textarea}
                name="body"
                rows={8}
                required
                maxLength={20_000}
                value={body}
                onChange={(event) => changeBody(event.target.value)}
              />
            )}
          </Field>
          {inFollowUp && (
            <Checkbox
              label="Ask whether we may contact them again about this"
              name="askConsent"
              checked={askConsent}
              onChange={(event) => setAskConsent(event.target.checked)}
            />
          )}
          <div role="status" className="notice-region">
            {stock && (
              <Alert tone="warning">
                <p>{stockWarning(stock)}</p>
                <div className="composer-actions">
                  <Button variant="primary" onClick={makePersonal}>
                    Make it personal
                  </Button>
                  <Button busy={send.isPending} onClick={() => void deliver(true)}>
                    Send anyway
                  </Button>
                </div>
              </Alert>
            )}
            {sent && (
              <Alert tone={SEND_STATE_TONES[sent.state]}>
                <p>
                  Reply “{sent.subject}”: {SEND_STATE_LABELS[sent.state]}
                  {sent.stateReason ? ` (${sent.stateReason})` : ''}.
                </p>
              </Alert>
            )}
          </div>
          <FormError
            problem={send.error && !isApiError(send.error, 409) ? send.error : check.error}
          />
          <div className="composer-actions">
            <Button
              type="submit"
              variant="primary"
              busy={check.isPending || send.isPending}
              disabled={!data.canEmail || !body.trim() || stock !== null}
            >
              Send reply
            </Button>
          </div>
        </form>
        <CustomerHistory composer={data} />
      </div>
    </section>
  );
}
