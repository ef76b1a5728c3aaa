const integer = new Intl.NumberFormat();

export function formatCount(value: number): string {
  return integer.format(value);
}

/** Scores are shown as whole numbers; a decimal NPS suggests precision it does not have. */
export function formatScore(value: number): string {
  return integer.format(Math.round(value));
}

/** `support_call` → "Support call". */
export function humanize(value: string): string {
  const spaced = value.replace(/[_-]+/g, ' ').trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
