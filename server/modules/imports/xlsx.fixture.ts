import ExcelJS from 'exceljs';

/** A real .xlsx file made by exceljs, as Excel would save it (shared strings, styles, dates). */
export async function workbook(
  sheets: Array<{ name: string; rows: unknown[][] }>,
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const worksheet = book.addWorksheet(sheet.name);
    sheet.rows.forEach((row, index) => {
      // Rows given as null stay empty, as a blank row in a spreadsheet does.
      if (row.length > 0) worksheet.getRow(index + 1).values = row as ExcelJS.CellValue[];
    });
    worksheet.getColumn(1).numFmt = 'yyyy-mm-dd hh:mm';
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
