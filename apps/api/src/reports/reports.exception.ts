import { fieldProblem } from '@relief-ledger/domain';
import { AppException } from '../common/problem/app-exception.js';

export class ReportsException extends AppException {
  static tooManyRowsForXlsx(rows: number, max: number): ReportsException {
    return new ReportsException(422, 'report.too_many_rows_for_xlsx', 'Too many rows for a workbook', undefined, [fieldProblem('format', 'field.xlsx_rows')], { rows, max });
  }
}
