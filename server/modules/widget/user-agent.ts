/**
 * The browser family and device class of a User-Agent header. Only these are kept: the full
 * string identifies a visitor far more precisely than feedback analysis needs.
 */
export function userAgentFamily(userAgent: string | undefined): {
  browser: string;
  device: 'mobile' | 'desktop' | 'unknown';
} {
  if (!userAgent) return { browser: 'unknown', device: 'unknown' };
  // Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari".
  const families: Array<[RegExp, string]> = [
    [/\bEdgA?\//, 'Edge'],
    [/\bOPR\//, 'Opera'],
    [/\bSamsungBrowser\//, 'Samsung Internet'],
    [/\bFirefox\/|\bFxiOS\//, 'Firefox'],
    [/\bCriOS\/|Chrom(e|ium)\//, 'Chrome'],
    [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
    [/\bbot\b|crawler|spider/i, 'bot'],
  ];
  const browser = families.find(([pattern]) => pattern.test(userAgent))?.[1] ?? 'other';
  const device = /\bMobi|Android|iPhone|iPad/.test(userAgent) ? 'mobile' : 'desktop';
  return { browser, device };
}
