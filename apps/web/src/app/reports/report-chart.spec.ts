import { reportChart } from './report-chart';
import { aConvoysMonthlyPage, aReportPage } from './testing/report-fixtures';

describe('reportChart', () => {
  const sut = reportChart;

  it('counts the convoys of the monthly report by final status, in words too', () => {
    const chart = sut(aConvoysMonthlyPage());

    expect(chart?.data.labels).toEqual(['Arrived', 'Struck']);
    expect(chart?.data.series[0].values).toEqual([5, 1]);
    expect(chart?.summary).toBe('Convoys by final status: 5 arrived, 1 struck.');
  });

  it('names the statuses the API sends as codes', () => {
    const page = aConvoysMonthlyPage();
    page.rows = page.rows.map((row) => ({ ...row, status: String(row['status']).toLowerCase() === 'arrived' ? 'arrived' : 'struck' }));

    expect(sut(page)?.data.labels).toEqual(['Arrived', 'Struck']);
  });

  it('says when the chart shows only the rows of this page', () => {
    const page = { ...aConvoysMonthlyPage(), total: 40 };

    expect(sut(page)?.summary).toBe('Convoys by final status (the 3 rows on this page): 5 arrived, 1 struck.');
  });

  it('draws nothing for other reports', () => {
    expect(sut(aReportPage())).toBeUndefined();
  });
});
