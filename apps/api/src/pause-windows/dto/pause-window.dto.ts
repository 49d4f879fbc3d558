import type { AnnouncedTime, CreatePauseWindowRequest, PauseWindowResponse, PauseWindowStatus } from '@relief-ledger/domain';
import { DayField, EnumField, IdField, InstantField, ListField, ObjectField, TextField } from '../../common/openapi/response-fields.js';
import { PAUSE_WINDOW_LIMITS, PAUSE_WINDOW_STATUSES, WALL_CLOCK_TIME } from '@relief-ledger/domain';
import { Matches } from 'class-validator';
import { CalendarDate, Instant, Nested, OneOf, Text, Uuid, UuidList, said } from '../../common/validation/decorators.js';
import { PageQueryDto } from '../../common/validation/pagination.js';

export class AnnouncedTimeDto implements AnnouncedTime {
  @CalendarDate({ optional: true, kind: 'plan', description: 'Left out: today (start) or the first such time after the start (end)' }) date?: string;

  @Text(5, { description: 'Wall-clock time as announced, HH:mm' })
  @Matches(WALL_CLOCK_TIME, said('field.wall_time'))
  time: string;

  @Text(6, { optional: true, description: 'Only for a time that happened twice (clocks went back): +03:00 or +02:00' })
  @Matches(/^[+-]\d{2}:\d{2}$/, said('field.offset_form'))
  offset?: string;
}

export class CreatePauseWindowDto implements CreatePauseWindowRequest {
  @Uuid({ optional: true, description: 'Made up by the device; a re-send with it answers the first result (or send an Idempotency-Key header)' }) clientId?: string;
  @Text(PAUSE_WINDOW_LIMITS.announcedByMaxLength, { description: 'Who announced it: "Russia and the regime, notified to the UN"' }) announcedBy: string;
  @Text(PAUSE_WINDOW_LIMITS.sourceTextMaxLength, { description: 'The announcement as received' }) sourceText: string;
  @Instant({ optional: true, kind: 'past', description: 'Defaults to now' }) announcedAt?: string;
  @Text(64, { description: 'IANA zone the times were announced in' }) zone: string;
  @Nested(AnnouncedTimeDto, { optional: true, description: 'Left out: from now' }) start?: AnnouncedTimeDto;
  @Nested(AnnouncedTimeDto) end: AnnouncedTimeDto;
  @UuidList(50) routeIds: string[];
  @UuidList(50) areaIds: string[];
  @Text(PAUSE_WINDOW_LIMITS.notesMaxLength, { optional: true }) notes?: string;
}

export class PauseWindowListQueryDto extends PageQueryDto {
  @OneOf(PAUSE_WINDOW_STATUSES, { optional: true }) status?: PauseWindowStatus;
  @Uuid({ optional: true }) routeId?: string;
}

type WallClock = PauseWindowResponse['startsLocal'];
type WindowRoute = PauseWindowResponse['routes'][number];
type WindowArea = PauseWindowResponse['areas'][number];

/** A start or end as read on the wall clock of the window's zone. */
export class WallClockDto implements WallClock {
  @DayField() date: string;
  @TextField({ example: '18:00' }) time: string;
  @TextField({ example: '+02:00' }) offset: string;
}

export class WindowRouteDto implements WindowRoute {
  @IdField() id: string;
  @TextField() name: string;
}

export class WindowAreaDto implements WindowArea {
  @IdField() id: string;
  @TextField({ example: 'SY0702' }) pcode: string;
  @TextField() nameEn: string;
}

export class PauseWindowResponseDto implements PauseWindowResponse {
  @IdField() id: string;
  @TextField() announcedBy: string;
  @TextField({ description: 'The announcement as received, word for word' }) sourceText: string;
  @InstantField() announcedAt: string;
  @TextField({ example: 'Asia/Damascus' }) zone: string;
  @InstantField() startsAt: string;
  @InstantField() endsAt: string;
  @ObjectField(WallClockDto) startsLocal: WallClockDto;
  @ObjectField(WallClockDto) endsLocal: WallClockDto;
  @EnumField(PAUSE_WINDOW_STATUSES) status: PauseWindowStatus;
  @InstantField({ nullable: true, description: 'When an incident broke it' }) violatedAt: string | null;
  @IdField({ nullable: true }) violatedByIncidentId: string | null;
  @ListField(WindowRouteDto) routes: WindowRouteDto[];
  @ListField(WindowAreaDto) areas: WindowAreaDto[];
  @TextField({ nullable: true }) notes: string | null;
  @TextField({ description: 'The organisation that entered it' }) recordedByOrganisation: string;
  @InstantField() createdAt: string;
}
