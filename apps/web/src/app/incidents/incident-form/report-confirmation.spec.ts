import { wordsFor } from '../../core/i18n/testing/test-translations';
import { reportConfirmation } from './report-confirmation';

describe('reportConfirmation', () => {
  const sut = reportConfirmation;

  it('names what was reported and the pause windows it broke', () => {
    expect(sut({ incident: { kind: 'blocked_road', violatedWindowIds: [] }, replayed: false }, wordsFor('en'))).toBe(
      'Reported: blocked road, shared with every organisation.',
    );
    expect(sut({ incident: { kind: 'shelling', violatedWindowIds: ['w1', 'w2'] }, replayed: false }, wordsFor('en'))).toBe(
      'Reported: shelling, shared with every organisation. 2 pause windows marked violated.',
    );
  });

  it('says that a re-send was recorded once', () => {
    expect(sut({ incident: { kind: 'airstrike', violatedWindowIds: [] }, replayed: true }, wordsFor('en'))).toBe(
      'Reported: airstrike, shared with every organisation. (An earlier press had already reached the server; it is recorded once.)',
    );
  });

  it('says it in Arabic, with the plural forms of the windows broken', () => {
    const broken = [1, 2, 3, 11].map((count) =>
      sut({ incident: { kind: 'shelling', violatedWindowIds: Array.from({ length: count }, (_, i) => `w${i}`) }, replayed: false }, wordsFor('ar')),
    );

    expect(broken[0]).toBe('تم الإبلاغ: قصف مدفعي، وشوركت الحادثة مع جميع المنظمات. عُلِّمت فترة تهدئة واحدة على أنها خُرقت.');
    expect(broken[1]).toContain('عُلِّمت فترتا تهدئة على أنهما خُرقتا.');
    expect(broken[2]).toContain('عُلِّمت 3 فترات تهدئة');
    expect(broken[3]).toContain('عُلِّمت 11 فترة تهدئة');
  });

  it('says it in Turkish, the kind in lower case', () => {
    expect(sut({ incident: { kind: 'armed_attack', violatedWindowIds: ['w1'] }, replayed: false }, wordsFor('tr'))).toBe(
      'Bildirildi: silahlı saldırı; tüm kuruluşlarla paylaşıldı. 1 ateşkes penceresi ihlal edildi olarak işaretlendi.',
    );
  });
});
