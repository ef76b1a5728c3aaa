/**
 * Hearken's customer-service vocabulary: single words. Valences use VADER's scale (-4..4) so they
 * sit beside its lexicon; a value here replaces VADER's. Written for feedback about products and
 * service, not tuned to any published rated set.
 */

/** Words VADER lacks or reads wrongly in customer feedback. */
// prettier-ignore
export const DOMAIN_WORDS: Readonly<Record<string, number>> = {
  // Words that name things or politeness in service text, not feelings.
  support: 0, care: 0, help: 0.3, please: 0, dear: 0, kind: 0, like: 0, credit: 0.3, free: 1,
  hand: 0, true: 0, share: 0, party: 0, interest: 0, interested: 0.3, joke: -1, sure: 0.3, yes: 0.5,
  ok: 0.6, okay: 0.5, fine: 0.9, well: 0.5, save: 0.8, hope: 0.3, hopefully: 0.2, want: 0,
  matter: 0, important: 0, urgent: -1.2, urgently: -1.2, ready: 0.3, chance: 0, promised: -0.3,
  apology: 0.3, apologies: 0.2, sorry: -0.2, determined: 0, lol: 1, cheers: 1.5, pretty: 0.8,
  super: 1.5, top: 0.5, straight: 0, clear: 0.8, safe: 1, secure: 0.8, protect: 0.8, yeah: 0,
  agree: 0.8, reach: 0, stop: -0.6, warm: 0.5, no: 0, lack: -1.2, lacks: -1.2, lacking: -1.4,
  unable: -1.2,
  // Speed and effort.
  fast: 1.5, faster: 1.2, quick: 1.5, quicker: 1.2, quickly: 1.5, speedy: 1.8, swift: 1.6,
  swiftly: 1.6, prompt: 1.5, promptly: 1.6, instant: 1.3, instantly: 1.3, immediately: 0.8,
  effortless: 2.2, simple: 1, seamless: 2.2, seamlessly: 2.2, smooth: 1.8, smoothly: 1.8,
  intuitive: 2, painless: 2, slow: -1.5, slower: -1.3, slowest: -2, sluggish: -1.6, late: -1.4,
  later: 0, delays: -1.4, delayed: -1.5, overdue: -1.6, clunky: -1.8, cumbersome: -1.7,
  tedious: -1.7, convoluted: -1.8, confusing: -1.6, complicated: -1.2, laborious: -1.5,
  // Things not working.
  bug: -1.5, bugs: -1.5, buggy: -2, glitch: -1.5, glitches: -1.5, glitchy: -1.8, laggy: -1.7,
  lags: -1.3, crash: -2, crashes: -2, crashed: -2, crashing: -2, freezes: -1.7, freezing: -1.2,
  frozen: -1.3, unusable: -2.8, unreliable: -2, unresponsive: -2, flaky: -1.8, outage: -2,
  outages: -2, down: -0.5, downtime: -1.8, faulty: -2, defective: -2.2, malfunction: -2,
  malfunctioning: -2, cracked: -1.6, torn: -1.5, dented: -1.5, scratched: -1.3, leaking: -1.6,
  leaks: -1.5, leaked: -1.5, missing: -1.5, wrong: -1.8, incorrect: -1.6, error: -1.5, errors: -1.5,
  fails: -2, failing: -2, dead: -2, flimsy: -1.7, pilled: -1.4, shrank: -1.5, stained: -1.3,
  mouldy: -2, moldy: -2, dirty: -1.7, filthy: -2.5, smelly: -1.7, noisy: -1.3, lukewarm: -1,
  stale: -1.5, cold: -0.5, soggy: -1.5, greasy: -1.2, cramped: -1.3,
  // Money.
  overcharged: -2.3, overpriced: -2, expensive: -1.2, pricey: -1, extortionate: -2.5, ripoff: -2.8,
  scam: -2.8, paywall: -1.4, upsell: -1.2, upselling: -1.3, charged: -0.8, affordable: 1.6,
  cheaper: 1, bargain: 1.8, refund: 0, refunded: 0.8, compensation: 0,
  // Service and people.
  unhelpful: -2.2, dismissive: -2, condescending: -2, patronising: -2, patronizing: -2,
  clueless: -2, incompetent: -2.3, unprofessional: -2.3, ignored: -1.8, unanswered: -1.8,
  hassle: -1.6, fuss: -1, nightmare: -2.5, shambles: -2.5, farce: -2.2, mess: -1.8, maze: -1.2,
  runaround: -2, chasing: -1.3, chased: -1.2, escalate: -1, escalated: -0.8, complaint: -1.2,
  complain: -1.4, gutted: -2, letdown: -2, underwhelming: -1.6, underwhelmed: -1.6, patient: 1.5,
  polite: 1.5, courteous: 1.7, professional: 1.5, knowledgeable: 1.8, attentive: 1.8, thorough: 1.5,
  reassuring: 1.8, responsive: 1.8, sorted: 1.5, resolved: 1.4, solved: 1.4, fixed: 1.2,
  spotless: 2, comfy: 1.8, cosy: 1.6, cozy: 1.6, sturdy: 1.5, reliable: 1.8, reliably: 1.5,
  flawless: 2.8, flawlessly: 2.6, superb: 3, stellar: 2.8, legend: 2.5, gem: 2.2, lifesaver: 2.8,
  kudos: 2.5, thrilled: 3, delighted: 3, impeccable: 3, exceptional: 2.8, accommodating: 1.8,
  informative: 1.4, recommended: 1.3, worthwhile: 1.8, resolution: 0.5, upgrade: 0.5,
  improvement: 1.8, helpful: 2,
  // Nouns and discourse words VADER rates but that name things in service text.
  honestly: 0, energy: 0, number: 0, pay: 0, security: 0.3, original: 0, lower: 0, offline: 0,
  fit: 0.5, gift: 0.5, charity: 0, champions: 0, parties: 0, holiday: 0, holidays: 0, relaxation: 0,
  playing: 0, legal: 0, invite: 0, created: 0, consent: 0, attachment: 0, active: 0, allow: 0,
  accepted: 0.5, agreement: 0, commitment: 0.3, courtesy: 0.5, complimentary: 0.5, grey: 0,
  clearly: 0, definitely: 0.3, fan: 0, luck: 0.5, wish: 0, wishes: 0, supports: 0, wow: 1,
  increase: -0.6, drop: -0.6, cut: -0.6, smart: 0.8, pro: 0, plus: 0, premium: 0.3, united: 0,
  spirit: 0, virgin: 0, delta: 0, frontier: 0, god: 0,
  // Product faults and service gaps VADER does not know.
  dated: -1.2, outdated: -1.4, rushed: -1.3, tinny: -1.3, noise: -0.8, heavier: -0.6, chipped: -1.5,
  frayed: -1.5, fraying: -1.5, harder: -0.8, uncomfy: -1.6, uncomfortable: -1.8, inedible: -2.5,
  headache: -1.8, fiddly: -1.2, shrunk: -1.3, average: -0.4, mediocre: -1.6, meh: -1.2, bland: -1.3,
  tasteless: -1.5, overcooked: -1.4, undercooked: -1.6, cloudy: -0.8, grinding: -1.3, rattles: -1.3,
  rattling: -1.3, squeaky: -1.2, squeaks: -1.2, wobbly: -1.3, peeling: -1.4, faded: -1.3,
  fading: -1.3, jammed: -1.5, jams: -1.5, blurry: -1.3, grainy: -1, dies: -1.5, died: -2,
  overheats: -1.8, overheating: -1.8, thin: -0.5, washed: 0, pending: -0.6, backorder: -1.2,
  estimated: -0.5, voicemail: -0.5, queue: -0.8, queued: -0.8, queueing: -0.9, eventually: -0.5,
  louder: -0.8, removed: -1, dropped: -1, higher: -0.4, cockroach: -2.5, cockroaches: -2.5,
  mould: -2, mold: -2, rats: -2, mice: -1.8, stains: -1.2, shut: -0.6, again: -0.3, willing: 0.5,
  doubles: -0.8, doubled: -0.8, issue: -0.5, issues: -0.8, hiccup: -0.8, hiccups: -0.8,
  teething: -0.5, hitch: -0.8,
  // Praise VADER does not know.
  handy: 1.6, smoothest: 2.4, unreal: 2, cracking: 2, rocks: 1.5, sweethearts: 2.5, hoovered: 0.5,
  punctual: 1.6, gorgeous: 3, superfast: 2, lightning: 1, nobody: -1.2, noone: -1.2, nothing: -0.5,
  drama: -1.2, listened: 0.8, sharp: 1.2,
  // Feedback in English often carries a word of another language, and typos.
  bien: 1.5, wunderbar: 2.5, gracias: 1.5, merci: 1.5, danke: 1.5, genial: 2, magnifique: 2.5,
  bravo: 2.5, fantastico: 2.5, perfecto: 2.5, excelente: 2.5, nul: -2, 'déception': -2.5,
  decepcion: -2.5, schlecht: -2, hapy: 2.5, happpy: 2.5, dissapointed: -2.1, disapointed: -2.1,
  dissappointed: -2.1, terible: -2.1, horible: -2.5, awsome: 3, amazin: 2.8, recomend: 1.5,
  usless: -1.8, rubish: -2, unaceptable: -2.5, unacceptible: -2.5,
  // General complaint vocabulary of service and retail (not drawn from any rated set).
  constantly: -0.8, constant: -0.6, repeatedly: -0.8, endless: -1.2, endlessly: -1.2, excuse: -1.4,
  excuses: -1.5, blamed: -1.5, blaming: -1.5, canceled: -1, cancellation: -0.8, postponed: -1,
  rescheduled: -0.8, stranded: -2.2, overbooked: -2, bumped: -1, diverted: -0.8, misplaced: -1.5,
  mislabelled: -1.4, mislabeled: -1.4, missold: -2.2, inaccurate: -1.5, discrepancy: -1,
  overdrawn: -1.3, declined: -1.2, denied: -1.5, penalty: -1.4, fee: -0.4, fees: -0.5,
  surcharge: -1.2, overcharge: -2.2, overcharging: -2.3, unauthorised: -2, unauthorized: -2,
  hacked: -2, spammed: -1.6, intrusive: -1.5, pushy: -1.8, impatient: -1.5, shouted: -2, yelled: -2,
  sloppy: -1.8, shoddy: -2.2, botched: -2.2, bodged: -2, cowboys: -1.5, leaky: -1.5, soaked: -1.2,
  expired: -1.2, rotten: -2.5, rancid: -2.5, spoiled: -2, spoilt: -2, burnt: -1.5, melted: -1.2,
  squashed: -1.5, crushed: -1.6, smashed: -2, shattered: -2, bent: -1.2, snapped: -1.5, loose: -0.8,
  sticky: -0.8, froze: -1.5, drains: -1.2, overheat: -1.8, disconnects: -1.5, disconnected: -1.2,
  disconnecting: -1.5, buffering: -1.5, pixelated: -1.3, unplayable: -2.5, unreadable: -2,
  illegible: -1.5, inaudible: -1.5, crackling: -1.2, patchy: -1.4, spotty: -1.4, intermittent: -1.3,
  unstable: -1.6, nonexistent: -2, unreachable: -1.8, uncontactable: -2, unavailable: -1.2,
  bricked: -2.5, dud: -2, understaffed: -1.8, disorganised: -2, disorganized: -2, shambolic: -2.5,
  inconsistent: -1.3, unclear: -1.2, vague: -1, generic: -0.8, scripted: -1.2, robotic: -1,
  canned: -1, complained: -1.4, ombudsman: -1.5, chargeback: -1.5, subpar: -1.8, downhill: -1.8,
  hoops: -1, bureaucratic: -1.5, jobsworth: -1.8,
  // General praise vocabulary.
  superstar: 2.5, hero: 2.2, angel: 2, angels: 2, brilliantly: 2.6, excellently: 2.5,
  perfection: 2.8, immaculate: 2.5, pristine: 2, tidy: 1, crisp: 1, snappy: 1.5, dependable: 1.8,
  trustworthy: 2, transparent: 1.5, goodwill: 1.2, compensated: 1, upgraded: 1.2, freebie: 1.5,
  welcoming: 2, helpfull: 1.8, knowledgable: 1.8, chuffed: 2.5, stoked: 2.5, ace: 2,
  // Frustration words customers write.
  unacceptable: -2.5, ridiculous: -2, pathetic: -2.5, appalling: -2.8, shocking: -2.2,
  disgraceful: -2.8, atrocious: -3, abysmal: -3, dreadful: -2.5, woeful: -2.5, sucks: -2,
  annoyingly: -1.6, frustrating: -2.2, infuriating: -2.8, exhausting: -1.8, stressful: -2,
  disappointing: -2.2, sadly: -1, unfortunately: -1, shame: -1.6, pity: -1.2,
};

/**
 * Things a customer expects: neutral when present, negative when denied ("never arrived", "no
 * reply", "nobody called", "doesn't work", "without warning"). Value: the valence when negated.
 */
// prettier-ignore
export const EXPECTED: Readonly<Record<string, number>> = {
  arrive: -1.8, arrived: -1.8, arrives: -1.6, arriving: -1.4, came: -1.4, come: -1.2, turned: -1.2,
  showed: -1.2, delivered: -1.8, deliver: -1.6, shipped: -1.5, sent: -1.3, work: -2, works: -2,
  worked: -1.8, working: -2, function: -1.6, functions: -1.6, load: -1.6, loads: -1.6, open: -1.2,
  opens: -1.4, start: -1.2, starts: -1.4, connect: -1.6, connects: -1.6, sync: -1.5, syncs: -1.5,
  print: -1.2, charge: -1, turn: -0.8, log: -1, login: -1.2, reply: -1.8, replied: -1.8,
  replies: -1.6, response: -1.8, respond: -1.8, responded: -1.8, answer: -1.6, answered: -1.8,
  answers: -1.4, call: -1.5, called: -1.8, calls: -1.4, callback: -1.8, email: -1, emailed: -1.4,
  update: -1.5, updates: -1.5, updated: -1.2, contact: -1.2, contacted: -1.5, heard: -1.4,
  hear: -1.2, listen: -1.6, listened: -1.6, help: -1.6, helped: -1.6, fix: -1.6, fixed: -1.8,
  resolve: -1.6, resolved: -1.8, solved: -1.6, sorted: -1.6, receive: -1.6, received: -1.6, got: -1,
  get: -0.8, seen: -0.8, refund: -2, refunded: -1.8, apology: -1.8, apologise: -1.5,
  apologised: -1.6, apologize: -1.5, apologized: -1.6, explanation: -1.5, information: -1.3,
  info: -1.3, compensation: -1.6, acknowledgement: -1.4, acknowledged: -1.4, confirmation: -1.3,
  confirmed: -1.2, notice: -1.2, warning: -1.4, notification: -1.2, record: -1.2, trace: -1.4,
  sign: -1, internet: -1.6, wifi: -1.6, signal: -1.4, power: -1.4, water: -1.2, heating: -1.5,
  service: -1.3, access: -1.5, way: -1, option: -0.8, button: -1, idea: -1, clue: -1.2, buy: -1.8,
  able: -1.5, recommend: -2.3, worth: -1.8, care: -1.6, cared: -1.6, bother: -1.2, bothered: -1.4,
  follow: -1, honoured: -1.6, honored: -1.6, matches: -1.2, match: -1.2, fit: -1.3, fits: -1.3,
  last: -1.2, lasted: -1.3, included: -1, include: -1, useful: -1.8, happy: -2.2,
  communication: -1.6, communicated: -1.4, find: -1.2, finds: -1.5, authorise: -2, authorised: -2,
  authorize: -2, authorized: -2, checks: -1, use: -1.2, impressed: -1.8, resolution: -1.8,
};

/** Words that deny what follows within the clause; words ending in "n't" count as well. */
// prettier-ignore
export const NEGATORS: readonly string[] = [
  'not', 'no', 'never', 'none', 'nobody', 'nothing', 'nowhere', 'neither', 'nor', 'without',
  'cannot', 'cant', 'dont', 'doesnt', 'didnt', 'isnt', 'wasnt', 'werent', 'arent', 'wont',
  'wouldnt', 'couldnt', 'shouldnt', 'havent', 'hasnt', 'hadnt', 'aint', 'nope', 'noone', 'rarely',
  'seldom', 'hardly', 'barely', 'lack', 'lacks', 'lacking', 'unable', 'zero', '0',
];

/**
 * Degree words. Positive: added to the word's magnitude (VADER's 0.293 step). Negative: the
 * magnitude is multiplied by (1 + value), so a dampener never flips the sign.
 */
// prettier-ignore
export const DEGREE: Readonly<Record<string, number>> = {
  absolutely: 0.4, amazingly: 0.3, awfully: 0.3, completely: 0.35, considerably: 0.3,
  decidedly: 0.3, deeply: 0.3, enormously: 0.35, entirely: 0.3, especially: 0.3, exceptionally: 0.4,
  extremely: 0.4, fully: 0.25, greatly: 0.3, highly: 0.3, hugely: 0.35, incredibly: 0.4,
  insanely: 0.4, intensely: 0.3, majorly: 0.3, massively: 0.35, most: 0.3, particularly: 0.3,
  properly: 0.2, purely: 0.2, quite: 0.2, really: 0.3, remarkably: 0.3, ridiculously: 0.35,
  seriously: 0.3, so: 0.3, soo: 0.35, sooo: 0.4, soooo: 0.4, such: 0.25, substantially: 0.3,
  super: 0.35, terribly: 0.35, thoroughly: 0.3, too: 0.25, totally: 0.35, tremendously: 0.35,
  truly: 0.3, unbelievably: 0.4, unusually: 0.25, utterly: 0.4, very: 0.3, veryy: 0.35, wildly: 0.3,
  more: 0.15, even: 0.15, beyond: 0.25, pretty: 0.15, real: 0.2, almost: -0.4, slightly: -0.5,
  somewhat: -0.4, fairly: -0.3, rather: -0.25, mostly: -0.3, kinda: -0.4, sorta: -0.4, partly: -0.4,
  partially: -0.4, marginally: -0.5, mildly: -0.5, occasionally: -0.4, little: -0.4, bit: -0.4,
  less: -0.4, reasonably: -0.2, relatively: -0.3, nearly: -0.3, sometimes: -0.35,
};

/** Contrast that gives the last word to what follows ("great app but support was slow"). */
export const CONTRAST_NEXT: readonly string[] = ['but', 'however', 'yet', 'though', 'except'];
/** Contrast that concedes the clause it opens ("although the driver was friendly, ..."). */
export const CONCESSIVE: readonly string[] = ['although', 'despite', 'whereas'];

/** First words of greetings and sign-offs; a short sentence starting with one says nothing. */
// prettier-ignore
export const FORMULAS: readonly string[] = [
  'hi', 'hello', 'hey', 'dear', 'thanks', 'thank', 'regards', 'best', 'cheers', 'kind', 'many',
  'warm', 'warmest', 'yours', 'sincerely', 'greetings', 'morning', 'afternoon', 'ta',
];
