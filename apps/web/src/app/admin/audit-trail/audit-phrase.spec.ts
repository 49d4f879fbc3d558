import { wordsFor } from '../../core/i18n/testing/test-translations';
import { anAuditEntry } from '../testing/admin-fixtures';
import { auditPhrase, phraseText, targetLink } from './audit-phrase';

const EN = wordsFor('en');

describe('auditPhrase', () => {
  const sut = auditPhrase;

  it('says a sign-in in words, the person apart so it can be a link', () => {
    const parts = sut(anAuditEntry({ action: 'sign_in', entity: 'session', userName: 'Amina', recordLabel: null, target: { kind: 'user', id: 'u-1' } }), EN);

    expect(parts).toEqual([
      { kind: 'who', text: 'Amina' },
      { kind: 'text', text: ' signed in' },
    ]);
  });

  it('names the record and its kind: a camp changed, a convoy checked in', () => {
    expect(phraseText(sut(anAuditEntry(), EN))).toBe('Layla Haddad changed camp Atmeh border camp (new)');
    const checkIn = sut(anAuditEntry({ action: 'check_in', entity: 'convoy', recordLabel: 'Parcels to Atmeh', target: { kind: 'convoy', id: 'c-1' } }), EN);
    expect(checkIn).toContainEqual({ kind: 'record', text: 'Parcels to Atmeh' });
    expect(phraseText(checkIn)).toBe('Layla Haddad checked in convoy Parcels to Atmeh');
  });

  it('says a read of a list without a record, and what no user did as the system', () => {
    expect(phraseText(sut(anAuditEntry({ action: 'read', entity: 'user', entityId: null, recordLabel: null, target: null, userName: null }), EN))).toBe(
      'System looked at the user list',
    );
  });

  it('keeps an action it does not know readable, with its code', () => {
    expect(phraseText(sut(anAuditEntry({ action: 'end_early', entity: 'pause_window', recordLabel: null, target: null }), EN))).toBe('Layla Haddad: end_early, pause window');
  });

  it('puts the person where Arabic and Turkish put them', () => {
    const entry = anAuditEntry({ action: 'sign_in', entity: 'session', userName: 'أمينة', recordLabel: null });
    expect(phraseText(sut(entry, wordsFor('ar')))).toBe('سجّل أمينة الدخول');
    expect(phraseText(sut({ ...entry, userName: 'Amina' }, wordsFor('tr')))).toBe('Amina oturum açtı');
  });
});

describe('targetLink', () => {
  const sut = targetLink;

  it("leads to the record's page, with the permission the page needs", () => {
    expect(sut({ kind: 'camp', id: 'c-1' })).toEqual({ path: ['/camps', 'c-1'], needs: 'camps.read' });
    expect(sut({ kind: 'stock_point', id: 's-1' })).toEqual({ path: ['/stock', 's-1'], needs: 'stock.read' });
    expect(sut({ kind: 'user', id: 'u-1' })).toEqual({ path: ['/admin/users'], needs: 'users.manage' });
  });

  it('leads nowhere without a target', () => {
    expect(sut(null)).toBeUndefined();
  });
});
