/**
 * The 95% Wilson score interval of a proportion k/n, as [low, high] in 0..1. Unlike the normal
 * approximation it stays inside 0..1 and is honest for small n (3 of 4 is not "75% ± 0").
 */
export function wilsonInterval(k: number, n: number, z = 1.96): [number, number] | null {
  if (n <= 0 || k < 0 || k > n) return null;
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
