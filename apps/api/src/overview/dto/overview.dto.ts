import { CONVOY_STATUSES, type ConvoyStatus, type OverviewCamp, type OverviewResponse, type PeopleReachedDay, type SPHERE, type StockAlert, type StockAlertReason } from '@relief-ledger/domain';
import { ApiProperty } from '@nestjs/swagger';
import { ShelterCoverageDto, SphereDto } from '../../camps/dto/camp.dto.js';
import { ConvoyResponseDto } from '../../convoys/dto/convoy.dto.js';
import { IncidentResponseDto } from '../../incidents/dto/incident.dto.js';
import { DayField, EnumField, IdField, InstantField, IntField, ListField, NumberField, ObjectField, TextField, TextListField } from '../../common/openapi/response-fields.js';
import { PauseWindowResponseDto } from '../../pause-windows/dto/pause-window.dto.js';

type OverviewWindows = OverviewResponse['windows'];
type OverviewConvoys = OverviewResponse['convoys'];
type PeopleReached = OverviewResponse['peopleReached'];
const STOCK_ALERT_REASONS: readonly StockAlertReason[] = ['low_cover', 'empty_while_camps_short'];

export class OverviewCampDto implements OverviewCamp {
  @IdField() id: string;
  @TextField() nameEn: string;
  @TextField() nameAr: string;
  @TextField({ example: 'open' }) status: string;
  @IntField({ minimum: 0 }) population: number;
  @IntField({ minimum: 0 }) households: number;
  @ObjectField(ShelterCoverageDto) shelter: ShelterCoverageDto;
  @IntField({ nullable: true, minimum: 0, description: 'Whole days of food left for everyone on site; null when nobody lives there' }) foodDaysLeft: number | null;
  @NumberField({ minimum: 0, maximum: 1, description: '0 (nothing) to 1 (fully covered): the worse of shelter and food (food counted against 30 days)' }) severity: number;
}

export class StockAlertDto implements StockAlert {
  @IdField() stockPointId: string;
  @TextField() stockPointName: string;
  @IdField() itemId: string;
  @TextField() itemCode: string;
  @TextField() itemNameEn: string;
  @TextField() itemNameAr: string;
  @TextField() unit: string;
  @IntField({ minimum: 0 }) level: number;
  @NumberField({ minimum: 0, description: 'Units distributed and lost per day over the last 14 days' }) dailyOutflow: number;
  @IntField({ nullable: true, minimum: 0, description: 'Level divided by the daily outflow, rounded down; null when nothing went out' }) daysOfCover: number | null;
  @IntField({ minimum: 0 }) thresholdDays: number;
  @EnumField(STOCK_ALERT_REASONS) reason: StockAlertReason;
  @TextListField({ description: 'Camps this point supplies that are short' }) shortCamps: string[];
}

export class PeopleReachedDayDto implements PeopleReachedDay {
  @DayField({ description: 'Local calendar day at the sites' }) day: string;
  @IntField({ minimum: 0 }) people: number;
}

export class OverviewWindowsDto implements OverviewWindows {
  @ListField(PauseWindowResponseDto) inForce: PauseWindowResponseDto[];
  @ListField(PauseWindowResponseDto, { description: 'Violated within the last 72 hours' }) recentlyViolated: PauseWindowResponseDto[];
}

export class OverviewConvoysDto implements OverviewConvoys {
  @ListField(ConvoyResponseDto, { description: "The organisation's convoys on the road and those planned to leave today, overdue first" }) own: ConvoyResponseDto[];

  @ApiProperty({
    type: 'object',
    description: "Other organisations' convoys: counts by status only, never which or where. A status none is in is left out",
    properties: Object.fromEntries(CONVOY_STATUSES.map((status) => [status, { type: 'integer', minimum: 1 }])),
  })
  othersByStatus: Partial<Record<ConvoyStatus, number>>;
}

export class PeopleReachedDto implements PeopleReached {
  @IntField({ minimum: 0 }) thisWeek: number;
  @IntField({ minimum: 0 }) lastWeek: number;
  @ListField(PeopleReachedDayDto, { description: "14 days, oldest first: last week's 7 then this week's 7 (weeks start on Monday)" }) days: PeopleReachedDayDto[];
}

export class OverviewResponseDto implements OverviewResponse {
  @InstantField() generatedAt: string;
  @TextField({ example: 'Asia/Damascus', description: 'The zone the days and weeks are counted in' }) zone: string;
  @ObjectField(OverviewWindowsDto) windows: OverviewWindowsDto;
  @ObjectField(OverviewConvoysDto) convoys: OverviewConvoysDto;
  @ListField(OverviewCampDto, { description: 'Worst first' }) camps: OverviewCampDto[];
  @ListField(StockAlertDto) stockAlerts: StockAlertDto[];
  @ListField(IncidentResponseDto, { description: "Every organisation's incidents of the last 72 hours" }) incidents: IncidentResponseDto[];
  @ObjectField(PeopleReachedDto) peopleReached: PeopleReachedDto;
  @ObjectField(SphereDto) sphere: typeof SPHERE;
}
