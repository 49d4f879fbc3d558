import fc from 'fast-check';
import { JsonSchema, Operation } from './openapi-operations';

/**
 * fast-check arbitraries for hostile requests, built from an operation of the OpenAPI document:
 * a plausible request first (real ids, values in range), then broken the ways clients, proxies
 * and attackers break them — wrong types, nulls, extreme numbers, control characters and
 * broken Unicode, odd date forms, malformed and foreign ids, odd query strings and headers,
 * content types the route does not take, malformed and deeply nested JSON.
 */

/** A JSON fragment written into the body as is: what JSON.stringify cannot write (1e999, -0, 2^53 + 1, 10,000 levels). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** Bytes written into the body as a JSON string as is: broken UTF-8 that no JavaScript string can hold. */
export class RawBytes {
  constructor(readonly bytes: Buffer) {}
}

/** Ids to fill paths and bodies with, by kind of record: the path segment before `{id}` (`camps`, `convoys`, …). */
export interface IdPools {
  /** Records the signed-in organisation owns, and shared ones (locations, routes, items …). */
  own: Record<string, string[]>;
  /** The same kinds of record of another organisation: must answer as if they did not exist. */
  other: Record<string, string[]>;
  /** Item codes, for the CSV import. */
  itemCodes: string[];
}

/** One generated request, before the caller's credential is added. */
export interface FuzzRequest {
  method: string;
  /** Path and query, percent-encoded as sent. */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** What was done to the body, for the report: `occurredAt = "2019-W52-1T10:00:00Z"`. */
  note: string;
}

/** The password the fuzz gives the accounts it creates; plausible password fields carry it. */
export const FUZZ_PASSWORD = 'fuzz-password-2019';

/** The CSV import's columns (the OpenAPI document names them in prose only). */
export const IMPORT_COLUMNS = ['client_id', 'camp_id', 'item_code', 'stock_point_id', 'quantity', 'households', 'people', 'distributed_at', 'notes'];

/** The date forms of the issue: ISO 8601 forms that are not RFC 3339, and impossible or far dates. */
export const ODD_DATES_OF_THE_ISSUE = [
  '2019-W52-1T10:00:00Z',
  '2019-357T10:00:00Z',
  '20191223T100000Z',
  '2019-12-23T14:30:00,5Z',
  '2019-12-23T14:30:00',
  '2019-02-30T10:00:00Z',
  '2999-12-31',
];

export const ODD_DATES = [
  ...ODD_DATES_OF_THE_ISSUE,
  '2019-12-23T24:00:00Z',
  '2019-12-23T23:59:60Z',
  '2019-12-23T25:00:00Z',
  '+002019-12-23T10:00:00Z',
  '+2019-12-23T10:00:00Z',
  '-000001-01-01T00:00:00Z',
  '275760-09-13T00:00:00Z',
  '0000-00-00',
  '0001-01-01T00:00:00Z',
  '1969-12-31T23:59:59.999Z',
  '2019-12-23 10:00:00+02',
  '2019-12-23T10:00:00+24:00',
  '2019-12-23T10:00:00-00:00',
  '2019-12-23T10:00:00+02:00[Asia/Damascus]',
  '2019-12-23T10:00:00.123456789123Z',
  '2019-12-23T10:00Z',
  '2019-12-23t10:00:00z',
  '2019-W52',
  '2019-357',
  '2019-12',
  '2019',
  '23/12/2019',
  'Mon, 23 Dec 2019 10:00:00 GMT',
  '1577095200',
  '٢٠١٩-١٢-٢٣',
  '2019\u201012\u201023',
  'now',
  '',
];

/** Email addresses with the same troubles as names, and the ones that look like an existing account. */
const ODD_EMAILS = [
  '\uD800@hro.example',
  'a\uDC00@hro.example',
  'fuzz\u0000@hro.example',
  '\u202Efuzz@hro.example',
  'FIELD@HRO.EXAMPLE',
  ' field@hro.example ',
  'field@hro.example\u200B',
  'fuzz@хро.example',
  `${'a'.repeat(300)}@hro.example`,
  'no-at-sign',
  '@',
  'a@b@c',
];

const ODD_TIMES = ['24:00', '18:60', '6 p.m.', '18:00:00', '18', '-01:00', '١٨:٠٠', '18:00Z', '02:30', '00:00', '23:59', ''];
const ODD_OFFSETS = ['+3', '+03', '+0300', 'Z', '+99:99', '-00:00', '+14:01', 'EET', ''];
const ODD_ZONES = ['asia/damascus', 'Asia/Damascus ', 'UTC+2', '+02:00', 'Etc/GMT-2', 'Mars/Olympus_Mons', '../../etc/passwd', 'EST5EDT', 'Local', 'Asia/Damascus\u0000', ''];

export const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDC00y',
  '\uDBFF\uDFFF',
  '\u202Eevil\u202C',
  '\u200F\u200E',
  '\u200B\u200B',
  '\uFEFF',
  '\uFFFE\uFFFF',
  'e\u0301\u0301\u0301\u0301',
  '💥',
  '\u0007\u001b[31mred',
  '\r\n\r\nHTTP/1.1 200 OK',
  '\u0085\u2028\u2029',
  "'; DROP TABLE camps; --",
  '%00',
  '${7*7}{{7*7}}',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  'null',
  'undefined',
  'NaN',
  '-0',
  '1e308',
  'مخيم\u200Fأطمة',
  '\\',
  '"',
];

/** Long strings, made once: a 100,000-character name, half a megabyte of Arabic, a thousand lone surrogates. */
const LONG_STRINGS = ['x'.repeat(100_000), 'ب'.repeat(50_000), '\uD800'.repeat(1_000), '\u0000'.repeat(1_000), 'a\u0301'.repeat(10_000)];

/** Bytes no JavaScript string can hold: invalid and overlong UTF-8, an encoded lone surrogate. */
const BROKEN_UTF8 = [[0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0xfe, 0xfe, 0xff]].map((bytes) => new RawBytes(Buffer.from(bytes)));

const HOSTILE_NUMBERS: unknown[] = [
  1e308,
  -1e308,
  5e-324,
  -5e-324,
  2 ** 53,
  -(2 ** 53),
  2 ** 31,
  2 ** 31 - 1,
  2 ** 32,
  -1,
  0,
  0.5,
  1.0000001,
  1e21,
  1e-7,
  new RawJson('-0'),
  new RawJson('1e999'),
  new RawJson('-1e999'),
  new RawJson('9007199254740993'),
  new RawJson('1' + '0'.repeat(400)),
  new RawJson('0.' + '0'.repeat(400) + '1'),
  new RawJson('1E+2'),
  new RawJson('NaN'),
  new RawJson('Infinity'),
  new RawJson('01'),
  new RawJson('0x10'),
  '1',
  '1e3',
  ' 1 ',
  '１２',
];

export const MALFORMED_IDS = [
  'not-a-uuid',
  '1',
  '-1',
  '0',
  "1' OR '1'='1",
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '6f1c2f8e-93a4-4b8e-9d0a-3b1f5a0c2d7',
  '6f1c2f8e-93a4-4b8e-9d0a-3b1f5a0c2d7ff',
  '{6f1c2f8e-93a4-4b8e-9d0a-3b1f5a0c2d70}',
  '6f1c2f8e93a44b8e9d0a3b1f5a0c2d70',
  'urn:uuid:6f1c2f8e-93a4-4b8e-9d0a-3b1f5a0c2d70',
  ' 6f1c2f8e-93a4-4b8e-9d0a-3b1f5a0c2d70',
  '6f1c2f8e-93a4-4b8e-9d0a-3b1f5a0c2d70\u0000',
  '6f1c2f8e-93a4-4b8e-9d0a-3b1f5a0c2d7\uD800',
  'SY07',
  'null',
  '[object Object]',
  '..',
  'x'.repeat(5_000),
];

/** Path segments sent as is (already encoded): traversal, encoded NUL, broken percent-encoding. */
const RAW_PATH_IDS = ['%2e%2e', '..%2f..%2fhealth', '%00', '%ff%fe', '%ED%A0%80', '%', '%zz', '%20', 'a%2Fb', '.', '%u0041'];

export const ODD_QUERIES = [
  '?page=-1',
  '?page=0',
  '?page=1e999',
  '?page=9007199254740993',
  '?page=1.5',
  '?page=%201',
  '?page=0x10',
  '?page',
  '?page=',
  '?pageSize=abc',
  '?pageSize=1000',
  '?pageSize=-0',
  '?a=1&a=2',
  '?page=1&page=2',
  '?pageSize=100&pageSize=1000',
  '?status=open&status=closed',
  '?__proto__[x]=1',
  '?__proto__.x=1',
  '?constructor[prototype][x]=1',
  '?page[]=1',
  '?page[$gt]=0',
  '?name=%00',
  '?name=%ff%fe',
  '?name=%ED%A0%80',
  '?name=%E2%80%AE',
  '?%',
  '?%zz=1',
  '?=&=&',
  '?&&&&',
  '?from=2019-W52-1T10:00:00Z',
  '?to=20191223T100000Z',
  '?from=2019-12-23T14:30:00,5Z&to=2019-02-30',
  `?name=${'x'.repeat(10_000)}`,
  `?${'a=1&'.repeat(2_000)}`,
  `?q=${'%41'.repeat(20_000)}`,
];

const CONTENT_TYPES_JSON = ['application/json', 'application/json; charset=utf-8', 'Application/JSON', 'application/json;charset=UTF-8'];
const CONTENT_TYPES_OTHER = [
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/json; boundary=x',
  'application/json; charset="utf-8"; charset=latin1',
  'application/vnd.api+json',
  'application/problem+json',
  'application/merge-patch+json',
  'text/json',
  'text/csv',
  'text/csv; charset=utf-8',
  'text/plain',
  'text/plain; charset=utf-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'multipart/form-data',
  'application/octet-stream',
  'application/xml',
  'application/x-ndjson',
  '*/*',
  'application/*',
  'json',
  '',
  'application/json, text/csv',
  'text/csv, application/json',
];

/** The media type without parameters, lower case: what a parser is chosen by. */
export function mediaTypeOf(contentType: string | undefined): string {
  return contentType === undefined ? '(none)' : contentType.split(';')[0].trim().toLowerCase() || '(empty)';
}

/** Percent-encodes every byte of the UTF-8 form but the unreserved characters (a lone surrogate becomes U+FFFD). */
export function percentEncode(value: string): string {
  return [...Buffer.from(value, 'utf8')].map((byte) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

/** JSON text of a value whose leaves may be RawJson or RawBytes; undefined (nothing to send) is the empty body. */
export function encodeJson(value: unknown): Buffer {
  const raws: Array<RawJson | RawBytes> = [];
  const text = JSON.stringify(value, (_key, v: unknown) => (v instanceof RawJson || v instanceof RawBytes ? `@@raw${raws.push(v) - 1}@@` : v));
  if (text === undefined) return Buffer.alloc(0);
  return Buffer.concat(
    text.split(/"@@raw(\d+)@@"/).map((part, i) => {
      if (i % 2 === 0) return Buffer.from(part, 'utf8');
      const raw = raws[Number(part)];
      return raw instanceof RawJson ? Buffer.from(raw.text, 'utf8') : Buffer.concat([Buffer.from('"'), raw.bytes, Buffer.from('"')]);
    }),
  );
}

/** A short, printable account of a value for the report. */
export function describeValue(value: unknown): string {
  if (value instanceof RawJson) return value.text.length > 40 ? `${value.text.slice(0, 20)}… (${value.text.length} chars)` : value.text;
  if (value instanceof RawBytes) return `bytes ${value.bytes.toString('hex')}`;
  const text = JSON.stringify(value, (_key, v: unknown) => (v instanceof RawJson ? v.text : v instanceof RawBytes ? `<bytes ${v.bytes.toString('hex')}>` : v)) ?? 'undefined';
  return text.length > 60 ? `${text.slice(0, 40)}… (${text.length} chars)` : text;
}

const pick = <T>(values: T[]): fc.Arbitrary<T> => fc.constantFrom(...values);

/** The kind of record a body field names, so it gets real ids of that kind. */
function kindOfField(name: string): string | undefined {
  if (/^(locationIds?|areaIds)$/.test(name)) return 'locations';
  if (/stockPointId$/i.test(name)) return 'stock-points';
  const kinds: Record<string, string> = { campId: 'camps', itemId: 'items', routeId: 'routes', routeIds: 'routes', convoyId: 'convoys', incidentId: 'incidents' };
  return kinds[name];
}

function allOwnIds(ids: IdPools): string[] {
  return Object.values(ids.own).flat();
}

/** Values a well-behaved client would send, by field name first (they carry meaning the schema does not). */
function plausibleByName(name: string, ids: IdPools): fc.Arbitrary<unknown> | undefined {
  switch (name) {
    case 'email':
      // Sometimes the account the fuzz signs in as, so that a sign-in can succeed.
      return fc.oneof(fc.nat({ max: 1_000_000 }).map((n) => `fuzz-${n}@hro.example`), fc.constant('fuzz-sign-in@hro.example'));
    case 'password':
    case 'currentPassword':
    case 'newPassword':
      return fc.constant(FUZZ_PASSWORD);
    case 'time':
      return pick(['18:00', '08:00']);
    case 'offset':
      return pick(['+02:00', '+03:00']);
    case 'zone':
      return pick(['Asia/Damascus', 'Europe/Istanbul']);
    case 'clientId':
      return fc.uuid();
    case 'version':
      // The spec sets the version of a record back to 1 before each write to it; 2 and 3 are stale.
      return fc.oneof({ weight: 4, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.integer({ min: 2, max: 3 }) });
    case 'line':
      return fc.constant([
        [36.63, 36.2],
        [36.7, 36.25],
      ]);
  }
  const kind = kindOfField(name);
  if (kind && ids.own[kind]?.length) {
    const one = pick(ids.own[kind]);
    return /Ids$/.test(name) ? fc.uniqueArray(one, { minLength: kind === 'locations' && name === 'locationIds' ? 2 : 0, maxLength: 3 }) : one;
  }
  return undefined;
}

function plausible(schema: JsonSchema, name: string, ids: IdPools, depth: number): fc.Arbitrary<unknown> {
  const byName = plausibleByName(name, ids);
  if (byName) return byName;
  if (schema.enum?.length) return pick(schema.enum);
  if (schema.format === 'uuid') return fc.uuid();
  if (schema.format === 'date-time') return pick(['2019-12-23T14:30:00+02:00', '2019-12-23T12:30:00Z', new Date().toISOString()]);
  if (schema.format === 'date') return pick(['2019-12-23', '2019-12-24']);
  switch (schema.type) {
    case 'number': {
      const min = schema.minimum ?? 0;
      return fc.integer({ min, max: Math.min(schema.maximum ?? min + 100, min + 100) });
    }
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(plausible(schema.items ?? {}, name, ids, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 3, (schema.minItems ?? 0) + 2),
      });
    case 'object':
      return depth > 3 ? fc.constant({}) : plausibleObject(schema, ids, depth + 1);
    default:
      if ((schema.minLength ?? 0) >= 12) return fc.constant(FUZZ_PASSWORD);
      return fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 12 }).map((s) => `Fuzz ${s}`);
  }
}

/** An object a well-behaved client might send: every required field, and each optional one half of the time. */
export function plausibleObject(schema: JsonSchema, ids: IdPools, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const fields = Object.entries(properties).map(([name, property]) =>
    required.has(name) ? plausible(property, name, ids, depth).map((value) => [name, value] as const) : fc.option(plausible(property, name, ids, depth), { nil: undefined }).map((value) => [name, value] as const),
  );
  return fc.tuple(...fields).map((entries) => Object.fromEntries(entries.filter(([, value]) => value !== undefined)));
}

const wrongTypes = pick<unknown>([null, true, false, 0, '', [], {}, 'null', [null], { value: 1 }]);

const hostileString: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: pick(HOSTILE_STRINGS) },
  { weight: 1, arbitrary: pick(LONG_STRINGS) },
  { weight: 1, arbitrary: pick(BROKEN_UTF8) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 2,
    arbitrary: fc.string({ unit: pick(['\u0000', '\u0001', '\u001f', '\u007f', '\u0085', '\uD800', '\uDFFF', '\u202E', '\u200B', '\uFFFE', 'a', 'ب', ' ']), minLength: 1, maxLength: 20 }),
  },
);

const hostileNumber: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: pick(HOSTILE_NUMBERS) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer({ min: -(2 ** 31), max: 2 ** 32 }) },
  { weight: 1, arbitrary: fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map((n) => new RawJson(n.toString())) },
);

/** Nesting past any limit: 10,000 levels of arrays or objects, and 40 levels (past the API's 32). */
const deeplyNested = pick<unknown>([
  new RawJson('['.repeat(10_000) + ']'.repeat(10_000)),
  new RawJson('{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000)),
  Array.from({ length: 40 }).reduce<unknown>((inner) => ({ a: inner }), 1),
]);

const anyHostile: fc.Arbitrary<unknown> = fc.oneof(wrongTypes, hostileString, hostileNumber, pick(ODD_DATES), pick(MALFORMED_IDS), deeplyNested, fc.jsonValue({ maxDepth: 3 }));

function hostileId(name: string, ids: IdPools): fc.Arbitrary<unknown> {
  const kind = kindOfField(name);
  const choices: Array<fc.WeightedArbitrary<unknown>> = [
    { weight: 3, arbitrary: pick(MALFORMED_IDS) },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: pick(allOwnIds(ids)) },
    { weight: 1, arbitrary: pick(allOwnIds(ids)).map((id) => id.toUpperCase()) },
  ];
  const foreign = kind ? ids.other[kind] : Object.values(ids.other).flat();
  if (foreign?.length) choices.push({ weight: 3, arbitrary: pick(foreign) });
  return fc.oneof(...choices);
}

const oddDate = fc.oneof({ weight: 2, arbitrary: pick(ODD_DATES_OF_THE_ISSUE) }, { weight: 1, arbitrary: pick(ODD_DATES) });

/**
 * A value of the wrong kind for this field: mostly one aimed at its type and format (odd dates
 * for dates, foreign and malformed ids for ids, extreme numbers for numbers …), sometimes null,
 * sometimes anything hostile.
 */
function hostileFor(schema: JsonSchema, name: string, ids: IdPools, depth: number): fc.Arbitrary<unknown> {
  const specific: Array<fc.Arbitrary<unknown>> = [];
  if (schema.format === 'uuid' || schema.items?.format === 'uuid') specific.push(hostileId(name, ids));
  else if (schema.format === 'date-time' || schema.format === 'date' || /(At|On)$/.test(name) || name === 'date') specific.push(oddDate);
  else if (name === 'time') specific.push(pick(ODD_TIMES));
  else if (name === 'offset') specific.push(pick(ODD_OFFSETS));
  else if (name === 'zone') specific.push(pick(ODD_ZONES));
  else if (name === 'email') specific.push(pick(ODD_EMAILS), hostileString);
  else if (schema.type === 'string' && !schema.enum) specific.push(hostileString);
  if (schema.type === 'number') specific.push(hostileNumber);
  if (schema.type === 'boolean') specific.push(pick<unknown>(['true', 'false', 0, 1, -0, '', [], {}, [true]]));
  if (schema.enum?.length) {
    const values = schema.enum.map(String);
    specific.push(pick([...values.map((v) => v.toUpperCase()), ...values.map((v) => ` ${v}`), `${values[0]}\u0000`, values.join(','), 'closed', 'overdue', '__proto__']));
  }
  if (schema.type === 'array') {
    const item = plausible(schema.items ?? {}, name, ids, depth + 1);
    specific.push(
      fc.oneof(
        fc.array(item, { minLength: (schema.maxItems ?? 50) + 1, maxLength: (schema.maxItems ?? 50) + 2 }),
        item.map((one) => [one, one, one]),
        fc.array(anyHostile, { minLength: 1, maxLength: 3 }),
        fc.constant(Array.from({ length: 10_000 }, () => null)),
        item,
      ),
    );
  }
  if (schema.type === 'object' && depth < 3) specific.push(mutatedObject(schema, ids, depth + 1).map(({ value }) => value));
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant(null) },
    ...(specific.length ? [{ weight: 5, arbitrary: fc.oneof(...specific) }] : []),
    { weight: 1, arbitrary: anyHostile },
  );
}

/** Fields a parser must convert are where conversions go wrong, dates first: chosen more often than free text. */
function fieldWeight(schema: JsonSchema, name: string): number {
  if (schema.format === 'date-time' || schema.format === 'date' || /(At|On)$/.test(name)) return 4;
  return schema.format || schema.type === 'number' || schema.type === 'boolean' || schema.type === 'object' || schema.type === 'array' ? 2 : 1;
}

/** Names a client should never get to set, and the ones that poison prototypes. */
const FORBIDDEN_FIELDS = ['__proto__', 'constructor', 'prototype', 'id', 'organisationId', 'createdBy', 'isAdmin', 'role', 'version', 'deletedAt', ''];

type Mutation = { drop: string } | { set: string; value: unknown } | { add: string; value: unknown };

/** A plausible object with one to three fields dropped, set to hostile values, or added. */
export function mutatedObject(
  schema: JsonSchema,
  ids: IdPools,
  depth = 0,
  // Mostly one change to an otherwise plausible object: with several, the first refusal hides what the others would do.
  count: fc.Arbitrary<number> = fc.oneof({ weight: 4, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.integer({ min: 2, max: 4 }) }),
): fc.Arbitrary<{ value: Record<string, unknown>; note: string }> {
  const properties = schema.properties ?? {};
  const names = Object.keys(properties);
  const field = names.length ? fc.oneof(...names.map((name) => ({ weight: fieldWeight(properties[name], name), arbitrary: fc.constant(name) }))) : undefined;
  const added = fc.tuple(pick(FORBIDDEN_FIELDS), anyHostile).map(([add, value]): Mutation => ({ add, value }));
  const mutation: fc.Arbitrary<Mutation> = field
    ? fc.oneof(
        { weight: 1, arbitrary: field.map((drop): Mutation => ({ drop })) },
        { weight: 6, arbitrary: field.chain((set) => hostileFor(properties[set], set, ids, depth).map((value): Mutation => ({ set, value }))) },
        { weight: 1, arbitrary: added },
      )
    : added;
  return fc.tuple(plausibleObject(schema, ids, depth), count.chain((n) => fc.array(mutation, { minLength: n, maxLength: n }))).map(([base, mutations]) => {
    const value: Record<string, unknown> = { ...base };
    const notes: string[] = [];
    for (const m of mutations) {
      if ('drop' in m) {
        delete value[m.drop];
        notes.push(`without ${m.drop}`);
      } else {
        const field = 'set' in m ? m.set : m.add;
        // defineProperty: an assignment to `__proto__` would change the prototype instead of adding a field.
        Object.defineProperty(value, field, { value: m.value, enumerable: true, writable: true, configurable: true });
        notes.push(`${field} = ${describeValue(m.value)}`);
      }
    }
    return { value, note: notes.join(', ') };
  });
}

/** How the JSON text is spoilt after it is written. */
const JSON_SPOILERS = ['duplicate-key', 'truncated', 'trailing-comma', 'single-quotes', 'comment', 'bom', 'garbage-after', 'empty', 'latin1', 'utf-16le', 'random-bytes', 'oversized'] as const;
type JsonSpoiler = (typeof JSON_SPOILERS)[number];

function spoil(text: Buffer, spoiler: JsonSpoiler, cut: number, bytes: Uint8Array, duplicate: unknown): Buffer {
  const string = text.toString('utf8');
  switch (spoiler) {
    case 'duplicate-key':
      // The same key twice: JSON.parse keeps the last, other parsers the first.
      return string.startsWith('{"') ? Buffer.concat([Buffer.from('{'), text.subarray(1, text.indexOf(':') + 1), encodeJson(duplicate), Buffer.from(','), text.subarray(1)]) : text;
    case 'truncated':
      return text.subarray(0, Math.floor(text.length * cut));
    case 'trailing-comma':
      return Buffer.from(string.replace(/}$/, ',}'));
    case 'single-quotes':
      return Buffer.from(string.replace(/"/g, "'"));
    case 'comment':
      return Buffer.from(`/* fuzz */ ${string}`);
    case 'bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text]);
    case 'garbage-after':
      return Buffer.from(`${string}}{"x":1}`);
    case 'empty':
      return Buffer.alloc(0);
    case 'latin1':
      return Buffer.from(string, 'latin1');
    case 'utf-16le':
      return Buffer.from(string, 'utf16le');
    case 'random-bytes':
      return Buffer.from(bytes);
    case 'oversized':
      // Past the API's 1 MiB body limit: refused with 413 before it is read whole.
      return Buffer.from(string.replace(/}$/, `,"padding":"${'x'.repeat(1_100_000)}"}`));
  }
}

/** Anything but an object where the route expects one. */
function notAnObject(base: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<{ value: unknown; note: string }> {
  return fc.oneof(
    base.map((value) => ({ value: [value], note: 'an array holding the object' })),
    base.map((value) => ({ value: Array.from({ length: 1_000 }, () => value), note: 'an array of 1,000 objects' })),
    fc.oneof(wrongTypes, hostileString, hostileNumber, deeplyNested).map((value) => ({ value, note: `body = ${describeValue(value)}` })),
  );
}

function jsonBody(schema: JsonSchema, ids: IdPools): fc.Arbitrary<{ body: Buffer; note: string }> {
  const value = fc.oneof(
    { weight: 1, arbitrary: plausibleObject(schema, ids).map((v) => ({ value: v as unknown, note: 'plausible' })) },
    { weight: 8, arbitrary: mutatedObject(schema, ids) },
    { weight: 1, arbitrary: notAnObject(plausibleObject(schema, ids)) },
  );
  const spoiler = fc.option(pick([...JSON_SPOILERS]), { freq: 8, nil: undefined });
  return fc.tuple(value, spoiler, fc.double({ min: 0, max: 1, noNaN: true }), fc.uint8Array({ maxLength: 512 }), anyHostile).map(([{ value: v, note }, how, cut, bytes, duplicate]) => ({
    body: how ? spoil(encodeJson(v), how, cut, bytes, duplicate) : encodeJson(v),
    note: how ? `${note}; JSON ${how}` : note,
  }));
}

const contentTypeForJson: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 12, arbitrary: pick(CONTENT_TYPES_JSON) },
  { weight: 3, arbitrary: pick(CONTENT_TYPES_OTHER) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

const contentTypeForCsv: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 6, arbitrary: pick(['text/csv', 'text/csv; charset=utf-8', 'TEXT/CSV', 'text/csv; charset=latin1', 'text/csv; header=present']) },
  { weight: 3, arbitrary: pick([...CONTENT_TYPES_JSON, ...CONTENT_TYPES_OTHER]) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

function csvCell(column: string, ids: IdPools): fc.Arbitrary<string> {
  const plausibleCell: Record<string, fc.Arbitrary<string>> = {
    client_id: fc.uuid(),
    camp_id: pick(ids.own.camps ?? ['']),
    item_code: pick(ids.itemCodes.length ? ids.itemCodes : ['FOOD-PARCEL']),
    stock_point_id: pick(ids.own['stock-points'] ?? ['']),
    quantity: pick(['1', '2']),
    households: pick(['1']),
    people: pick(['5']),
    distributed_at: pick(['', '2019-12-23T10:00:00Z']),
    notes: pick(['', 'Fuzz']),
  };
  const quoted = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const hostileCell = fc.oneof(
    pick(ODD_DATES),
    pick(MALFORMED_IDS.filter((id) => id.length < 100)),
    pick(HOSTILE_STRINGS).map(quoted),
    pick(HOSTILE_STRINGS),
    pick(['-1', '1e999', '1.5', '0x10', '9007199254740993', '', '"unbalanced', 'a"b', '=cmd|\' /C calc\'!A0', '\r', '\n', '""""', ' 1 ']),
    pick(ids.other.camps ?? ['x']),
    pick(ids.other['stock-points'] ?? ['x']),
  );
  return fc.oneof({ weight: 3, arbitrary: plausibleCell[column] ?? fc.constant('') }, { weight: 1, arbitrary: hostileCell });
}

/** A CSV file for the bulk import: a header (right or wrong), a few rows (good or bad cells), line ends of any kind. */
function csvBody(ids: IdPools): fc.Arbitrary<{ body: Buffer; note: string }> {
  const header = fc.oneof(
    { weight: 6, arbitrary: fc.constant(IMPORT_COLUMNS.join(',')) },
    {
      weight: 3,
      arbitrary: pick([
        IMPORT_COLUMNS.slice(1).join(','),
        [...IMPORT_COLUMNS, 'client_id'].join(','),
        [...IMPORT_COLUMNS, 'evil'].join(','),
        IMPORT_COLUMNS.join(',').toUpperCase(),
        '\uFEFF' + IMPORT_COLUMNS.join(','),
        IMPORT_COLUMNS.join(';'),
        [...IMPORT_COLUMNS].reverse().join(','),
        '',
        'a,b',
        '"client_id,camp_id',
      ]),
    },
  );
  const row = fc.tuple(...IMPORT_COLUMNS.map((column) => csvCell(column, ids))).map((cells) => cells.join(','));
  const size = fc.oneof({ weight: 12, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.constant(5_000) });
  return fc
    .tuple(header, fc.array(row, { maxLength: 4 }), pick(['\r\n', '\n', '\r']), size, pick(['utf8', 'utf16le'] as const))
    .map(([head, rows, eol, repeat, encoding]) => {
      const body = [head, ...Array.from({ length: repeat }, () => rows).flat()].join(eol) + eol;
      return { body: Buffer.from(body, encoding), note: `CSV, ${rows.length * repeat} rows, header ${head === IMPORT_COLUMNS.join(',') ? 'right' : JSON.stringify(head.slice(0, 40))}${encoding === 'utf8' ? '' : `, ${encoding}`}` };
    });
}

/** A body on a route that takes none: usually nothing, sometimes JSON or bytes anyway. */
const strayBody: fc.Arbitrary<{ body?: Buffer; note: string }> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ note: '' }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => ({ body: encodeJson(value), note: `stray JSON body ${describeValue(value)}` })) },
  { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 512 }).map((bytes) => ({ body: Buffer.from(bytes), note: 'stray binary body' })) },
);

function queryValue(schema: JsonSchema | undefined, name: string, ids: IdPools): fc.Arbitrary<string> {
  const fitting: Array<fc.Arbitrary<string>> = [];
  if (schema?.enum?.length) fitting.push(pick(schema.enum.map(String)));
  if (schema?.type === 'number') fitting.push(fc.integer({ min: schema.minimum ?? 0, max: Math.min(schema.maximum ?? 100, 100) }).map(String));
  if (schema?.format === 'uuid') fitting.push(pick(allOwnIds(ids)), pick(Object.values(ids.other).flat()));
  const dates = /^(from|to)$/.test(name);
  if (dates) fitting.push(pick(['2019-12-23', '2019-12-23T10:00:00Z']));
  const hostile = fc.oneof(
    ...(dates ? [{ weight: 6, arbitrary: oddDate }] : []),
    { weight: 1, arbitrary: pick(ODD_DATES) },
    { weight: 1, arbitrary: pick(HOSTILE_STRINGS) },
    { weight: 1, arbitrary: pick(MALFORMED_IDS.filter((id) => id.length < 100)) },
    { weight: 1, arbitrary: pick(['-1', '0', '1e999', '-0', 'abc', '0x10', '1.5', '9007199254740993', '', 'true', 'null', '[]', '{}']) },
  );
  return fitting.length ? fc.oneof({ weight: 1, arbitrary: fc.oneof(...fitting) }, { weight: 2, arbitrary: hostile }) : hostile;
}

function queryString(op: Operation, ids: IdPools): fc.Arbitrary<string> {
  const declared = op.parameters.filter((p) => p.in === 'query');
  const names = [...declared.map((p) => p.name), 'unknown', '__proto__', 'page', 'pageSize'];
  const pair = pick(names).chain((name) => queryValue(declared.find((p) => p.name === name)?.schema, name, ids).map((value) => [name, value] as const));
  return fc.oneof(
    { weight: declared.length ? 3 : 6, arbitrary: fc.constant('') },
    { weight: declared.length ? 3 : 1, arbitrary: fc.array(pair, { minLength: 1, maxLength: 4 }).map((pairs) => '?' + pairs.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&')) },
    { weight: 1, arbitrary: pick(ODD_QUERIES) },
  );
}

/** The `{id}` of the path: an own record, another organisation's, another kind's, a random UUID, or no UUID at all. */
function pathId(op: Operation, ids: IdPools): fc.Arbitrary<string> {
  const kind = kindOfPath(op);
  const choices: Array<fc.WeightedArbitrary<string>> = [
    { weight: 2, arbitrary: pick(MALFORMED_IDS).map(percentEncode) },
    { weight: 1, arbitrary: pick(RAW_PATH_IDS) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: pick(allOwnIds(ids)) },
  ];
  if (ids.own[kind]?.length) choices.push({ weight: 5, arbitrary: pick(ids.own[kind]) });
  if (ids.other[kind]?.length) choices.push({ weight: 3, arbitrary: pick(ids.other[kind]) });
  return fc.oneof(...choices);
}

/** Headers a route may or may not read, with odd values; Node's client refuses CR, LF and NUL in them, so does every proxy. */
const oddHeader: fc.Arbitrary<readonly [string, string]> = fc.oneof(
  pick(['"1"', 'W/"1"', '*', '1', 'latest', '-1', '"99999999999999999999"', '"1e3"', '"1", "2"', '""', `"${'9'.repeat(2_000)}"`]).map((v) => ['if-match', v] as const),
  fc.oneof(pick(['', 'x', 'x'.repeat(5_000), 'not-a-uuid', '00000000-0000-0000-0000-000000000000', '../..']), fc.uuid()).map((v) => ['idempotency-key', v] as const),
  pick(['', '0', '-1', '1e999', '99999999999999999999999', 'abc', '1'.repeat(300), '1.5']).map((v) => ['last-event-id', v] as const),
  pick(['text/csv', 'application/xml', 'text/event-stream', '*/*;q=0', 'application/json;q=0', 'garbage']).map((v) => ['accept', v] as const),
  pick(['gzip', 'br', 'deflate', 'gzip, gzip', 'x-unknown']).map((v) => ['content-encoding', v] as const),
  pick(['1.2.3.4', '127.0.0.1, 10.0.0.1', 'garbage', '::1']).map((v) => ['x-forwarded-for', v] as const),
  pick(['https://evil.example', 'null']).map((v) => ['origin', v] as const),
  pick(['DELETE', 'PATCH', 'GET']).map((v) => ['x-http-method-override', v] as const),
  pick(['Bearer ', `Bearer rl_${'x'.repeat(40)}`, 'Basic YWRtaW46YWRtaW4=', `Bearer ${'x'.repeat(5_000)}`, 'bearer rl_']).map((v) => ['authorization', v] as const),
  pick(['rl_session=garbage', 'rl_session=', 'rl_session=a; rl_session=b', '=', ';;;', `x=${'y'.repeat(3_000)}`]).map((v) => ['cookie', v] as const),
);

/** Operations whose body is CSV; the document names the media type but no schema. */
export const CSV_OPERATIONS = new Set(['POST /api/v1/distributions/import']);

const OTHER_METHODS = ['HEAD', 'OPTIONS', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** The record kind of an operation's `{id}`: the path segment before it (`camps`, `movements` …). */
const kindOfPath = (op: Operation) => op.path.split('/{id}')[0].split('/').pop() ?? '';

const request = (method: string, path: string, payload: { body?: Buffer; contentType?: string }, headers: Record<string, string>, note: string): FuzzRequest => ({
  method,
  path,
  headers: { ...headers, ...(payload.contentType === undefined ? {} : { 'content-type': payload.contentType }) },
  body: payload.body,
  note,
});

/** The request a well-behaved client of this operation would send: an own record, a plausible body, nothing odd. */
export function plausibleRequest(op: Operation, ids: IdPools): fc.Arbitrary<FuzzRequest> {
  const own = ids.own[kindOfPath(op)];
  const path = op.path.includes('{id}') ? (own?.length ? pick(own) : fc.uuid()).map((id) => op.path.replace('{id}', id)) : fc.constant(op.path);
  return fc.tuple(path, plausiblePayload(op, ids)).map(([p, payload]) => request(op.method, p, payload, {}, 'plausible'));
}

function plausiblePayload(op: Operation, ids: IdPools): fc.Arbitrary<{ body?: Buffer; contentType?: string }> {
  if (op.body) return plausibleObject(op.body, ids).map((value) => ({ body: encodeJson(value), contentType: 'application/json' }));
  if (CSV_OPERATIONS.has(op.label)) return csvBody(ids).map(({ body }) => ({ body, contentType: 'text/csv' }));
  return fc.constant({});
}

/**
 * A request a well-behaved client of this operation would send but for one thing: one body
 * field, one query parameter, the id, one header or the content type. Everything else being
 * right is what lets the one wrong thing past the guards and the validation that a request
 * wrong in many ways never gets past — into the code that converts dates and writes rows.
 */
function oneThingWrong(op: Operation, ids: IdPools): fc.Arbitrary<FuzzRequest> {
  const own = ids.own[kindOfPath(op)];
  const path = op.path.includes('{id}') ? (own?.length ? pick(own) : fc.uuid()).map((id) => op.path.replace('{id}', id)) : fc.constant(op.path);
  const csv = CSV_OPERATIONS.has(op.label);
  const payload = plausiblePayload(op, ids);
  const changes: Array<fc.WeightedArbitrary<FuzzRequest>> = [
    { weight: 1, arbitrary: fc.tuple(path, payload, oddHeader).map(([p, plausible, [name, value]]) => request(op.method, p, plausible, { [name]: value }, `${name}: ${value.slice(0, 40)}`)) },
    // HEAD and OPTIONS are answered for every route without a handler of their own.
    { weight: 1, arbitrary: fc.tuple(path, payload, pick(OTHER_METHODS.filter((m) => m !== op.method))).map(([p, plausible, method]) => request(method, p, plausible, {}, `method ${method}`)) },
  ];
  if (op.body) {
    const body = op.body;
    changes.push(
      { weight: 10, arbitrary: fc.tuple(path, mutatedObject(body, ids, 0, fc.constant(1))).map(([p, { value, note }]) => request(op.method, p, { body: encodeJson(value), contentType: 'application/json' }, {}, note)) },
      { weight: 1, arbitrary: fc.tuple(path, plausibleObject(body, ids), pick(CONTENT_TYPES_OTHER)).map(([p, value, contentType]) => request(op.method, p, { body: encodeJson(value), contentType }, {}, 'plausible')) },
    );
  }
  if (csv) changes.push({ weight: 10, arbitrary: fc.tuple(path, csvBody(ids)).map(([p, { body, note }]) => request(op.method, p, { body, contentType: 'text/csv' }, {}, note)) });
  const declared = op.parameters.filter((p) => p.in === 'query');
  if (declared.length) {
    const pair = pick(declared).chain((parameter) => queryValue(parameter.schema, parameter.name, ids).map((value) => `${percentEncode(parameter.name)}=${percentEncode(value)}`));
    changes.push({ weight: 6, arbitrary: fc.tuple(path, pair, payload).map(([p, query, plausible]) => request(op.method, `${p}?${query}`, plausible, {}, `?${decodeURIComponentSafely(query).slice(0, 60)}`)) });
  }
  if (op.path.includes('{id}')) {
    changes.push({ weight: 2, arbitrary: fc.tuple(pathId(op, ids), payload).map(([id, plausible]) => request(op.method, op.path.replace('{id}', id), plausible, {}, `id ${id.slice(0, 40)}`)) });
  }
  return fc.oneof(...changes);
}

const decodeURIComponentSafely = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/** A request wrong in any number of ways at once: method, id, query, headers, content type and body. */
function anythingWrong(op: Operation, ids: IdPools): fc.Arbitrary<FuzzRequest> {
  const path = op.path.includes('{id}') ? pathId(op, ids).map((id) => op.path.replace('{id}', id)) : fc.constant(op.path);
  const method = fc.oneof({ weight: 20, arbitrary: fc.constant(op.method) }, { weight: 1, arbitrary: pick(OTHER_METHODS) });
  const payload: fc.Arbitrary<{ body?: Buffer; note: string; contentType?: string }> = op.body
    ? fc.tuple(jsonBody(op.body, ids), contentTypeForJson).map(([b, contentType]) => ({ ...b, contentType }))
    : CSV_OPERATIONS.has(op.label)
      ? fc.tuple(csvBody(ids), contentTypeForCsv).map(([b, contentType]) => ({ ...b, contentType }))
      : fc.tuple(strayBody, contentTypeForJson).map(([b, contentType]) => ({ ...b, contentType: b.body ? contentType : undefined }));
  const headers = fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(oddHeader, { minLength: 1, maxLength: 2 }) });
  return fc
    .record({ path, query: queryString(op, ids), method, payload, headers })
    .map(({ path: p, query, method: m, payload: { body, note, contentType }, headers: h }) => request(m, p + query, { body, contentType }, Object.fromEntries(h), note));
}

/** A hostile request for one operation: mostly one thing wrong in a plausible request, otherwise anything. */
export function hostileRequest(op: Operation, ids: IdPools): fc.Arbitrary<FuzzRequest> {
  return fc.oneof({ weight: 3, arbitrary: oneThingWrong(op, ids) }, { weight: 2, arbitrary: anythingWrong(op, ids) });
}
