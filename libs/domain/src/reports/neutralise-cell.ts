/**
 * A spreadsheet reads a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return as
 * a formula: a camp named `=HYPERLINK("http://x","y")` would run as one in whoever opens the
 * export. Such a cell gets a leading apostrophe, which spreadsheets show as text (OWASP's
 * advice). Only text cells: numbers stay numbers. PostgreSQL's `csv_safe()` (migration Reports)
 * is the same rule for exports streamed with COPY.
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
