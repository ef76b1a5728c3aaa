/**
 * Emoji: which code points are pictographs, and the valence Hearken gives the ones customers use
 * (our own ratings on VADER's -4..4 scale; emoji missing here count as neutral). Keyed by the base
 * code point, so skin tones and variation selectors do not change the reading.
 */

/** Pictographic ranges: Misc Technical (⌛⏳), Misc Symbols and Dingbats (☀❤✅), ⭐, and the SMP blocks. */
function isPictograph(code: number): boolean {
  return (
    (code >= 0x1f000 && code <= 0x1faff && !(code >= 0x1f3fb && code <= 0x1f3ff)) ||
    (code >= 0x2600 && code <= 0x27bf) ||
    (code >= 0x2300 && code <= 0x23ff) ||
    (code >= 0x2b00 && code <= 0x2bff) ||
    code === 0x203c ||
    code === 0x2049
  );
}

/** The emoji code point starting at `i`, or 0. */
export function emojiBaseAt(text: string, i: number): number {
  const code = text.codePointAt(i) ?? 0;
  // A lone high surrogate reads as itself (< 0x1f000), so it is never an emoji.
  return isPictograph(code) ? code : 0;
}

/** Parts that modify the emoji before them: variation selectors, skin tones, keycap, tags. */
export function isEmojiModifier(code: number): boolean {
  return (
    code === 0xfe0f ||
    code === 0xfe0e ||
    code === 0x20e3 ||
    (code >= 0x1f3fb && code <= 0x1f3ff) ||
    (code >= 0xe0020 && code <= 0xe007f)
  );
}

const RATINGS: ReadonlyArray<readonly [string, number]> = [
  // Delight and approval
  ['😍🥰🤩😻💖💕💗💓💞💘❤♥💯', 3],
  ['😀😃😄😁😊☺🙂😌🥳🎉🎊👏🙌👍👌💪✨🌟⭐🏆🥇🤗😘😙😚💙💚💛🧡💜🤍🤎🖤🫶✅✔☑', 2],
  ['😆😎😇🤝👋🔥🚀💐🌈☀🌞🎁🍾🥂🤘', 1.5],
  ['🙏', 0.8],
  ['😉😋😜😝😛🤓🆗🔝📈💡', 1],
  ['😂🤣😅🥹', 0.7],
  // Doubt, impatience, annoyance
  ['🤔😶😐🫤🤷😑🙈', -0.6],
  ['😬😳🥲😏😴🥱⏳⌛🐌🐢🤨', -1.2],
  ['🙄😒😕🙁😟😔😞😓😥😪🤦📉⚠🙃', -1.8],
  ['😢😭😩😫😖😣😤😠👎❌❎🚫💸🤥🤯😱😨😰', -2.3],
  ['😡🤬👿💔🤮🤢💩🖕☠🗑', -3],
];

export const EMOJI_VALENCE: ReadonlyMap<number, number> = (() => {
  const map = new Map<number, number>();
  for (const [emoji, valence] of RATINGS) {
    for (const character of emoji) {
      const code = character.codePointAt(0) ?? 0;
      if (isPictograph(code) && !map.has(code)) map.set(code, valence);
    }
  }
  return map;
})();
