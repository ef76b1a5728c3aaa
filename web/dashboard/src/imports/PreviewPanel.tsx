import { Table } from '../../../ui/Table.tsx';
import { IMPORT_FIELDS, VENDOR_NAMES, type ColumnMapping, type ImportField } from './types.ts';
import type { ImportPreview, PreviewItem } from './types.ts';

interface PreviewPanelProps {
  preview: ImportPreview;
  mapping: ColumnMapping;
  onMappingChange: (mapping: ColumnMapping) => void;
}

function describeFile(preview: ImportPreview): string {
  const parts = [preview.format.toUpperCase()];
  if (preview.format !== 'xlsx') parts.push(preview.encoding);
  if (preview.delimiter)
    parts.push(`delimiter ${preview.delimiter === '\t' ? 'tab' : `"${preview.delimiter}"`}`);
  if (preview.vendor)
    parts.push(`looks like a ${VENDOR_NAMES[preview.vendor] ?? preview.vendor} export`);
  return parts.join(' · ');
}

const scoreOf = (item: PreviewItem) =>
  item.score ? `${item.score.value} (${item.score.type})` : '—';

/** What the server detected, the mapping (editable, column by column) and the first rows. */
export function PreviewPanel({ preview, mapping, onMappingChange }: PreviewPanelProps) {
  const hasFeedback = Object.values(mapping).some(
    (field) => field === 'text' || field.startsWith('score'),
  );
  return (
    <div className="import-preview">
      <p className="import-detected">
        <strong>Detected:</strong> {describeFile(preview)}
      </p>
      {preview.notes.map((note) => (
        <p key={note} className="field-hint">
          {note}
        </p>
      ))}
      {preview.columns.length > 0 && (
        <fieldset className="import-mapping">
          <legend>Columns</legend>
          {preview.columns.map((column) => (
            <label key={column} className="import-mapping-row">
              <span className="import-column">{column}</span>
              <select
                value={mapping[column] ?? 'ignore'}
                onChange={(event) =>
                  onMappingChange({ ...mapping, [column]: event.target.value as ImportField })
                }
              >
                {IMPORT_FIELDS.map((field) => (
                  <option key={field} value={field}>
                    {field === 'ignore' ? 'not imported' : field}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
      )}
      {!hasFeedback && preview.columns.length > 0 && (
        <p className="field-error">Map one column to text or a score: nothing else is feedback.</p>
      )}
      <Table
        caption="First rows as they will be imported"
        showCaption
        columns={[
          { header: 'Line', cell: (row) => row.line, className: 'num' },
          { header: 'Text', cell: (row) => row.item.text || '—' },
          { header: 'Score', cell: (row) => scoreOf(row.item) },
          {
            header: 'Who',
            cell: (row) => row.item.contact?.email ?? row.item.contact?.name ?? '—',
          },
          { header: 'When', cell: (row) => row.item.receivedAt ?? '—' },
        ]}
        rows={preview.preview}
        rowKey={(row) => row.line}
      />
      {preview.errors.length > 0 && (
        <div className="import-errors">
          <h3>Rows that will not be imported</h3>
          <ul>
            {preview.errors.map((error) => (
              <li key={error.line}>
                Line {error.line}: {error.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
