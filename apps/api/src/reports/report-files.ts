import type { ReportColumn } from '@relief-ledger/domain';
import { neutraliseCell } from '@relief-ledger/domain';
import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';

/** Excel opens a UTF-8 CSV with Arabic names correctly only when it starts with a byte-order mark. */
export const UTF8_BOM = '\uFEFF';

/** One CSV line, RFC 4180 quoting (a field with a comma, quote or line break in quotes, quotes doubled). */
export function csvLine(cells: Array<string | number | null>): string {
  return (
    cells
      .map((cell) => {
        if (cell === null) return '';
        const text = typeof cell === 'number' ? String(cell) : neutraliseCell(cell);
        return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
      })
      .join(',') + '\n'
  );
}

/** The header rows of a report's CSV: the human headers, then the HXL hashtags where the report has them. */
export function csvHeader(columns: ReportColumn[], hxl: boolean): string {
  return UTF8_BOM + csvLine(columns.map((c) => c.header)) + (hxl ? csvLine(columns.map((c) => c.hxl ?? '')) : '');
}

/** A local `YYYY-MM-DD[ HH:MM]` as the Date Excel shows as that day and time (Excel has no zones). */
function excelDate(text: string): Date {
  const [day, time = '00:00'] = text.split(' ');
  return new Date(`${day}T${time}:00Z`);
}

/** Waits until the client has read what is buffered, or has gone (then the caller sees aborted()). */
function drainedOrClosed(out: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.once('drain', done);
    out.once('close', done);
  });
}

const WIDTH: Record<ReportColumn['type'], number> = { text: 24, number: 14, date: 12, datetime: 17 };

/**
 * Writes a report as one worksheet with exceljs' streaming writer: numbers as numbers, dates as
 * dates, header rows frozen, widths by kind of column. Each row is committed (written out and
 * let go) as it comes, and the writer waits when the client reads slower than we write.
 * Text is written as text, so a cell starting with "=" is never a formula.
 */
export async function writeXlsx(
  out: Writable,
  sheet: { title: string; columns: ReportColumn[]; hxl: boolean },
  rows: AsyncIterable<Record<string, unknown>>,
  aborted: () => boolean,
): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const headerRows = sheet.hxl ? 2 : 1;
  const worksheet = workbook.addWorksheet(sheet.title.slice(0, 31), { views: [{ state: 'frozen', ySplit: headerRows }] });
  worksheet.columns = sheet.columns.map((c) => ({
    key: c.key,
    width: Math.max(WIDTH[c.type], Math.min(40, c.header.length + 2)),
    style: c.type === 'date' ? { numFmt: 'yyyy-mm-dd' } : c.type === 'datetime' ? { numFmt: 'yyyy-mm-dd hh:mm' } : {},
  }));
  const header = worksheet.addRow(sheet.columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  if (sheet.hxl) worksheet.addRow(sheet.columns.map((c) => c.hxl ?? '')).commit();
  let count = 0;
  for await (const row of rows) {
    if (aborted()) return count;
    worksheet
      .addRow(
        sheet.columns.map((c) => {
          const value = row[c.key];
          if (value === null || value === undefined) return null;
          return c.type === 'date' || c.type === 'datetime' ? excelDate(String(value)) : value;
        }),
      )
      .commit();
    count++;
    if (out.writableNeedDrain) await drainedOrClosed(out);
  }
  worksheet.commit();
  await workbook.commit();
  return count;
}
