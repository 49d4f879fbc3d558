import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

const COMMA = 44;
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;
const QUOTE = 34;

/**
 * Splits a CSV stream (RFC 4180: quoted fields, doubled quotes, CRLF or LF) into rows, one
 * chunk at a time, so a 20,000-row file is never held as one string. Plain text between
 * separators is taken as one slice, not character by character: parsing is a small share of an
 * import. The state carries over chunk boundaries, so where the stream happens to be cut (inside
 * a character, between CR and LF, between two quotes of a doubled quote) changes nothing.
 */
export async function* csvRows(stream: Readable, maxBytes: number): AsyncGenerator<{ line: number; fields: string[] }> {
  let field = '';
  let fields: string[] = [];
  let quoted = false;
  let afterQuote = false;
  // A quote was the last character of a chunk, inside a quoted field: closing, or the first of a doubled one?
  let quoteAtEnd = false;
  let skipLineFeed = false;
  let line = 1;
  let rowLine = 1;
  let bytes = 0;
  const decoder = new StringDecoder('utf8');
  const rows: Array<{ line: number; fields: string[] }> = [];

  const parse = (text: string) => {
    const end = text.length;
    let i = 0;
    if (quoteAtEnd && end > 0) {
      quoteAtEnd = false;
      if (text.charCodeAt(0) === QUOTE) {
        field += '"';
        i = 1;
      } else {
        quoted = false;
        afterQuote = true;
      }
    }
    while (i < end) {
      if (skipLineFeed) {
        skipLineFeed = false;
        if (text.charCodeAt(i) === LINE_FEED) {
          i++;
          continue;
        }
      }
      if (quoted) {
        const close = text.indexOf('"', i);
        const piece = text.slice(i, close === -1 ? end : close);
        field += piece;
        for (let n = piece.indexOf('\n'); n !== -1; n = piece.indexOf('\n', n + 1)) line++;
        if (close === -1) return;
        if (close + 1 === end) {
          quoteAtEnd = true;
          return;
        }
        if (text.charCodeAt(close + 1) === QUOTE) {
          field += '"';
          i = close + 2;
        } else {
          quoted = false;
          afterQuote = true;
          i = close + 1;
        }
        continue;
      }
      let j = i;
      let c = 0;
      for (; j < end; j++) {
        c = text.charCodeAt(j);
        if (c === COMMA || c === LINE_FEED || c === CARRIAGE_RETURN || c === QUOTE) break;
      }
      if (j > i) field += text.slice(i, j);
      if (j === end) return;
      i = j + 1;
      if (c === QUOTE) {
        // Only a quote that opens a field quotes it; elsewhere it is a character like any other.
        if (field === '' && !afterQuote) quoted = true;
        else field += '"';
      } else if (c === COMMA) {
        fields.push(field);
        field = '';
        afterQuote = false;
      } else {
        skipLineFeed = c === CARRIAGE_RETURN;
        fields.push(field);
        if (!(fields.length === 1 && fields[0] === '')) rows.push({ line: rowLine, fields });
        fields = [];
        field = '';
        afterQuote = false;
        line++;
        rowLine = line;
      }
    }
  };

  // A file refused part way (a wrong header row) leaves the rest of the body unread but not
  // destroyed: the server then reads and discards it, and the connection stays usable.
  for await (const chunk of stream.iterator({ destroyOnReturn: false })) {
    bytes += (chunk as Buffer).length;
    if (bytes > maxBytes) throw new CsvTooLargeError(maxBytes);
    parse(decoder.write(chunk as Buffer));
    yield* rows;
    rows.length = 0;
  }
  parse(decoder.end());
  yield* rows;
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
