import { GENERAL_PHRASES } from './general-phrases.ts';

/**
 * Hearken's customer-service phrases. A phrase is read as one unit and overrides its words
 * ("on hold for an hour", "couldn't have asked for better"). Pattern syntax, expanded once at
 * load: `(a|b c)` alternatives, `[x]` optional, `#` a quantity (a number, "a", "an", "two",
 * "several"...), `*` any one word. Words with "n't" also match without the apostrophe.
 *
 * Entry fields: `v` valence (VADER's -4..4 scale); `exp` the valence when the phrase is denied
 * ("never called back"); `neg` the phrase denies what follows; `deg` a degree modifier (see
 * DEGREE); `contrast` a contrast marker.
 */
export interface PhraseSpec {
  v?: number;
  exp?: number;
  neg?: boolean;
  deg?: number;
  contrast?: 'next' | 'concessive';
}

const UNITS = '(minutes|mins|hours|hrs|hour|days|day|weeks|week|months|month|years)';
const LONG_UNITS = '(hours|hrs|hour|days|day|weeks|week|months|month)';

/** Complaints and the service a customer expects: waiting, chasing, money, things breaking. */
const SERVICE_PHRASES: ReadonlyArray<readonly [string, PhraseSpec]> = [
  // Waiting, chasing, repeating oneself.
  ['on hold', { v: -1.8 }],
  [`on hold for # ${UNITS}`, { v: -2.6 }],
  ['(kept|keep|keeps|put) (me|us) on hold', { v: -2.2 }],
  ['(still|been|keep|kept) waiting', { v: -2 }],
  [`waiting (for|on) [over] # ${UNITS}`, { v: -2.2 }],
  [`(waited|queued) [for] [over] # ${UNITS}`, { v: -2 }],
  ['(waited|waiting|wait|took|takes|taking) (forever|ages)', { v: -2.2 }],
  ['(took|takes|taking) (hours|days|weeks|months)', { v: -1.6 }],
  [`(took|takes|taking) [me|us] [over] # ${LONG_UNITS}`, { v: -1.6 }],
  [`# ${LONG_UNITS} later`, { v: -1.3 }],
  [`# ${LONG_UNITS} (without|with no)`, { v: -1.5, neg: true }],
  [`(for|over) # ${LONG_UNITS} now`, { v: -1.5 }],
  ['long (wait|waits|queue|queues|delay|delays|hold)', { v: -1.8 }],
  ['(too|so) long', { v: -1.6 }],
  ['(to|at) a crawl', { v: -1.8 }],
  ['still (not|no|never|nothing|nobody)', { v: -1.4, neg: true }],
  [
    "still (haven't|hasn't|hadn't|isn't|aren't|wasn't|doesn't|don't|didn't|can't|won't|cannot)",
    { v: -1.4, neg: true },
  ],
  [
    'still (broken|crashing|crashes|happening|happens|occurs|down|missing|charging|says)',
    { v: -1.6 },
  ],
  ['(issue|problem|fault|error|bug) (persists|remains|is still|still)', { v: -1.5 }],
  ['(yet|have yet|has yet) to', { v: -1, neg: true }],
  ['no longer', { v: -0.6, neg: true }],
  ['no (one|body)', { v: -1.2, neg: true }],
  ['(failed|fails|failing|refused|refuses|refusing) to', { v: -1.6, neg: true }],
  ['(second|third|fourth|fifth|sixth|nth|umpteenth) time', { v: -1.3 }],
  ['(# times|again and again|over and over|yet again|time after time)', { v: -1.2 }],
  ['(asked|told|called|chased|emailed|rang|phoned|contacted) (twice|# times)', { v: -1.6 }],
  ['same (issue|problem|fault|error|thing) again', { v: -1.5 }],
  [
    '(keeps|kept|keep) (happening|asking|sending|logging|kicking|disconnecting|dropping|crashing|freezing|restarting|failing|breaking)',
    { v: -1.8 },
  ],
  ['(in|into) a loop', { v: -1.8 }],
  ['(round|around) in circles', { v: -2 }],
  ['(passed|bounced|transferred|shunted) (around|between|from)', { v: -1.8 }],
  ['run (around|round)', { v: -1.8 }],
  [
    '(speak|talk) to (a|an) (human|person|real person|manager|supervisor|actual person)',
    { v: -1.4 },
  ],
  ['hung up', { v: -2 }],
  ['cut off', { v: -1.4 }],
  ['dropped (call|calls|connection|out)', { v: -1.8 }],
  ['(drops|dropping|keeps dropping) (out|connection|the connection|calls)', { v: -1.8 }],
  // Expected service, denied: neutral or good when present, bad when absent.
  ['(call|called|ring|rang|phone|phoned) (me|us) back', { v: 0.3, exp: -2.2 }],
  [
    '(call|called|calling|ring|rang|phone|phoned|get|got|getting|gotten|come|came) back to (me|us)',
    { v: 0.3, exp: -2.2 },
  ],
  ['(called|rang|phoned|heard|get|got|come|came|write|wrote) back', { v: 0.2, exp: -2 }],
  ['(turn|turned|turns|switch|switches|power|powers) on', { v: 0, exp: -2 }],
  ['(turned|showed|show|turn) up', { v: 0.3, exp: -2 }],
  ['(log|logging|sign|signing) in', { v: 0, exp: -1.8 }],
  ['(follow|followed) up', { v: 0.3, exp: -1.8 }],
  ['on time', { v: 1.2, exp: -1.8 }],
  [
    '(as|what was) (described|advertised|promised|pictured|shown|ordered|booked|agreed|arranged|planned|scheduled|requested)',
    { v: 1, exp: -2 },
  ],
  ['as expected', { v: 0.3, exp: -1.8 }],
  ['fit for purpose', { v: 1, exp: -2.6 }],
  ['(live|lived|lives|living) up to', { v: 1.5, exp: -2.2 }],
  [
    '(kept|keep|keeping|keeps) (me|us) (updated|informed|posted|in the loop)',
    { v: 1.8, exp: -1.8 },
  ],
  ['money back', { v: 0.8, exp: -2 }],
  ['(use|buy|order|book|stay|fly|shop|travel|deal|go) [*] [*] again', { v: 1.8, exp: -2.4 }],
  ['be (back|returning|renewing|recommending|ordering again|coming back)', { v: 1.8, exp: -2.2 }],
  // Leaving, cancelling, money.
  [
    '(cancel|cancelling|canceling|close) (my|our|the) (subscription|account|membership|contract|plan|service|order|policy)',
    { v: -1.6 },
  ],
  ['(want|going|trying|tried|need|like) to cancel', { v: -1.6 }],
  ['(charged|billed|debited|taken) twice', { v: -2.2 }],
  ['(double|over) (charged|billed)', { v: -2.2 }],
  [
    '(stop|keep|keeps|still) (charging|billing|taking|sending|calling|emailing|texting|ringing)',
    { v: -2 },
  ],
  ['(hidden|extra|surprise|unexpected) (fee|fees|charge|charges|cost|costs)', { v: -1.8 }],
  ['late (fee|fees|charge|charges)', { v: -1.3 }],
  [
    '(want|need|demand|requesting|request|requested|asking for|asked for|still no) [a|my|the|full] refund',
    { v: -1.8 },
  ],
  ['(full|quick|prompt|instant|speedy|immediate) refund', { v: 1.5 }],
  ['(got|get|received|given) (a|my|the) [full] refund', { v: 1, exp: -2 }],
  [
    '(price|prices|bill|premium|subscription) (went up|goes up|increase|increased|hike|rise|doubled)',
    { v: -1.5 },
  ],
  ['value for money', { v: 2, exp: -2.2 }],
  ['waste of (time|money|space|effort)', { v: -2.8 }],
  ['(well|definitely|totally) worth', { v: 2.2, exp: -1.8 }],
  ['worth every (penny|cent)', { v: 3 }],
  ['money well spent', { v: 2.5 }],
  [
    '(switching|switched|moving|moved|going|leaving|left) (to|for) [a] (competitor|another|someone else)',
    { v: -1.8 },
  ],
  ['(taking|take|took) (my|our) (business|custom|money) elsewhere', { v: -2.6 }],
  ['(look|looking|go|going|shop|shopping) elsewhere', { v: -1.6 }],
  // Things breaking.
  ['stopped working', { v: -2.3 }],
  ['(stopped|stops) (charging|connecting|syncing|loading|responding|printing)', { v: -2 }],
  ['(fell|falling|came|coming|falls) apart', { v: -2.3 }],
  ['(broke|broken|died|failed|cracked|snapped) (after|within)', { v: -2.2 }],
  ['(out of|no) stock', { v: -1 }],
  ['(closed|marked as resolved|marked resolved) without', { v: -2, neg: true }],
  ['marked as delivered', { v: -1 }],
  ['(not|never) received', { v: -1.8 }],
  ['(feels|felt|looks) cheap', { v: -1.8 }],
  ['cheap (plastic|quality|materials|material|rubbish)', { v: -1.8 }],
  ['cheaply made', { v: -2 }],
  [
    '(poorly|badly) (made|built|packaged|designed|organised|organized|written|thought|managed|run)',
    { v: -2 },
  ],
  [
    '(well|nicely|beautifully|solidly) (made|built|packaged|packed|designed|organised|organized|written|thought|stitched|run|managed)',
    { v: 1.8 },
  ],
  ['below (par|expectations|average)', { v: -1.8 }],
  ['let (me|us|them|you) down', { v: -2 }],
  ['fed up', { v: -2.2 }],
  ["(end of my tether|wits end|wit's end|end of my rope)", { v: -2.5 }],
  ['(locked|kicked|logged|logging|locking) [me|us] out', { v: -1.8 }],
  ['(i|we) just want [to]', { v: -0.8 }],
  ['(not willing|unwilling) to', { v: -1.5 }],
  ['double (booked|booking)', { v: -1.8 }],
  ['washed out', { v: -1.5 }],
  ['(smell|smells|smelled|smelt|stinks|stank) [strongly|really|badly|heavily] of', { v: -1.4 }],
  ['(arrived|came|delivered|sent|turned up) without', { v: -1.5, neg: true }],
  [
    '(switching|switch|changing|change|leaving|leave) (providers|provider|banks|bank|suppliers|supplier|networks|network|carriers|carrier)',
    { v: -1.6 },
  ],
  ['(keeps|keep|kept) (auto renewing|renewing|charging|billing)', { v: -1.8 }],
  ['sick (of|and tired)', { v: -2.2 }],
  ['had enough', { v: -1.8 }],
  ['last straw', { v: -2.3 }],
  ['never again', { v: -2.5 }],
  ['(what a|is a|was a|such a|absolute) joke', { v: -2 }],
  ['so much for', { v: -1.5 }],
  // Not the sarcastic "so much for" above: heartfelt thanks ("thank you so much for sorting it out").
  ['(thanks|thank you) so much for', { v: 2.2 }],
  ['thanks for nothing', { v: -2.5 }],
  ['good luck', { v: -0.3 }],
  ['yeah right', { v: -2 }],
  ['(one|1|zero|0|no) (star|stars)', { v: -2.5 }],
  ['(five|5) stars', { v: 2.5 }],
  ['(10|ten) (10|ten|out of 10|out of ten)', { v: 2.5 }],
  ['(0|1|2) (10|out of 10)', { v: -2.5 }],
  ['# (phone calls|calls|visits|attempts|tries|emails|chasers|reminders)', { v: -1 }],
  [
    '(second|third|fourth|fifth|2nd|3rd|4th|5th) (call|attempt|visit|email|chaser|request|complaint|letter|month|week|delivery attempt)',
    { v: -1.3 },
  ],
  ['in a row', { v: -1.2 }],
  ['than (advertised|described|expected|pictured|shown|stated|listed|promised|ordered)', { v: -1 }],
  [
    '(better|faster|quicker|cheaper|easier|sooner|nicer|smoother) than (expected|advertised|promised|i expected|we expected)',
    { v: 2.2 },
  ],
  ['in the end', { v: -0.5 }],
  ['took (a while|some time|ages)', { v: -0.8 }],
  ['(not so much|less so)', { v: -1.5 }],
  ['(costs|cost|pay|paying|charge|charged|charging) extra', { v: -1.4 }],
  ['legal action', { v: -2 }],
  ['out of order', { v: -1.8 }],
  ['way off', { v: -1.5 }],
  ['(times|timed|timing) out', { v: -1.5 }],
  ['what a (surprise|shock)', { v: -1.2 }],
  ['oh (great|good|joy|wonderful|brilliant|lovely|fantastic)', { v: -1.5 }],
  ['(ah|oh) yes', { v: -0.8 }],
];

export const DOMAIN_PHRASES: ReadonlyArray<readonly [string, PhraseSpec]> = [
  ...SERVICE_PHRASES,
  ...GENERAL_PHRASES,
];
