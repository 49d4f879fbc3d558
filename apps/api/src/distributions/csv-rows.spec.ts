import fc from 'fast-check';
import { Readable } from 'node:stream';
import { csvRows, CsvTooLargeError } from './csv-rows';

async function parse(chunks: Array<string | Buffer>, maxBytes = 1024 * 1024) {
  const rows: Array<{ line: number; fields: string[] }> = [];
  for await (const row of csvRows(Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))), maxBytes)) rows.push(row);
  return rows;
}

const quote = (field: string) => (/[",\r\n]/.test(field) || field === '' ? `"${field.replace(/"/g, '""')}"` : field);

/** The bytes of `text` cut at the given offsets, as a network would. */
function cut(text: string, offsets: number[]): Buffer[] {
  const bytes = Buffer.from(text);
  const at = [...new Set(offsets.map((o) => o % (bytes.length + 1)))].sort((a, b) => a - b);
  return [0, ...at].map((start, i) => bytes.subarray(start, at[i] ?? bytes.length));
}

describe('csvRows', () => {
  it('reads plain, quoted and doubled-quote fields, with CRLF or LF line ends', async () => {
    const sut = await parse(['a,b,c\r\n"x, y","say ""hi""",\n1,2,3']);
    expect(sut).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', ''] },
      { line: 3, fields: ['1', '2', '3'] },
    ]);
  });

  it('numbers rows by the line they start on, counting line breaks inside quotes and blank lines', async () => {
    const sut = await parse(['h\r\n"two\nlines",x\r\n\r\nlast\r\n']);
    expect(sut).toEqual([
      { line: 1, fields: ['h'] },
      { line: 2, fields: ['two\nlines', 'x'] },
      { line: 5, fields: ['last'] },
    ]);
  });

  it('keeps a quote inside an unquoted field as a character', async () => {
    expect(await parse(['12" pipe,"a"b\n'])).toEqual([{ line: 1, fields: ['12" pipe', 'ab'] }]);
  });

  it('refuses a stream larger than the limit', async () => {
    await expect(parse(['a,b\n', 'c,d\n'], 6)).rejects.toBeInstanceOf(CsvTooLargeError);
  });

  it('gives the same rows wherever the stream is cut: inside a character, a CRLF or a doubled quote (property)', async () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'é', '日', '"', ',', '\r\n', '\n', ' ', '1'), maxLength: 8 });
    // A row of one empty field is a blank line, which is skipped.
    const row = fc.array(field, { minLength: 1, maxLength: 4 }).filter((fields) => !(fields.length === 1 && fields[0] === ''));
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 6 }), fc.constantFrom('\r\n', '\n'), fc.array(fc.nat(), { maxLength: 6 }), async (rows, eol, offsets) => {
        const text = rows.map((fields) => fields.map(quote).join(',')).join(eol) + eol;
        const whole = await parse([text]);
        expect(whole.map((r) => r.fields)).toEqual(rows);
        expect(await parse(cut(text, offsets))).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });
});
