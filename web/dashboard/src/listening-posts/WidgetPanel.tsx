import { useState } from 'react';
import { FormError } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { CopyBlock } from '../../../ui/CopyBlock.tsx';
import { Dialog } from '../../../ui/Dialog.tsx';
import { SelectField, TextAreaField, TextField } from '../../../ui/Field.tsx';
import { fieldError } from '../../../ui/problem.ts';
import { formText } from '../forms.ts';
import { useWorkspace } from '../session.ts';
import type { ListeningPost } from '../types.ts';
import { useNotice } from './notice.ts';
import { useUpdatePost } from './queries.ts';

/** A widget post's settings as the server stores them (every field has a server default). */
interface WidgetSettings {
  question?: { type?: string; text?: Record<string, string> };
  defaultLanguage?: string;
  followUp?: Record<string, string>;
  thankYou?: Record<string, string>;
  colors?: { accent?: string; background?: string; text?: string };
  position?: string;
  allowedOrigins?: string[];
}

const TYPES = [
  { value: 'nps', label: 'NPS (0–10)' },
  { value: 'csat', label: 'CSAT (1–5)' },
  { value: 'ces', label: 'CES (1–7)' },
  { value: 'text', label: 'Free text' },
];
const POSITIONS = [
  { value: 'bottom-right', label: 'Bottom right corner' },
  { value: 'bottom-left', label: 'Bottom left corner' },
  { value: 'inline', label: 'In the page, where the snippet is' },
];

export function embedSnippet(origin: string, postId: string): string {
  return `<script src="${origin}/widget.js" data-post="${postId}" async></script>`;
}

/** The embed snippet, and for managers the settings form. */
export function WidgetPanel({ post }: { post: ListeningPost }) {
  const { canManage } = useWorkspace();
  return (
    <details className="post-api">
      <summary>How to add this widget to your site</summary>
      <div className="stack">
        <p>Paste this before the closing &lt;/body&gt; tag of each page that should ask:</p>
        <CopyBlock
          value={embedSnippet(window.location.origin, post.id)}
          copyLabel="Copy snippet"
          label={`Copy the embed snippet for ${post.name}`}
        />
        <p className="muted">
          Add <code>data-email</code>, <code>data-user-id</code> or <code>data-name</code> to tie
          answers to a signed-in customer. Allowed sites and texts are in the widget settings.
        </p>
        {canManage && (
          <div>
            <EditWidgetButton post={post} />
          </div>
        )}
      </div>
    </details>
  );
}

function EditWidgetButton({ post }: { post: ListeningPost }) {
  const [open, setOpen] = useState(false);
  const notice = useNotice();
  return (
    <>
      <Button
        size="small"
        aria-label={`Widget settings of ${post.name}`}
        onClick={() => setOpen(true)}
      >
        Widget settings
      </Button>
      {open && (
        <Dialog title={`Widget settings of “${post.name}”`} onClose={() => setOpen(false)}>
          <WidgetSettingsForm
            post={post}
            onCancel={() => setOpen(false)}
            onSaved={() => {
              setOpen(false);
              notice(`Widget settings of “${post.name}” saved.`);
            }}
          />
        </Dialog>
      )}
    </>
  );
}

function WidgetSettingsForm(props: {
  post: ListeningPost;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const { id } = useWorkspace();
  const update = useUpdatePost(id);
  const current = (props.post.settings ?? {}) as WidgetSettings;
  const language = current.defaultLanguage ?? 'en';
  const error = (field: string) => fieldError(update.error, field);
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const lang = formText(data, 'defaultLanguage').toLowerCase() || 'en';
        // Texts in other languages (set through the API) are kept; this form edits one language.
        const put = (texts: Record<string, string> | undefined, value: string) => {
          const { [lang]: _old, ...others } = texts ?? {};
          return value ? { ...others, [lang]: value } : others;
        };
        const settings = {
          question: {
            type: formText(data, 'type'),
            text: put(current.question?.text, formText(data, 'question')),
          },
          defaultLanguage: lang,
          followUp: put(current.followUp, formText(data, 'followUp')),
          thankYou: put(current.thankYou, formText(data, 'thankYou')),
          colors: { ...current.colors, accent: formText(data, 'accent') },
          position: formText(data, 'position'),
          allowedOrigins: formText(data, 'allowedOrigins').split(/\s+/).filter(Boolean),
        };
        update.mutate({ id: props.post.id, patch: { settings } }, { onSuccess: props.onSaved });
      }}
    >
      <FormError
        problem={update.error}
        fields={['question.text', 'defaultLanguage', 'accent', 'allowedOrigins']}
      />
      <SelectField
        label="Question type"
        name="type"
        options={TYPES}
        defaultValue={current.question?.type ?? 'nps'}
      />
      <TextAreaField
        label="Question"
        name="question"
        required
        maxLength={500}
        defaultValue={current.question?.text?.[language] ?? ''}
        error={error('question.text')}
      />
      <TextField
        label="Language of these texts"
        name="defaultLanguage"
        maxLength={20}
        defaultValue={language}
        hint="Shown to visitors whose browser asks for none of the widget’s languages, e.g. en or fr."
        error={error('defaultLanguage')}
      />
      <TextField
        label="Follow-up question"
        name="followUp"
        maxLength={500}
        defaultValue={current.followUp?.[language] ?? ''}
        hint="Asked after the score, e.g. “What is the main reason for your score?”. Leave empty for none."
      />
      <TextField
        label="Thank-you text"
        name="thankYou"
        maxLength={300}
        defaultValue={current.thankYou?.[language] ?? ''}
      />
      <TextField
        label="Accent colour"
        name="accent"
        type="color"
        defaultValue={current.colors?.accent ?? '#4338ca'}
        error={error('accent')}
      />
      <SelectField
        label="Position"
        name="position"
        options={POSITIONS}
        defaultValue={current.position ?? 'bottom-right'}
      />
      <TextAreaField
        label="Allowed sites"
        name="allowedOrigins"
        defaultValue={(current.allowedOrigins ?? []).join('\n')}
        hint="One origin per line, e.g. https://shop.example. Leave empty to allow any site."
        error={error('allowedOrigins')}
      />
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={update.isPending}>
          Save widget settings
        </Button>
        <Button onClick={props.onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
