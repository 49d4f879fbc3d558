import { FOOD_DAYS_LOW, othersByStatus, peopleReachedChart, toCampRow, toStockAlertLine } from './overview-view';
import { anOverview, anOverviewCamp, aStockAlert, peopleReachedDays } from './testing/overview-fixtures';
import { wordsFor } from '../core/i18n/testing/test-translations';

const EN = wordsFor('en');

describe('toCampRow', () => {
  const sut = toCampRow;

  it('counts the tents on site and those still needed, and flags the shortage', () => {
    expect(sut(anOverviewCamp(), EN)).toMatchObject({ tents: '500 on site, 340 needed', tentsShort: true });
  });

  it('says when no more tents are needed', () => {
    const camp = anOverviewCamp({ shelter: { households: 500, tentsOnSite: 520, tentsNeeded: 0, coveredShare: 1 } });

    expect(sut(camp, EN)).toMatchObject({ tents: '520 on site, none needed', tentsShort: false });
  });

  it(`flags fewer than ${FOOD_DAYS_LOW} days of food`, () => {
    expect(sut(anOverviewCamp({ foodDaysLeft: 1 }), EN)).toMatchObject({ food: '1 day', foodShort: true });
    expect(sut(anOverviewCamp({ foodDaysLeft: FOOD_DAYS_LOW }), EN)).toMatchObject({ food: '7 days', foodShort: false });
  });

  it('counts days of food with the six Arabic plural forms', () => {
    const days = [0, 1, 2, 3, 11, 100].map((foodDaysLeft) => sut(anOverviewCamp({ foodDaysLeft }), wordsFor('ar')).food);

    expect(days).toEqual(['لا أيام', 'يوم واحد', 'يومان', '3 أيام', '11 يومًا', '100 يوم']);
  });

  it('counts days of food in Turkish, with Arabic-Indic digits when chosen', () => {
    expect(sut(anOverviewCamp({ foodDaysLeft: 12 }), wordsFor('tr')).food).toBe('12 gün');
    expect(sut(anOverviewCamp({ foodDaysLeft: 120 }), wordsFor('ar', 'arab')).food).toBe('١٢٠ يومًا');
  });

  it('has no days of food for a camp nobody lives in', () => {
    expect(sut(anOverviewCamp({ foodDaysLeft: null }), EN)).toMatchObject({ food: 'No one on site', foodShort: false });
  });
});

describe('toStockAlertLine', () => {
  const sut = toStockAlertLine;

  it('gives the level and the days of cover against the alert', () => {
    expect(sut(aStockAlert(), EN)).toMatchObject({
      level: '120 family food parcels',
      reason: "3 days of cover at the last 14 days' rate; the alert is below 7 days",
    });
  });

  it('names the camps that are short while the store is empty', () => {
    const alert = aStockAlert({ level: 0, daysOfCover: null, reason: 'empty_while_camps_short', shortCamps: ['Atmeh border camp (new)', 'Sarmada north camp'] });

    expect(sut(alert, EN)).toMatchObject({ level: '0 family food parcels', reason: 'Empty while 2 camps are short: Atmeh border camp (new), Sarmada north camp' });
  });

  it('says "is" for a single short camp', () => {
    const alert = aStockAlert({ level: 0, reason: 'empty_while_camps_short', shortCamps: ['Atmeh border camp (new)'] });

    expect(sut(alert, EN).reason).toBe('Empty while 1 camp is short: Atmeh border camp (new)');
  });
});

describe('othersByStatus', () => {
  it('lists the statuses with convoys in the order a trip goes, leaving out the others', () => {
    expect(othersByStatus({ departed: 1, planned: 2, arrived: 0 })).toEqual([
      { status: 'planned', count: 2 },
      { status: 'departed', count: 1 },
    ]);
  });
});

describe('peopleReachedChart', () => {
  const sut = peopleReachedChart;

  it('puts last week and this week side by side, Monday first', () => {
    const chart = sut(anOverview().peopleReached, EN);

    expect(chart.labels).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(chart.lastWeek).toEqual([400, 500, 300, 600, 500, 400, 400]);
    expect(chart.thisWeek).toEqual([1_240, 0, 0, 0, 0, 0, 0]);
  });

  it('says both totals in words', () => {
    expect(sut(anOverview().peopleReached, EN).summary).toBe('This week so far 1,240 people reached; last week 3,100 people.');
  });

  it('counts one person as a person', () => {
    const reached = { thisWeek: 1, lastWeek: 0, days: peopleReachedDays(Array(14).fill(0)) };

    expect(sut(reached, EN).summary).toBe('This week so far 1 person reached; last week 0 people.');
  });
});
