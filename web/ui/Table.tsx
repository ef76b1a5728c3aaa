import type { ReactNode } from 'react';

export interface Column<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  /** Extra class for both header and cells, e.g. `num` for right-aligned numbers. */
  className?: string;
}

interface TableProps<Row> {
  caption: string;
  /** Show the caption visually; otherwise it is for screen readers only. */
  showCaption?: boolean;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  rowClassName?: (row: Row) => string | undefined;
}

/**
 * A data table. On narrow screens CSS turns each row into a card and shows the column header
 * beside each value (from `data-label`), so nothing needs horizontal scrolling.
 */
export function Table<Row>({
  caption,
  showCaption = false,
  columns,
  rows,
  rowKey,
  rowClassName,
}: TableProps<Row>) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className={showCaption ? undefined : 'visually-hidden'}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col" className={column.className}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={rowClassName?.(row)}>
              {columns.map((column) => (
                <td key={column.header} className={column.className} data-label={column.header}>
                  {/* One wrapper, so the narrow-screen grid sees one value beside its label. */}
                  <div>{column.cell(row)}</div>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
