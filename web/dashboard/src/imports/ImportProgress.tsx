import { RelativeTime } from '../../../ui/RelativeTime.tsx';
import type { ImportRecord } from './types.ts';

const number = (value: number) => value.toLocaleString();

const STATE_LABELS: Record<ImportRecord['state'], string> = {
  queued: 'Waiting to start',
  running: 'Importing',
  done: 'Done',
  failed: 'Failed',
};

/** One import: a progress bar over the bytes read, the counts, rows/s and the bad rows by line. */
export function ImportProgress({ record, postName }: { record: ImportRecord; postName: string }) {
  const fraction =
    record.state === 'done' ? 1 : record.size > 0 ? Math.min(record.bytesRead / record.size, 1) : 0;
  const percent = Math.round(fraction * 100);
  return (
    <article className={`card import-card import-${record.state}`}>
      <header className="import-card-head">
        <h3>{record.fileName}</h3>
        <span className="import-state">{STATE_LABELS[record.state]}</span>
      </header>
      <p className="field-hint">
        Into {postName} · <RelativeTime iso={record.createdAt} />
      </p>
      <progress
        className="import-bar"
        max={100}
        value={percent}
        aria-label={`${record.fileName}: ${percent}% read`}
      />
      <p className="import-counts">
        {number(record.rowsRead)} rows read · {number(record.rowsStored)} stored ·{' '}
        {number(record.duplicates)} already there · {number(record.errorCount)} bad
        {record.skipped > 0 && ` · ${number(record.skipped)} empty`}
        {record.rowsPerSecond !== null && ` · ${number(record.rowsPerSecond)} rows/s`}
      </p>
      {record.failure && <p className="field-error">{record.failure}</p>}
      {record.errors.length > 0 && (
        <details className="import-errors">
          <summary>
            {number(record.errorCount)} bad row{record.errorCount === 1 ? '' : 's'}
          </summary>
          <ul>
            {record.errors.map((error, index) => (
              <li key={`${error.line}-${index}`}>
                Line {error.line}: {error.message}
              </li>
            ))}
          </ul>
          {record.errorCount > record.errors.length && (
            <p>… and {number(record.errorCount - record.errors.length)} more.</p>
          )}
        </details>
      )}
    </article>
  );
}
