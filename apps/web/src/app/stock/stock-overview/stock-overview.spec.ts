import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { of } from 'rxjs';

import { provideTestTranslations } from '../../core/i18n/testing/test-translations';
import { LookupsApi } from '../../shared/lookups/lookups-api';
import { aFoodParcel, anItem, aStockPoint, aWarehouse, ATMEH_STORE_ID, FOOD_PARCEL_ID, SARMADA_WAREHOUSE_ID } from '../../shared/lookups/testing/lookup-fixtures';
import { StockApi } from '../stock-api';
import { aLevel } from '../testing/stock-fixtures';
import { StockOverview } from './stock-overview';

describe('StockOverview', () => {
  let listStockPoints: jest.Mock;

  beforeEach(() => {
    listStockPoints = jest.fn(() => of([aStockPoint(), aWarehouse()]));
    TestBed.configureTestingModule({
      providers: [
        { provide: LookupsApi, useValue: { listStockPoints } },
        {
          provide: StockApi,
          useValue: {
            listLevels: (id: string) =>
              of(
                id === SARMADA_WAREHOUSE_ID
                  ? [aLevel({ stockPointId: id, itemId: FOOD_PARCEL_ID, itemCode: 'FOOD-PARCEL', itemName: 'Family food parcel', unit: 'parcel', quantity: 16_340 })]
                  : [aLevel()],
              ),
          },
        },
        provideRouter([]),
      ],
    });
  });

  async function openOverview(): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(StockOverview);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows every stock point with what it holds', async () => {
    const sut = await openOverview();

    const cards = Array.from(sut.querySelectorAll('li.point')).map((card) => ({
      name: card.querySelector('h2')?.textContent?.trim(),
      levels: Array.from(card.querySelectorAll('tbody tr')).map((row) => row.textContent?.replace(/\s+/g, ' ').trim()),
    }));
    expect(cards).toEqual([
      { name: 'Atmeh camp store', levels: ['Family tent 480 tent'] },
      { name: 'Sarmada warehouse', levels: ['Family food parcel 16,340 parcel'] },
    ]);
  });

  it('links each stock point to its page', async () => {
    const sut = await openOverview();

    expect(sut.querySelector('h2 a')?.getAttribute('href')).toBe(`/${ATMEH_STORE_ID}`);
  });

  it('says so when the organisation has no stock point', async () => {
    listStockPoints.mockReturnValue(of([]));

    const sut = await openOverview();

    expect(sut.textContent).toContain('no warehouse or camp store yet');
  });
  it('names the items in Arabic from the catalogue, and the figures without the English units', async () => {
    TestBed.configureTestingModule({
      providers: [...provideTestTranslations('ar'), { provide: LookupsApi, useValue: { listStockPoints, listItems: () => of([anItem(), aFoodParcel()]) } }],
    });

    const sut = await openOverview();

    const first = sut.querySelector('li.point');
    expect(first?.querySelector('.meta')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('مخزن المخيم · Atmeh');
    expect(first?.querySelector('tbody tr')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('خيمة عائلية 480');
    expect(first?.querySelector('table')?.getAttribute('aria-label')).toBe('المخزون في \u2068Atmeh camp store\u2069');
  });
});
