/**
 * Hearken's embeddable widget. A site adds
 *   <script src="https://hearken.example/widget.js" data-post="<postId>" async></script>
 * and the post's question appears on the page. Plain DOM, no framework, no cookies: everything
 * it shows is set as text (never parsed as HTML), inside a Shadow DOM of its own.
 */
import { pickLanguage, textIn, wordsFor, type Words } from './language.ts';
import { STYLES } from './styles.ts';

type QuestionType = 'nps' | 'csat' | 'ces' | 'text';
interface Config {
  question: { type: QuestionType; text: Record<string, string> };
  defaultLanguage: string;
  followUp: Record<string, string>;
  thankYou: Record<string, string>;
  colors: { accent: string; background: string; text: string };
  position: 'bottom-right' | 'bottom-left' | 'inline';
}
interface Identity {
  email?: string;
  userId?: string;
  name?: string;
}
interface Step {
  step: 'answer' | 'followup';
  score?: number;
  text?: string;
}

const SCALES = { nps: [0, 10], csat: [1, 5], ces: [1, 7] } as const;

/** An element with attributes and children; strings become text nodes, so markup in them stays text. */
function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

function button(label: string, attributes: Record<string, string>, onClick: () => void) {
  const element = h('button', { type: 'button', ...attributes }, label);
  element.addEventListener('click', onClick);
  return element;
}

function newResponseId(): string {
  // getRandomValues works on plain-http pages too, where crypto.randomUUID does not.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
}

function pick(source: Identity | undefined): Identity {
  const result: Identity = {};
  for (const key of ['email', 'userId', 'name'] as const) {
    const value = source?.[key];
    if (typeof value === 'string' && value.trim()) result[key] = value.trim();
  }
  return result;
}

/** Posts a step, retrying network failures and overload; an identity the server refuses is dropped rather than the answer. */
async function send(url: string, body: Record<string, unknown>): Promise<boolean> {
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        credentials: 'omit',
        keepalive: true,
      });
      if (response.ok) return true;
      if (response.status === 400 && body['identity']) {
        delete body['identity'];
        continue;
      }
      if (response.status < 500 && response.status !== 429) return false;
    } catch {
      // offline or blocked: try again below
    }
    await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt));
  }
  return false;
}

function memory(postId: string) {
  const key = `hearken-widget:${postId}`;
  return {
    done: () => {
      try {
        return localStorage.getItem(key) !== null;
      } catch {
        return false;
      }
    },
    remember: () => {
      try {
        localStorage.setItem(key, String(Date.now()));
      } catch {
        // storage blocked: the widget may simply ask again on the next visit
      }
    },
  };
}

function render(config: Config, script: HTMLScriptElement, api: string, identity: Identity) {
  const data = script.dataset;
  const language = pickLanguage(Object.keys(config.question.text), config.defaultLanguage, [
    data['lang'],
    ...(navigator.languages ?? [navigator.language]),
    document.documentElement.lang,
  ]);
  const words: Words = wordsFor(language);
  const text = (texts: Record<string, string>) => textIn(texts, language, config.defaultLanguage);
  const remembered = memory(data['post'] ?? '');
  const host = document.createElement('hearken-widget');
  const root = host.attachShadow({ mode: 'open' });
  const floating = config.position !== 'inline';
  const side = config.position === 'bottom-left' ? 'left' : 'right';
  const card = h('section', {
    class: floating ? `w f ${side}` : 'w',
    'aria-label': words.region,
    lang: language,
  });
  for (const [name, value] of [
    ['--a', config.colors.accent],
    ['--b', config.colors.background],
    ['--t', config.colors.text],
  ] as const)
    if (/^#[0-9a-f]{6}$/i.test(value)) card.style.setProperty(name, value);
  const content = h('div');
  const message = h('div', { class: 'm', role: 'alert' });
  const close = () => {
    host.remove();
    if (data['remember'] !== 'false') remembered.remember();
  };
  card.append(button('×', { class: 'x', 'aria-label': words.close }, close), content, message);
  card.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close();
  });
  root.append(h('style', {}, STYLES), card);
  if (floating || !script.parentNode || script.parentNode === document.head)
    document.body.append(host);
  else script.parentNode.insertBefore(host, script);

  const responseId = newResponseId();
  const pageUrl = /^https?:$/.test(location.protocol)
    ? location.origin + location.pathname
    : undefined;
  const post = (step: Step) => {
    const who = pick(identity);
    return send(`${api}/responses`, {
      responseId,
      ...step,
      language,
      ...(pageUrl ? { pageUrl } : {}),
      ...(who.email || who.userId ? { identity: who } : {}),
    });
  };
  const show = (...nodes: Node[]) => {
    content.replaceChildren(...nodes);
    message.textContent = '';
  };

  const thanks = () => {
    const note = h('p', { tabindex: '-1' }, text(config.thankYou));
    show(note);
    note.focus();
    if (data['remember'] !== 'false') remembered.remember();
  };

  /** A text box with Send (and Skip after a score); `submit` resolves false to keep the text for a retry. */
  const textStep = (
    label: string,
    submit: (text: string) => Promise<boolean>,
    skip?: () => void,
  ) => {
    const area = h('textarea', { id: 'hk-text', maxlength: '5000', rows: '3' });
    const sendButton = button(words.send, { class: 'p' }, async () => {
      const value = area.value.trim();
      if (!value) return skip ? skip() : area.focus();
      sendButton.disabled = true;
      if (await submit(value)) thanks();
      else {
        message.textContent = words.error;
        sendButton.disabled = false;
      }
    });
    const row = h('div', { class: 'r' });
    if (skip) row.append(button(words.skip, {}, skip));
    row.append(sendButton);
    show(h('label', { for: 'hk-text' }, label), area, row);
    return area;
  };

  const type = config.question.type;
  if (type === 'text') {
    textStep(text(config.question.text), (value) => post({ step: 'answer', text: value }));
    return;
  }
  const [min, max] = SCALES[type];
  const group = h('div', {
    class: 's',
    role: 'group',
    'aria-labelledby': 'hk-q',
    'aria-describedby': 'hk-e',
  });
  group.style.gridTemplateColumns = `repeat(${max - min + 1}, 1fr)`;
  const choose = (score: number, chosen: HTMLButtonElement) => {
    for (const other of Array.from(group.children)) {
      other.setAttribute('aria-pressed', String(other === chosen));
      (other as HTMLButtonElement).disabled = true;
    }
    // Sent at once, so a visitor who leaves now still counts; the follow-up repeats the score.
    const answered = post({ step: 'answer', score });
    const followUp = text(config.followUp);
    const finish = async () => {
      if (await answered) thanks();
      else message.textContent = words.error;
    };
    if (!followUp) return void finish();
    textStep(
      followUp,
      (value) => post({ step: 'followup', score, text: value }),
      () => void finish(),
    ).focus();
  };
  for (let score = min; score <= max; score++) {
    const choice: HTMLButtonElement = button(String(score), { 'aria-pressed': 'false' }, () =>
      choose(score, choice),
    );
    group.append(choice);
  }
  const [low, high] = words.ends[type];
  show(
    h('p', { id: 'hk-q' }, text(config.question.text)),
    group,
    h(
      'div',
      { class: 'e', id: 'hk-e' },
      h('span', {}, `${min}: ${low}`),
      h('span', {}, `${max}: ${high}`),
    ),
  );
}

function start() {
  const script = document.currentScript as HTMLScriptElement | null;
  const postId = script?.dataset['post'];
  if (!script || !postId) return;
  const data = script.dataset;
  const api = `${new URL(script.src).origin}/api/v1/widget/${encodeURIComponent(postId)}`;
  const global = window as unknown as { Hearken?: { identity?: Identity } };
  // Identity from the snippet, from a `window.Hearken = { identity }` set before loading, or later via identify().
  const identity: Identity = {
    ...pick({ email: data['email'], userId: data['userId'], name: data['name'] }),
    ...pick(global.Hearken?.identity),
  };
  global.Hearken = {
    identity,
    identify: (more: Identity) => Object.assign(identity, pick(more)),
  } as { identity: Identity };
  if (data['remember'] !== 'false' && memory(postId).done()) return;
  fetch(`${api}/config`, { credentials: 'omit' })
    .then((response) => (response.ok ? (response.json() as Promise<Config>) : null))
    .then((config) => {
      if (!config) return;
      const go = () => render(config, script, api, identity);
      if (document.body) go();
      else document.addEventListener('DOMContentLoaded', go);
    })
    .catch(() => undefined);
}

start();
