import { existsSync, readFileSync } from 'node:fs';
import { seededRandom } from './cluster-metrics.ts';

/** One labelled feedback item of the theme set (bench/themes/feedback-themes.jsonl). */
export interface LabelledItem {
  id: string;
  text: string;
  theme: string;
}

export function readLabelled(path: string): LabelledItem[] | undefined {
  if (!existsSync(path)) return undefined;
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LabelledItem);
}

/** Used when the labelled set is absent: a few themes written as templates. */
const FALLBACK: LabelledItem[] = [
  ['delivery-delay', 'My parcel is a week late and the tracking has not moved since Monday.'],
  ['delivery-delay', 'The courier missed the delivery slot again, so the order is still not here.'],
  ['billing-double-charge', 'I was charged twice for the same subscription this month.'],
  ['billing-double-charge', 'There is a double charge on my card for one order.'],
  ['login-problems', 'I cannot sign in to my account, the login page just reloads.'],
  ['login-problems', 'Two-factor codes never arrive so I am locked out of the app.'],
  ['app-crashes', 'The app crashes every time I open the camera screen.'],
  ['app-crashes', 'Since the update the app freezes and closes on launch.'],
  ['support-wait-time', 'I waited on hold for an hour before customer support answered.'],
  ['support-wait-time', 'My support ticket has had no reply for ten days.'],
  ['pricing-value', 'The new price is far too expensive for what you get.'],
  ['pricing-value', 'Great value for money compared with the competitors.'],
].map(([theme, text], index) => ({ id: `f${index}`, theme: theme!, text: text! }));

const OPENERS = ['', '', '', 'Honestly, ', 'Hi team, ', 'Again: ', 'FYI ', 'Third time writing. '];
const CLOSERS = ['', '', '', ' Please fix this.', ' Thanks.', ' Not impressed.', ' 😡', ' 👍'];

/**
 * `count` realistic items made by recombining the labelled set: a base item, sometimes a sentence
 * from another item of the same theme, an opener and a closer. Deterministic for a seed.
 */
export function synthesise(base: LabelledItem[] | undefined, count: number, seed = 42) {
  const source = base && base.length > 0 ? base : FALLBACK;
  const random = seededRandom(seed);
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
  const byTheme = new Map<string, LabelledItem[]>();
  for (const item of source) byTheme.set(item.theme, [...(byTheme.get(item.theme) ?? []), item]);
  const items: LabelledItem[] = [];
  for (let index = 0; index < count; index += 1) {
    const first = pick(source);
    let text = first.text;
    if (random() < 0.4) {
      const other = pick(byTheme.get(first.theme)!).text;
      const sentence = other.split(/(?<=[.!?])\s+/u)[0] ?? other;
      text = `${text} ${sentence}`;
    }
    items.push({
      id: `s${index}`,
      theme: first.theme,
      text: `${pick(OPENERS)}${text}${pick(CLOSERS)}`,
    });
  }
  return { items, fromLabelled: source !== FALLBACK };
}
