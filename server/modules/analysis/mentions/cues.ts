import type { Token } from './tokens.ts';

/**
 * Words around a first name that say a person is meant: "thanks to Sam", "ask for Will",
 * "Sam at the front desk", "Priya in billing", "Grant helped me", "Sam was brilliant".
 * Data only; `personCue` reads them.
 */
const words = (list: string) => new Set(list.trim().split(/\s+/));

/** One word straight before the name: "thanks Sam", "agent Priya", "Mr Patel". */
export const BEFORE = words(`
  thanks thank thx ty cheers kudos props shoutout bravo hi hello hey dear agent rep representative
  advisor adviser assistant colleague technician engineer driver courier manager receptionist
  waiter waitress nurse doctor named called mr mrs ms miss mx dr ask asked tell told emailed
  messaged phoned rang thanked praise commend recommend`);

/** Two words straight before the name: "thank you Sam", "spoke to Will", "a call from Sam". */
export const BEFORE_TWO = new Set(
  `thank you|thanks to|ask for|asked for|asking for|spoke to|spoke with|speak to|speak with|
  talked to|talked with|talk to|talk with|chatted with|chatted to|chat with|dealt with|helped by|
  served by|assisted by|supported by|looked after by|shout out|credit to|kudos to|props to|
  shoutout to|off to|grateful to|thankful to|email from|call from|message from|reply from|
  response from|help from|note from|visit from|lady named|guy named|man named|woman named|
  gentleman named|person named|lady called|guy called|man called|woman called|gentleman called`
    .split('|')
    .map((pair) => pair.trim()),
);

/** Honorifics before a surname alone: "Mrs Patel was lovely". */
export const HONORIFICS = words('mr mrs ms miss mx dr sir madam');

/** Verbs of service straight after the name: "Sam helped", "Grant sorted it". */
export const SERVICE_VERBS = words(`
  helped helps help assisted assists sorted sorts fixed fixes resolved resolves answered answers
  explained explains handled handles served serves greeted greets processed refunded arranged
  booked rang called calls emailed messaged replied replies responded responds listened listens
  understood went took made gave offered apologised apologized promised walked guided showed
  saved solved dealt checked managed deserves deserve rocks rocked escalated followed organised
  organized delivered installed repaired advised recommended reassured welcomed treated`);

/** Adverbs that may stand between the name and its verb: "Sam really helped". */
export const ADVERBS = words(`
  really truly definitely always personally kindly quickly patiently immediately also actually
  then just finally eventually promptly genuinely honestly very so`);

/** "Sam was brilliant", "Priya is a star": a verb of being, then praise or blame of a person. */
export const BEING = words('was is were has had been');
export const PERSON_QUALITIES = words(`
  brilliant great amazing awesome helpful fantastic excellent lovely kind friendly patient polite
  rude unhelpful wonderful superb outstanding professional knowledgeable courteous attentive
  dismissive condescending arrogant nice sweet charming caring thorough efficient incredible
  fabulous marvellous marvelous super so really very extremely incredibly absolutely always
  beyond exceptional amazingly`);
/** "Priya is a star": a noun of praise or blame after an article. */
export const ARTICLES = words('a an the such');
export const PERSON_NOUNS = words(`
  star legend hero gem credit lifesaver asset angel superstar rockstar diamond pleasure delight
  joy pro professional sweetheart champion genius nightmare disgrace`);

/** "Sam at the front desk", "Will on reception", "Priya in billing", "Sam from support". */
export const PLACE_AFTER_ON = words(
  'the reception chat phone desk shift till counter duty call line',
);
export const DEPARTMENTS = words(`
  support billing sales accounts accounting reception returns service customer tech technical it
  hr finance delivery shipping dispatch operations onboarding success marketing admin security
  maintenance housekeeping kitchen pharmacy store shop branch office help helpdesk complaints
  claims collections care team department front`);

/** Words after which "from" or "in" names a team or place: "Sam from the billing team". */
const FROM_FOLLOWERS = words('the your our customer');

/** Weak cues make a person only of names that are not also ordinary words ("from May" is a date). */
export type Cue = 'strong' | 'weak' | null;

const sameSentence = (tokens: readonly Token[], index: number, sentence: number) =>
  index >= 0 && index < tokens.length && tokens[index]!.sentence === sentence;

/**
 * Whether the words around tokens[first..last] say a person is meant. `isTeamAt(index)` tells
 * whether a team from the directory is named at that token.
 */
export function personCue(
  tokens: readonly Token[],
  first: number,
  last: number,
  isTeamAt: (index: number) => boolean,
): Cue {
  const sentence = tokens[first]!.sentence;
  const at = (index: number) => (sameSentence(tokens, index, sentence) ? tokens[index]!.key : '');
  const before1 = at(first - 1);
  const before2 = at(first - 2);
  if (BEFORE.has(before1) || BEFORE_TWO.has(`${before2} ${before1}`)) return 'strong';
  let next = last + 1;
  while (ADVERBS.has(at(next)) && next < last + 3) next += 1;
  const after1 = at(next);
  const after2 = at(next + 1);
  if (SERVICE_VERBS.has(after1)) return 'strong';
  if (BEING.has(after1) && (PERSON_QUALITIES.has(after2) || SERVICE_VERBS.has(after2)))
    return 'strong';
  if (BEING.has(after1) && ARTICLES.has(after2) && PERSON_NOUNS.has(at(next + 2))) return 'strong';
  if (after1 === 'at' && after2 === 'the') return 'strong';
  if (after1 === 'on' && PLACE_AFTER_ON.has(after2)) return 'strong';
  if ((after1 === 'from' || after1 === 'in') && (isTeamAt(next + 1) || DEPARTMENTS.has(after2)))
    return 'strong';
  if (after1 === 'from' && FROM_FOLLOWERS.has(after2)) return 'strong';
  if (after1 === 'who' || before1 === 'from' || before1 === 'with' || before1 === 'by')
    return 'weak';
  return null;
}
