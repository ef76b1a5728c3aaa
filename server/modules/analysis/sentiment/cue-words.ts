/** Small word lists the sentiment rules use as cues, beyond the lexicon's valences. */

/** Words that leave a denial open: "not so much", "nothing from anyone", "not yet". */
export const FILLERS = new Set(
  'so much from anyone anybody one at all yet really either anymore again though'.split(' '),
);
/** Words a negation reaches over: "haven't had a single wrong order". */
export const LIGHT_WORDS = new Set(
  (
    'a an the single one any my your our his her their its this that these those of even ever ' +
    'really very such actually been be being is was are were it i me us we to has have had'
  ).split(' '),
);
/** Words of solving: the problems named after them were solved ("sorted my broken heating"). */
export const SOLVING = new Set(
  (
    'sort sorted sorting fix fixed fixing repaired replaced replacing refunded saved resolved ' +
    'solved found finding traced flagged caught spotted rescued answered cleared recovered ' +
    'investigate investigated investigating handled handling processed helped helping'
  ).split(' '),
);
/** Thanks and love, which a complaint in the same clause shows to be ironic. */
export const GRATITUDE = new Set(
  'thanks thank love loving loved appreciate appreciated enjoy enjoyed fan shoutout kudos congrats'.split(
    ' ',
  ),
);
/** Words that name nothing: "Great stuff.", "What a move.", "That's progress." */
export const EMPTY_WORDS = new Set(
  (
    "stuff job work move idea one thing things that this that's it it's so very really just how " +
    'what a an the such is was truly simply absolutely'
  ).split(' '),
);
/** "Please...", "Could you...": a request, not a judgement. */
export const REQUEST_OPENERS = new Set(['please', 'pls', 'plz', 'kindly']);
export const ASKING_MODALS = new Set(['could', 'can', 'would', 'will']);
export const ASKED = new Set(['you', 'u', 'someone', 'somebody', 'anyone', 'we', 'i']);
