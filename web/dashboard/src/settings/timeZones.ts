import type { Option } from '../../../ui/Field.tsx';

/**
 * Every IANA zone the browser knows, plus UTC (some browsers leave it out) and the current
 * value, so saving never silently changes a zone this browser does not list.
 */
export function timeZoneOptions(current: string): Option[] {
  const zones = new Set(['UTC', ...Intl.supportedValuesOf('timeZone'), current]);
  return [...zones]
    .sort((a, b) => a.localeCompare(b))
    .map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }));
}
