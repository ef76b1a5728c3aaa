import { pick, scaleOf, type Question, type SurveyDefinition } from './definition.ts';
import { html, type Html } from './html.ts';
import { wordsFor } from './ui-text.ts';

export const STYLESHEET_PATH = '/s-assets/survey.css';

function layout(language: string, title: string, body: Html): string {
  return html`<!doctype html>
    <html lang="${language}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>${title}</title>
        <link rel="stylesheet" href="${STYLESHEET_PATH}" />
      </head>
      <body>
        <main class="survey">${body}</main>
      </body>
    </html> `.value;
}

export interface QuestionPage {
  formAction: string;
  definition: SurveyDefinition;
  question: Question;
  language: string;
  responseToken: string | undefined;
  position: { n: number; total: number };
  error?: 'required' | 'invalid' | undefined;
  /** The answer to show as chosen (after an email click, or an error). */
  chosen?: unknown;
}

function scaleInput(page: QuestionPage, question: Question, range: readonly [number, number]) {
  const { language, definition } = page;
  const low = pick(question.lowLabel, language, definition.defaultLanguage);
  const high = pick(question.highLabel, language, definition.defaultLanguage);
  const values = Array.from({ length: range[1] - range[0] + 1 }, (_, i) => range[0] + i);
  // One tap submits: each score is its own submit button, so no script is needed.
  return html`<div class="scale scale-${values.length}">
      ${values.map(
        (value) =>
          html`<button
            type="submit"
            name="a"
            value="${value}"
            class="${page.chosen === value ? 'score chosen' : 'score'}"
          >
            ${value}
          </button>`,
      )}
    </div>
    ${low || high ? html`<div class="scale-labels"><span>${low}</span><span>${high}</span></div>` : ''}`;
}

function choiceInput(page: QuestionPage, question: Question) {
  const words = wordsFor(page.language);
  const multiple = question.type === 'multiple';
  const chosen = Array.isArray(page.chosen) ? page.chosen : [page.chosen];
  return html`${multiple ? html`<p class="hint">${words.chooseAny}</p>` : ''}
    <div class="choices">
      ${(question.options ?? []).map(
        (option) =>
          html`<label class="choice"
            ><input
              type="${multiple ? 'checkbox' : 'radio'}"
              name="a"
              value="${option.id}"
              ${
                chosen.includes(option.id) ? html` checked` : ''
              }${question.required && !multiple ? html` required` : ''}
            />
            <span
              >${pick(option.label, page.language, page.definition.defaultLanguage)}</span
            ></label
          >`,
      )}
    </div>
    <button type="submit" class="next">${words.next}</button>`;
}

function answerInput(page: QuestionPage): Html {
  const { question } = page;
  const words = wordsFor(page.language);
  const range = scaleOf(question);
  if (range) return scaleInput(page, question, range);
  if (question.type === 'consent')
    return html`<div class="scale">
      <button type="submit" name="a" value="yes" class="score wide">${words.yes}</button
      ><button type="submit" name="a" value="no" class="score wide">${words.no}</button>
    </div>`;
  if (question.type === 'text')
    return html`<textarea
        name="a"
        aria-labelledby="question-text"
        rows="5"
        maxlength="10000"
        ${question.required ? html` required` : ''}
      >
${typeof page.chosen === 'string' ? page.chosen : ''}</textarea>
      <button type="submit" class="next">${words.next}</button>`;
  return choiceInput(page, question);
}

export function renderQuestion(page: QuestionPage): string {
  const { definition, question, language } = page;
  const words = wordsFor(language);
  const title = pick(definition.title, language, definition.defaultLanguage);
  const intro =
    page.position.n === 1 ? pick(definition.intro, language, definition.defaultLanguage) : '';
  const hint = pick(question.hint, language, definition.defaultLanguage);
  const progress = words.progress
    .replace('{n}', String(page.position.n))
    .replace('{total}', String(page.position.total));
  const error = page.error ? words[page.error] : '';
  return layout(
    language,
    title,
    html`<h1>${title}</h1>
      ${intro ? html`<p class="intro">${intro}</p>` : ''}
      <form method="post" action="${page.formAction}" class="question">
        <input type="hidden" name="q" value="${question.id}" />
        <input type="hidden" name="lang" value="${language}" />
        ${page.responseToken ? html`<input type="hidden" name="r" value="${page.responseToken}" />` : ''}
        <p class="progress">${progress}</p>
        <fieldset>
          <legend id="question-text">
            ${pick(question.text, language, definition.defaultLanguage)}
          </legend>
          ${hint ? html`<p class="hint">${hint}</p>` : ''}
          ${error ? html`<p class="error" role="alert">${error}</p>` : ''} ${answerInput(page)}
        </fieldset>
        ${question.required ? '' : html`<button type="submit" name="skip" value="1" class="skip" formnovalidate>${words.skip}</button>`}
      </form>`,
  );
}

export function renderThankYou(definition: SurveyDefinition, language: string): string {
  const title = pick(definition.title, language, definition.defaultLanguage);
  return layout(
    language,
    title,
    html`<h1>${wordsFor(language).thanks}</h1>
      <p class="thanks">${pick(definition.thankYou, language, definition.defaultLanguage)}</p>`,
  );
}

export function renderMessage(language: string, kind: 'closed' | 'notFound'): string {
  const words = wordsFor(language);
  return layout(language, words[kind], html`<p class="message">${words[kind]}</p>`);
}

export const STYLESHEET = `*{box-sizing:border-box}
body{margin:0;font:17px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#f4f5f7}
.survey{max-width:40rem;margin:0 auto;padding:1.25rem 1rem 3rem}
h1{font-size:1.35rem;margin:.5rem 0 1rem}
fieldset{border:0;margin:0;padding:0}
legend{font-size:1.15rem;font-weight:600;margin-bottom:.75rem;padding:0}
.question{background:#fff;border-radius:12px;padding:1.25rem;box-shadow:0 1px 3px rgba(0,0,0,.08)}
.progress,.hint{color:#5b6470;font-size:.9rem;margin:0 0 .5rem}
.error{color:#a4161a;font-weight:600}
.scale{display:flex;flex-wrap:wrap;gap:.4rem}
.score{flex:1 0 2.6rem;min-height:2.9rem;border:1px solid #c5cbd3;border-radius:8px;background:#fff;font-size:1.05rem;cursor:pointer}
.score.wide{flex:1 0 6rem}
.score:hover,.score:focus-visible,.score.chosen{background:#1f5fbf;color:#fff;border-color:#1f5fbf}
.scale-labels{display:flex;justify-content:space-between;color:#5b6470;font-size:.85rem;margin-top:.35rem}
.choices{display:grid;gap:.5rem;margin-bottom:1rem}
.choice{display:flex;gap:.6rem;align-items:center;padding:.6rem .75rem;border:1px solid #c5cbd3;border-radius:8px;background:#fff}
textarea{width:100%;font:inherit;padding:.6rem;border:1px solid #c5cbd3;border-radius:8px;margin-bottom:1rem}
.next{min-height:2.9rem;padding:0 1.5rem;border:0;border-radius:8px;background:#1f5fbf;color:#fff;font-size:1rem;cursor:pointer}
.skip{margin-top:1rem;background:none;border:0;color:#1f5fbf;text-decoration:underline;font-size:.95rem;cursor:pointer}
.thanks,.message{background:#fff;border-radius:12px;padding:1.25rem}
@media (max-width:30rem){.scale-11 .score{flex-basis:2.4rem}}
`;
