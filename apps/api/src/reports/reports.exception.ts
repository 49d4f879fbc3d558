import { AppException } from '../common/problem/app-exception.js';

export class ReportsException extends AppException {
  static tooManyRowsForXlsx(rows: number, max: number): ReportsException {
    return new ReportsException(
      422,
      'report.too_many_rows_for_xlsx',
      'Too many rows for a workbook',
      `This report has ${rows.toLocaleString('en')} rows and a worksheet holds at most ${max.toLocaleString('en')}: download it as CSV (format=csv), or narrow the period or place`,
      [{ field: 'format', reason: 'xlsx holds at most 1,048,576 rows; use csv' }],
    );
  }
}
