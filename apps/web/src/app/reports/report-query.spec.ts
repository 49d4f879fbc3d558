import { REPORTS } from '@relief-ledger/domain';

import { wordsFor } from '../core/i18n/testing/test-translations';
import { cellWords, describeCalendarDay, describeFilters, describeMissing, filterParams, formatCell, missingFilters, readReportFilters } from './report-query';

const en = wordsFor('en');

describe('readReportFilters', () => {
  const sut = readReportFilters;

  it('keeps the filters the report takes, trimmed', () => {
    expect(sut(REPORTS['4w'], { from: '2019-12-01', to: '2019-12-31', pcode: ' SY0703 ', level: 'district' })).toEqual({
      from: '2019-12-01',
      to: '2019-12-31',
      pcode: 'SY0703',
      level: 'district',
    });
  });

  it('leaves out the filters of other reports, which the API would refuse', () => {
    expect(sut(REPORTS['convoy-log'], { from: '2019-12-01', donor: 'ECHO', pcode: 'SY07' })).toEqual({ from: '2019-12-01' });
  });

  it('leaves out days that are not days and levels that are not levels', () => {
    expect(sut(REPORTS['4w'], { from: '2019-02-30', to: 'yesterday', level: 'village' })).toEqual({});
  });

  it('leaves out empty values', () => {
    expect(sut(REPORTS['receipts-by-donor'], { donor: '  ', itemId: '' })).toEqual({});
  });
});

describe('missingFilters', () => {
  it('names the stock card filters not yet chosen', () => {
    expect(missingFilters(REPORTS['stock-card'], { stockPointId: 'sp-1' })).toEqual(['itemId']);
    expect(missingFilters(REPORTS['4w'], {})).toEqual([]);
  });
});

describe('filterParams', () => {
  it('sets every filter in the address, clearing those not set', () => {
    expect(filterParams({ from: '2019-12-01', level: 'camp' })).toEqual({
      from: '2019-12-01',
      to: null,
      pcode: null,
      campId: null,
      stockPointId: null,
      itemId: null,
      donor: null,
      level: 'camp',
    });
  });
});

describe('describeCalendarDay', () => {
  it('names the day without moving it by a zone', () => {
    expect(describeCalendarDay('2019-12-01', en)).toBe('1 Dec 2019');
  });

  it('names it in Arabic and Turkish, on the Gregorian calendar', () => {
    expect(describeCalendarDay('2019-12-01', wordsFor('ar'))).toBe('1 كانون الأول 2019');
    expect(describeCalendarDay('2019-12-01', wordsFor('tr'))).toBe('1 Ara 2019');
  });
});

describe('formatCell', () => {
  const sut = formatCell;
  const zone = 'Asia/Damascus';

  it('groups figures', () => {
    expect(sut({ type: 'number' }, 20_000, zone, en)).toBe('20,000');
    expect(sut({ type: 'number' }, '1500', zone, en)).toBe('1,500');
  });

  it('reads an instant on the report clock', () => {
    expect(sut({ type: 'datetime' }, '2019-12-23T16:00:00.000Z', zone, en)).toBe('2019-12-23 18:00');
  });

  it('shows a local date and time as it is', () => {
    expect(sut({ type: 'datetime' }, '2019-12-23T18:00:00', zone, en)).toBe('2019-12-23 18:00');
    expect(sut({ type: 'datetime' }, '2019-12-23 18:00', zone, en)).toBe('2019-12-23 18:00');
  });

  it('leaves text and days as sent, and nothing as empty', () => {
    expect(sut({ type: 'text' }, 'مخيم أطمة الحدودي', zone, en)).toBe('مخيم أطمة الحدودي');
    expect(sut({ type: 'date' }, '2019-12-01', zone, en)).toBe('2019-12-01');
    expect(sut({ type: 'number' }, null, zone, en)).toBe('');
  });
});

describe('describeFilters', () => {
  const sut = describeFilters;

  it('says the period, the place and the rest in words, naming what it can', () => {
    const query = { from: '2019-12-01', to: '2019-12-31', pcode: 'SY0703', itemId: 'item-1', stockPointId: 'sp-9', donor: 'ECHO', level: 'district' as const };

    expect(sut(query, en, { location: 'Harem', items: new Map([['item-1', 'Family tent']]) })).toEqual([
      { label: 'Period', value: '1 Dec 2019 to 31 Dec 2019' },
      { label: 'Location', value: 'Harem (SY0703) and all in it' },
      { label: 'Stock point', value: 'sp-9' },
      { label: 'Item', value: 'Family tent' },
      { label: 'Donor', value: 'ECHO' },
      { label: 'Aggregated by', value: 'District (admin 2)' },
    ]);
  });

  it('reads an open end of the period', () => {
    expect(sut({ to: '2019-12-31' }, en)).toEqual([{ label: 'Period', value: 'the start to 31 Dec 2019' }]);
  });
});

describe('formatCell in Arabic', () => {
  it('groups figures and writes days and times in the digits the user chose', () => {
    expect(formatCell({ type: 'number' }, 20_000, 'Asia/Damascus', wordsFor('ar'))).toBe('20,000');
    expect(formatCell({ type: 'number' }, 20_000, 'Asia/Damascus', wordsFor('ar', 'arab'))).toBe('٢٠٬٠٠٠');
    expect(formatCell({ type: 'datetime' }, '2019-12-23T16:00:00.000Z', 'Asia/Damascus', wordsFor('ar', 'arab'))).toBe('٢٠١٩-١٢-٢٣ ١٨:٠٠');
  });
});

describe('cellWords', () => {
  const sut = cellWords;

  it('says the codes of a report in words, in the user\'s language', () => {
    expect(sut('convoy-log', 'status', 'arrived', en)).toBe('Arrived');
    expect(sut('convoys-monthly', 'purpose', 'evacuation', wordsFor('ar'))).toBe('إجلاء');
    expect(sut('incidents', 'kind', 'airstrike', wordsFor('tr'))).toBe('Hava saldırısı');
    expect(sut('stock-card', 'kind', 'Transfer out', wordsFor('ar'))).toBe('تحويل صادر');
    expect(sut('stock-card', 'kind', 'Opening balance', wordsFor('ar'))).toBe('الرصيد الافتتاحي');
    expect(sut('stock-card', 'counterpart', 'looted', wordsFor('tr'))).toBe('Yağmalandı');
    expect(sut('4w', 'status', 'Completed', wordsFor('ar'))).toBe('مكتمل');
  });

  it('leaves names, references and codes it does not know as sent', () => {
    expect(sut('stock-card', 'counterpart', 'Sarmada warehouse', en)).toBeUndefined();
    expect(sut('convoy-log', 'status', 'lost', en)).toBeUndefined();
    expect(sut('4w', 'camp', 'مخيم أطمة', en)).toBeUndefined();
  });
});

describe('describeMissing', () => {
  it('names the filters still to choose, joined as the language joins them', () => {
    expect(describeMissing(['stockPointId', 'itemId'], en)).toBe('Choose the stock point and item to make this report.');
    expect(describeMissing(['stockPointId', 'itemId'], wordsFor('ar'))).toBe('اختر نقطة المخزون والمادة لإعداد هذا التقرير.');
    expect(describeMissing(['stockPointId', 'itemId'], wordsFor('tr'))).toBe('Bu raporu hazırlamak için şunları seçin: stok noktası ve malzeme.');
    expect(describeMissing([], en)).toBe('');
  });
});
