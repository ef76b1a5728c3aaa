import type { ConsentPurpose } from '../../db/schema/index.ts';

/** The plain HTML pages behind the personal links in outgoing mail; they need no script. */
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escape = (text: string) => text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex, nofollow" />
    <title>${escape(title)}</title>
    <style>
      body { font-family: system-ui, sans-serif; max-width: 36rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
      button { font: inherit; padding: 0.6rem 1.2rem; border-radius: 6px; border: 1px solid #333; background: #222; color: #fff; cursor: pointer; }
      button:focus-visible { outline: 3px solid #0a66c2; outline-offset: 2px; }
    </style>
  </head>
  <body><main>${body}</main></body>
</html>`;
}

export function withdrawPage(
  workspace: string,
  purposes: string[],
  action: string,
  done = false,
): string {
  const list = purposes.map((p) => `<li>${escape(p)}</li>`).join('');
  if (done)
    return layout(
      'Done',
      `<h1>Done</h1><p>You will not hear from ${escape(workspace)} again about:</p><ul>${list}</ul>
       <p>Replies to feedback you send us yourself still reach you.</p>`,
    );
  return layout(
    `Stop emails from ${workspace}`,
    `<h1>Stop emails from ${escape(workspace)}</h1>
     <p>You will not hear from ${escape(workspace)} again about:</p><ul>${list}</ul>
     <form method="post" action="${escape(action)}"><button type="submit">Stop these emails</button></form>`,
  );
}

export function consentQuestionPage(
  workspace: string,
  label: string,
  answer: 'yes' | 'no',
  action: string,
  purpose: ConsentPurpose,
): string {
  const question =
    answer === 'yes'
      ? `Yes, ${escape(workspace)} may contact me again about ${escape(label)}.`
      : `No, ${escape(workspace)} should not contact me again about ${escape(label)}.`;
  return layout(
    'Your answer',
    `<h1>Your answer</h1><p>${question}</p>
     <form method="post" action="${escape(action)}">
       <input type="hidden" name="purpose" value="${escape(purpose)}" />
       <input type="hidden" name="answer" value="${answer}" />
       <button type="submit">Confirm</button>
     </form>`,
  );
}

export function consentThanksPage(workspace: string, granted: boolean): string {
  return layout(
    'Thank you',
    `<h1>Thank you</h1><p>${
      granted
        ? `${escape(workspace)} may contact you again. You can change your mind from any email we send.`
        : `${escape(workspace)} will not contact you again about this.`
    }</p>`,
  );
}

export function messagePage(status: number): string {
  const text =
    status === 404
      ? 'This link is not valid (any more).'
      : status === 429
        ? 'Too many requests; please try again in a minute.'
        : status < 500
          ? 'This request is not valid.'
          : 'Something went wrong; please try again later.';
  return layout('Hearken', `<p>${escape(text)}</p>`);
}
