/**
 * The constants of the sentiment rules. Those on VADER's scale come from its paper (0.293 degree
 * step, 0.733 for capitals, 0.292 per "!", -0.74 for negation); the others were set on the dev
 * split of bench/sentiment (see docs/analysis.md). Mutable only so an evaluation can vary them.
 */
export const RULES = {
  negationScalar: -0.74,
  /** How many content words after a negator it still denies ("would not really recommend"). */
  negationWindow: 3,
  neverThisBoost: 1.25,
  capsBoost: 0.733,
  degreeDecay: [1, 0.95, 0.9] as readonly number[],
  bangBoost: 0.292,
  maxBangs: 4,
  /** A single "?" asks rather than states. */
  questionScale: 0.45,
  /** "Please add...", "Could you send...": asking, not judging. */
  requestScale: 0.5,
  /** A clause that ends in a denial: "Outcome wasn't." "Nothing from anyone." */
  ellipticalNegation: -1.5,
  /** The valence a featureless side of a contrast takes, opposite to the other side. */
  impliedContrast: 1,
  /** Customers ask "why" when something went wrong. */
  whyAsked: -1.2,
  /** Positive words in short quotes are usually ironic: "the 'smart' thermostat". */
  scareQuoteScale: -0.4,
  /** ...and praise beside such a quote is suspect: 'Love the new "simplified" pricing.' */
  ironicScale: -0.4,
  /** A short burst of praise is ironic when the rest of the text sums below this. */
  ironicRestBelow: -1,
  /** Problems named as what was solved: "sorted my broken heating", "found my missing payment". */
  solvedScale: 0,
  concededWeight: 0.5,
  contrastedWeight: 1.5,
  /** Customers state problems more mildly than praise; negative readings count a bit more. */
  negativeWeight: 1.2,
};
