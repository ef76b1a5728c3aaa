import { formatDateTime, formatRelative } from './time.ts';

/** A relative time ("2 days ago") whose exact value is in the tooltip and the markup. */
export function RelativeTime({ iso, fallback = '—' }: { iso: string | null; fallback?: string }) {
  if (iso === null) return <span className="muted">{fallback}</span>;
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {formatRelative(iso)}
    </time>
  );
}
