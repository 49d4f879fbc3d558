import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

/**
 * Splits a CSV stream (RFC 4180: quoted fields, doubled quotes, CRLF or LF) into rows, one
 * chunk at a time, so a 20,000-row file is never held as one string.
 */
export async function* csvRows(stream: Readable, maxBytes: number): AsyncGenerator<{ line: number; fields: string[] }> {
  let field = '';
  let fields: string[] = [];
  let quoted = false;
  let afterQuote = false;
  let line = 1;
  let rowLine = 1;
  let bytes = 0;
  // A character split across two chunks, and a CRLF split across two chunks, are still one.
  const decoder = new StringDecoder('utf8');
  let skipLineFeed = false;
  for await (const chunk of stream) {
    bytes += (chunk as Buffer).length;
    if (bytes > maxBytes) throw new CsvTooLargeError(maxBytes);
    const text = decoder.write(chunk as Buffer);
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (skipLineFeed) {
        skipLineFeed = false;
        if (c === '\n') continue;
      }
      if (quoted) {
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i++;
          } else {
            quoted = false;
            afterQuote = true;
          }
        } else {
          if (c === '\n') line++;
          field += c;
        }
      } else if (c === '"' && field === '' && !afterQuote) {
        quoted = true;
      } else if (c === ',') {
        fields.push(field);
        field = '';
        afterQuote = false;
      } else if (c === '\n' || c === '\r') {
        skipLineFeed = c === '\r';
        fields.push(field);
        if (!(fields.length === 1 && fields[0] === '')) yield { line: rowLine, fields };
        fields = [];
        field = '';
        afterQuote = false;
        line++;
        rowLine = line;
      } else {
        field += c;
      }
    }
  }
  if (field !== '' || fields.length) {
    fields.push(field);
    yield { line: rowLine, fields };
  }
}

export class CsvTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`the file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
  }
}
