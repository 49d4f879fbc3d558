import { REPORTS } from '@relief-ledger/domain';

import { describeCalendarDay, describeFilters, filterParams, formatCell, missingFilters, readReportFilters } from './report-query';

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
    expect(describeCalendarDay('2019-12-01')).toBe('1 Dec 2019');
  });
});

describe('formatCell', () => {
  const sut = formatCell;
  const zone = 'Asia/Damascus';

  it('groups figures', () => {
    expect(sut({ type: 'number' }, 20_000, zone)).toBe('20,000');
    expect(sut({ type: 'number' }, '1500', zone)).toBe('1,500');
  });

  it('reads an instant on the report clock', () => {
    expect(sut({ type: 'datetime' }, '2019-12-23T16:00:00.000Z', zone)).toBe('2019-12-23 18:00');
  });

  it('shows a local date and time as it is', () => {
    expect(sut({ type: 'datetime' }, '2019-12-23T18:00:00', zone)).toBe('2019-12-23 18:00');
    expect(sut({ type: 'datetime' }, '2019-12-23 18:00', zone)).toBe('2019-12-23 18:00');
  });

  it('leaves text and days as sent, and nothing as empty', () => {
    expect(sut({ type: 'text' }, 'مخيم أطمة الحدودي', zone)).toBe('مخيم أطمة الحدودي');
    expect(sut({ type: 'date' }, '2019-12-01', zone)).toBe('2019-12-01');
    expect(sut({ type: 'number' }, null, zone)).toBe('');
  });
});

describe('describeFilters', () => {
  const sut = describeFilters;

  it('says the period, the place and the rest in words, naming what it can', () => {
    const query = { from: '2019-12-01', to: '2019-12-31', pcode: 'SY0703', itemId: 'item-1', stockPointId: 'sp-9', donor: 'ECHO', level: 'district' as const };

    expect(sut(query, { location: 'Harem', items: new Map([['item-1', 'Family tent']]) })).toEqual([
      { label: 'Period', value: '1 Dec 2019 to 31 Dec 2019' },
      { label: 'Location', value: 'Harem (SY0703) and all in it' },
      { label: 'Stock point', value: 'sp-9' },
      { label: 'Item', value: 'Family tent' },
      { label: 'Donor', value: 'ECHO' },
      { label: 'Aggregated by', value: 'District (admin 2)' },
    ]);
  });

  it('reads an open end of the period', () => {
    expect(sut({ to: '2019-12-31' })).toEqual([{ label: 'Period', value: 'the start to 31 Dec 2019' }]);
  });
});
