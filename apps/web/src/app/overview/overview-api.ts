import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { OverviewCamp, OverviewResponse, StockAlert } from '@relief-ledger/domain';
import { catchError, map, Observable } from 'rxjs';

import { hasNumbers, hasStrings, isRecord, unexpectedAnswer } from '../core/http/read-json';
import { rethrowAsProblem } from '../core/problems/to-problem';
import { readConvoyOrThrow } from '../convoys/convoys-api';
import { readIncidentOrThrow } from '../incidents/incidents-api';
import { readWindowOrThrow } from '../pause-windows/pause-windows-api';

const API = '/api/v1/overview';

/** The landing page's one answer: what needs the signed-in user now. Fails with a `ProblemError`. */
@Injectable({ providedIn: 'root' })
export class OverviewApi {
  private readonly http = inject(HttpClient);

  getOverview(): Observable<OverviewResponse> {
    return this.http.get<unknown>(API).pipe(map(readOverviewOrThrow), catchError(rethrowAsProblem));
  }
}

function readOverviewOrThrow(value: unknown): OverviewResponse {
  if (!isRecord(value) || !hasStrings(value, ['generatedAt', 'zone'])) throw unexpectedAnswer('an overview');
  const { windows, convoys, camps, stockAlerts, incidents, peopleReached, sphere } = value;
  if (
    !isRecord(windows) ||
    !Array.isArray(windows['inForce']) ||
    !Array.isArray(windows['recentlyViolated']) ||
    !isRecord(convoys) ||
    !Array.isArray(convoys['own']) ||
    !isRecord(convoys['othersByStatus']) ||
    !Array.isArray(camps) ||
    !Array.isArray(stockAlerts) ||
    !Array.isArray(incidents) ||
    !isRecord(peopleReached) ||
    !hasNumbers(peopleReached, ['thisWeek', 'lastWeek']) ||
    !Array.isArray(peopleReached['days']) ||
    !isRecord(sphere)
  ) {
    throw unexpectedAnswer('an overview');
  }
  windows['inForce'].forEach(readWindowOrThrow);
  windows['recentlyViolated'].forEach(readWindowOrThrow);
  convoys['own'].forEach(readConvoyOrThrow);
  camps.forEach(readCampOrThrow);
  stockAlerts.forEach(readStockAlertOrThrow);
  incidents.forEach(readIncidentOrThrow);
  return value as unknown as OverviewResponse;
}

function readCampOrThrow(value: unknown): OverviewCamp {
  if (
    !isRecord(value) ||
    !hasStrings(value, ['id', 'nameEn', 'nameAr']) ||
    !hasNumbers(value, ['households', 'population']) ||
    !isRecord(value['shelter']) ||
    !hasNumbers(value['shelter'], ['tentsOnSite', 'tentsNeeded', 'coveredShare']) ||
    !(value['foodDaysLeft'] === null || typeof value['foodDaysLeft'] === 'number')
  ) {
    throw unexpectedAnswer('a camp of the overview');
  }
  return value as unknown as OverviewCamp;
}

function readStockAlertOrThrow(value: unknown): StockAlert {
  if (
    !isRecord(value) ||
    !hasStrings(value, ['stockPointId', 'stockPointName', 'itemId', 'itemNameEn', 'unit', 'reason']) ||
    !hasNumbers(value, ['level', 'thresholdDays']) ||
    !Array.isArray(value['shortCamps'])
  ) {
    throw unexpectedAnswer('a stock alert');
  }
  return value as unknown as StockAlert;
}
