/**
 * Small typos of longer names ("Samanta", "Elizbeth") through a symmetric-delete index: each name
 * is stored under itself and every form with one letter dropped; a word is looked up the same
 * way, so a text costs a handful of map look-ups per capitalised word, not a comparison with
 * every name in the directory. A hit is then confirmed as one edit apart (one letter added,
 * dropped, changed, or two neighbours swapped).
 */

/** Shorter names are left alone: one edit turns "Sam" into "Pam", "Dan" into "Don". */
export const FUZZY_MIN_LENGTH = 6;

export function deletionKeys(word: string): string[] {
  const keys = [word];
  for (let index = 0; index < word.length; index++)
    keys.push(word.slice(0, index) + word.slice(index + 1));
  return keys;
}

/** True when `a` and `b` differ by exactly one insertion, deletion, substitution or swap. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head += 1;
  let tailA = a.length;
  let tailB = b.length;
  while (tailA > head && tailB > head && a[tailA - 1] === b[tailB - 1]) {
    tailA -= 1;
    tailB -= 1;
  }
  const middleA = a.slice(head, tailA);
  const middleB = b.slice(head, tailB);
  if (middleA.length + middleB.length <= 2 && middleA.length <= 1 && middleB.length <= 1)
    return true;
  // An adjacent swap: "Samnatha" for "Samantha".
  return (
    middleA.length === 2 &&
    middleB.length === 2 &&
    middleA[0] === middleB[1] &&
    middleA[1] === middleB[0]
  );
}
