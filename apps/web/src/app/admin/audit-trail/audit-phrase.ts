import { AUDIT_ACTIONS, AuditEntryResponse, AuditTarget, Permission } from '@relief-ledger/domain';

import { LocalWords } from '../../core/i18n/local-words';

/** The kinds of record the trail names, each with its words (`admin.audit.kind.*`): the choices of its filter. */
export const AUDIT_ENTITIES = [
  'session',
  'user',
  'api_token',
  'camp',
  'stock_point',
  'stock_movement',
  'distribution',
  'convoy',
  'route',
  'pause_window',
  'incident',
  'report',
  'audit_log',
] as const;

/** A piece of a phrase: words, the person who did it, or the record it was done to. */
export type PhrasePart = { kind: 'text'; text: string } | { kind: 'who'; text: string } | { kind: 'record'; text: string };

// Marks where the person and the record go, so each language puts them where its grammar wants
// and the page can still make them links.
const MARK = '\u0001';

/**
 * An audit row as a sentence in the user's language, "Amina signed in", "Layla checked in convoy
 * Parcels to Atmeh", cut where the person and the record stand. An action this app does not know
 * (a newer server) still reads, in general words with its code.
 */
export function auditPhrase(entry: AuditEntryResponse, words: LocalWords): PhrasePart[] {
  const known = (AUDIT_ACTIONS as readonly string[]).includes(entry.action);
  // A read or export without a record is of a list: "looked at the list of users".
  const action = known ? (entry.action === 'read' && !entry.entityId ? 'readList' : entry.action) : 'other';
  const message = words.t(`admin.audit.phrase.${action}`, {
    who: `${MARK}who${MARK}`,
    record: `${MARK}record${MARK}`,
    kind: entityWords(entry.entity, words),
    action: entry.action,
  });
  // The translation isolates each parameter for right to left; the page isolates the person and
  // the record itself (<bdi>), so the marks around them go.
  const marked = message.replace(new RegExp(`[\u2066-\u2068](${MARK}(?:who|record)${MARK})\u2069`, 'g'), '$1');
  const who = entry.userName ?? words.t('admin.audit.system');
  const record = recordText(entry, words);
  const parts: PhrasePart[] = [];
  marked.split(MARK).forEach((piece, index) => {
    if (index % 2 === 0) {
      if (piece) parts.push({ kind: 'text', text: piece });
    } else if (piece === 'who') {
      parts.push({ kind: 'who', text: who });
    } else if (piece === 'record' && record) {
      parts.push({ kind: 'record', text: record });
    }
  });
  return tidy(parts);
}

/** The phrase as plain text, for a screen reader's label or a spec. */
export function phraseText(parts: readonly PhrasePart[]): string {
  return parts.map((part) => part.text).join('');
}

/** "camp", "pause window", "API token" in the user's language; the code itself for a kind this app does not know. */
export function entityWords(entity: string, words: LocalWords): string {
  const key = `admin.audit.kind.${entity}`;
  const name = words.t(key);
  return name === key ? entity.replace(/_/g, ' ') : name;
}

/** The record's name; a record without one is "(no name)" when it can be opened, else left out. */
function recordText(entry: AuditEntryResponse, words: LocalWords): string {
  if (entry.recordLabel) return entry.recordLabel;
  if (entry.entity === 'report' && entry.entityId) return entry.entityId;
  return entry.target && entry.entity !== 'session' ? words.t('admin.audit.unnamed') : '';
}

/** A phrase whose record was left out keeps no doubled or trailing space. */
function tidy(parts: PhrasePart[]): PhrasePart[] {
  const out = parts.map((part) => (part.kind === 'text' ? { ...part, text: part.text.replace(/\s{2,}/g, ' ') } : part));
  const last = out[out.length - 1];
  if (last?.kind === 'text') last.text = last.text.replace(/\s+$/, '');
  return out.filter((part) => part.text !== '');
}

/** Where the record's page is, and the permission it needs; undefined where there is none to open. */
export function targetLink(target: AuditTarget | null): { path: string[]; needs: Permission } | undefined {
  if (!target) return undefined;
  switch (target.kind) {
    case 'camp':
      return { path: ['/camps', target.id], needs: 'camps.read' };
    case 'convoy':
      return { path: ['/convoys', target.id], needs: 'convoys.read' };
    case 'stock_point':
      return { path: ['/stock', target.id], needs: 'stock.read' };
    case 'incident':
      return { path: ['/incidents', target.id], needs: 'incidents.read' };
    case 'pause_window':
      return { path: ['/pause-windows', target.id], needs: 'windows.read' };
    case 'route':
      return { path: ['/routes'], needs: 'convoys.read' };
    case 'user':
      return { path: ['/admin/users'], needs: 'users.manage' };
    case 'api_token':
      return { path: ['/admin/api-tokens'], needs: 'tokens.manage' };
  }
}
