import { wordsFor } from '../core/i18n/testing/test-translations';
import { reportChart } from './report-chart';
import { aConvoysMonthlyPage, aReportPage } from './testing/report-fixtures';

describe('reportChart', () => {
  const sut = reportChart;

  it('counts the convoys of the monthly report by final status, in words too', () => {
    const chart = sut(aConvoysMonthlyPage(), wordsFor('en'));

    expect(chart?.data.labels).toEqual(['Arrived', 'Struck']);
    expect(chart?.data.series[0].values).toEqual([5, 1]);
    expect(chart?.data.series[0].label).toBe('Convoys');
    expect(chart?.summary).toBe('Convoys by final status: 5 arrived, 1 struck.');
  });

  it('names the statuses the API sends as codes', () => {
    expect(sut(withStatusCodes(), wordsFor('en'))?.data.labels).toEqual(['Arrived', 'Struck']);
  });

  it('says when the chart shows only the rows of this page', () => {
    const page = { ...aConvoysMonthlyPage(), total: 40 };

    expect(sut(page, wordsFor('en'))?.summary).toBe('Convoys by final status (the 3 rows on this page): 5 arrived, 1 struck.');
  });

  it('labels the bars and says the summary in Arabic and Turkish', () => {
    const arabic = sut(withStatusCodes(), wordsFor('ar'));
    expect(arabic?.data.labels).toEqual(['وصلت', 'استُهدفت']);
    expect(arabic?.data.series[0].label).toBe('القوافل');
    expect(arabic?.summary).toContain('القوافل حسب الحالة النهائية');
    expect(arabic?.summary).toContain('وصلت: 5');

    const turkish = sut(withStatusCodes(), wordsFor('tr'));
    expect(turkish?.data.labels).toEqual(['Vardı', 'Saldırıya uğradı']);
    expect(turkish?.summary).toBe('Son duruma göre konvoylar: vardı: 5, saldırıya uğradı: 1.');
  });

  it('draws nothing for other reports', () => {
    expect(sut(aReportPage(), wordsFor('en'))).toBeUndefined();
  });

  function withStatusCodes() {
    const page = aConvoysMonthlyPage();
    page.rows = page.rows.map((row) => ({ ...row, status: String(row['status']).toLowerCase() === 'arrived' ? 'arrived' : 'struck' }));
    return page;
  }
});
