import vader from 'vader-sentiment';

/**
 * Word lists that turn tagged tokens into the phrases people would name a theme by. They are small
 * on purpose: each entry fixes a case the tagger gets right but that reads badly as a theme.
 */

/** Nouns too general to be a theme on their own ("took days", "a lot", "the thing"). */
export const GENERIC_NOUNS = new Set([
  'thing',
  'things',
  'lot',
  'way',
  'bit',
  'day',
  'week',
  'month',
  'year',
  'hour',
  'minute',
  'second',
  'time',
  'today',
  'tomorrow',
  'yesterday',
  'people',
  'guy',
  'someone',
  'something',
  'anything',
  'everything',
  'nothing',
  'stuff',
  'kind',
  'sort',
  'part',
  'fact',
  'reason',
  'question',
  'experience',
  'company',
  'age',
  'star',
  'please',
  'thanks',
  'thank',
  'hi',
  'hello',
  'ok',
  'okay',
  'etc',
  'issue',
  'end',
  'rest',
  'word',
  'matter',
  'side',
  'place',
  'point',
  'number',
  'idea',
  'job',
  'case',
  'morning',
  'evening',
  'night',
  'weekend',
  ...'monday tuesday wednesday thursday friday saturday sunday'.split(' '),
  ...'january february march april may june july august september october november december'.split(
    ' ',
  ),
  'christmas',
]);

/** Adjectives that place rather than describe ("new dashboard", "other option"). */
const GENERIC_ADJECTIVES = new Set([
  'new',
  'old',
  'other',
  'same',
  'whole',
  'last',
  'next',
  'first',
  'second',
  'many',
  'much',
  'several',
  'few',
  'more',
  'most',
  'own',
  'entire',
  'main',
  'current',
  'recent',
  'real',
  'actual',
  'previous',
  'different',
  'certain',
  'various',
  'total',
  'little',
  'big',
  'huge',
  'extra',
  'single',
  'additional',
]);

/** Words written several ways that mean the same thing. */
export const CANONICAL_WORDS: Record<string, string> = {
  'e-mail': 'email',
  'log-in': 'login',
  'sign-in': 'signin',
  'sign-up': 'signup',
  'check-out': 'checkout',
  'add-on': 'addon',
  'wi-fi': 'wifi',
  problem: 'issue',
  trouble: 'issue',
  datum: 'data',
  colour: 'color',
  cancelation: 'cancellation',
};

/**
 * Verbs that name an issue, with the noun for it: "deliveries were delayed" gives "delivery delay",
 * "I was charged twice" gives "charge". Only verbs whose noun is a common theme word are listed,
 * so a sentence's action does not turn into a phrase that reads oddly ("order arrive").
 */
export const ISSUE_VERBS: Record<string, string> = {
  delay: 'delay',
  charge: 'charge',
  overcharge: 'overcharge',
  refund: 'refund',
  reset: 'reset',
  crash: 'crash',
  freeze: 'freeze',
  cancel: 'cancellation',
  damage: 'damage',
  lose: 'loss',
  lock: 'lockout',
  block: 'block',
  fail: 'failure',
  decline: 'decline',
  bill: 'billing',
  ship: 'shipping',
  deliver: 'delivery',
  upgrade: 'upgrade',
  update: 'update',
  lag: 'slowness',
  hang: 'slowness',
  crawl: 'slowness',
  load: 'loading',
  sync: 'sync',
  synchronise: 'sync',
  synchronize: 'sync',
  leak: 'leak',
  pay: 'payment',
  return: 'return',
  export: 'export',
  download: 'download',
  upload: 'upload',
  notify: 'notification',
  spam: 'spam',
  respond: 'response',
  reply: 'reply',
  connect: 'connection',
  disconnect: 'disconnection',
  subscribe: 'subscription',
  unsubscribe: 'unsubscribe',
  buffer: 'buffering',
  invoice: 'invoice',
  wait: 'wait',
  hold: 'hold',
  break: 'breakage',
  smash: 'breakage',
  crack: 'breakage',
  dent: 'dent',
  overprice: 'price',
  price: 'price',
  cost: 'cost',
};

/**
 * Adjectives that name the aspect they judge ("rude", "overpriced"): the topic is implicit, so
 * the phrase is the aspect. Kept to aspects where the word leaves no doubt.
 */
export const IMPLICIT_ASPECTS: Record<string, string> = Object.fromEntries(
  Object.entries({
    price: 'expensive pricey overpriced cheap affordable costly inexpensive',
    slowness: 'slow sluggish laggy unresponsive',
    'staff attitude':
      'rude polite friendly unfriendly courteous helpful unhelpful welcoming dismissive grumpy cheerful attentive chatty condescending arrogant respectful impolite',
    damage: 'broken cracked damaged dented smashed shattered scratched torn crushed squashed',
    delay: 'late overdue delayed',
    confusion: 'confusing unclear unintuitive complicated overwhelming',
  }).flatMap(([aspect, words]) => words.split(' ').map((word) => [word, aspect])),
);

/** Verbs with a particle that name one thing: "sign in" is a login, "log out" a logout. */
export const PARTICLE_VERBS: Record<string, string> = {
  'sign in': 'login',
  'sign on': 'login',
  'log in': 'login',
  'log on': 'login',
  'log into': 'login',
  'sign into': 'login',
  'log out': 'logout',
  'sign out': 'logout',
  'sign up': 'signup',
  'set up': 'setup',
  'time out': 'timeout',
  'check out': 'checkout',
};

const opinionCache = new Map<string, boolean>();
const OPINION_CACHE_LIMIT = 50_000;

/**
 * Opinion words ("great", "terrible") describe how someone feels, not what about, so they are
 * not part of a theme's phrase: "terrible customer support" is about "customer support". VADER's
 * lexicon decides what is an opinion; results are cached because the vocabulary is small.
 */
export function isOpinionWord(word: string): boolean {
  let opinion = opinionCache.get(word);
  if (opinion === undefined) {
    opinion = vader.SentimentIntensityAnalyzer.polarity_scores(word).compound !== 0;
    if (opinionCache.size >= OPINION_CACHE_LIMIT) opinionCache.clear();
    opinionCache.set(word, opinion);
  }
  return opinion;
}

/** A modifier that carries no topic: an opinion or a generic adjective. */
export function isEmptyModifier(word: string): boolean {
  return GENERIC_ADJECTIVES.has(word) || isOpinionWord(word);
}

const NOT_PLURAL = /(ss|us|is|ics|ness|news|ous)$/;

/**
 * The base form of a noun. wink-nlp's lemmatiser misses some plurals ("apps", "e-mails") and
 * expands some abbreviations ("app" to "application"); both would split a theme in two.
 */
export function nounBase(word: string, lemma: string): string {
  let base = lemma;
  if (lemma.length > word.length && lemma.startsWith(word)) base = word;
  else if (lemma === word && word.length > 3 && word.endsWith('s') && !NOT_PLURAL.test(word)) {
    base = word.endsWith('ies') ? `${word.slice(0, -3)}y` : word.slice(0, -1);
  }
  return CANONICAL_WORDS[base] ?? base;
}
