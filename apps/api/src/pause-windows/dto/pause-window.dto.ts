import type {
  AnnouncedTime,
  CorrectPauseWindowRequest,
  CreatePauseWindowRequest,
  EndPauseWindowRequest,
  PauseWindowChange,
  PauseWindowChangedField,
  PauseWindowDetailResponse,
  PauseWindowEventKind,
  PauseWindowEventResponse,
  PauseWindowResponse,
  PauseWindowStatus,
} from '@relief-ledger/domain';
import { DayField, EnumField, IdField, InstantField, IntField, ListField, ObjectField, TextField } from '../../common/openapi/response-fields.js';
import { PAUSE_WINDOW_CHANGED_FIELDS, PAUSE_WINDOW_EVENT_KINDS, PAUSE_WINDOW_LIMITS, PAUSE_WINDOW_STATUSES, WALL_CLOCK_TIME } from '@relief-ledger/domain';
import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { CalendarDate, Count, Instant, Nested, OneOf, Text, Uuid, UuidList, said } from '../../common/validation/decorators.js';
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

const VERSION_DESCRIPTION = 'The version you last read (or send If-Match); a stale one is refused with 409';

export class EndPauseWindowDto implements EndPauseWindowRequest {
  @Instant({ optional: true, kind: 'past', description: 'When it ended; defaults to now. After its start, before its announced end, not in the future' }) endedAt?: string;
  @Text(PAUSE_WINDOW_LIMITS.sourceTextMaxLength, { description: 'Where the news came from, word for word' }) source: string;
  @Count(2_147_483_647, { optional: true, description: VERSION_DESCRIPTION }) version?: number;
}

export class CorrectPauseWindowDto implements CorrectPauseWindowRequest {
  @Text(PAUSE_WINDOW_LIMITS.announcedByMaxLength) announcedBy: string;
  @Text(PAUSE_WINDOW_LIMITS.sourceTextMaxLength) sourceText: string;
  @Text(64, { description: 'IANA zone the times were announced in' }) zone: string;
  @Nested(AnnouncedTimeDto, { description: 'As announced, with its date' }) start: AnnouncedTimeDto;
  @Nested(AnnouncedTimeDto) end: AnnouncedTimeDto;
  @UuidList(50) routeIds: string[];
  @UuidList(50) areaIds: string[];
  @Text(PAUSE_WINDOW_LIMITS.reasonMaxLength, { description: 'Why it is corrected: "entered 16:00, the announcement said 18:00"' }) reason: string;
  @Count(2_147_483_647, { optional: true, description: VERSION_DESCRIPTION }) version?: number;
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
  @IntField({ description: 'Increases on every change; send it back (body version or If-Match) to end or correct the window. Also the ETag' }) version: number;
}

const TextOrNames = (options: { description: string }) => ApiProperty({ oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }], ...options });

export class PauseWindowChangeDto implements PauseWindowChange {
  @EnumField(PAUSE_WINDOW_CHANGED_FIELDS) field: PauseWindowChangedField;
  @TextOrNames({ description: 'Before: text, an instant, or for routes and areas a list of names' }) from: string | string[];
  @TextOrNames({ description: 'After, in the same form' }) to: string | string[];
}

export class PauseWindowEventResponseDto implements PauseWindowEventResponse {
  @IdField() id: string;
  @EnumField(PAUSE_WINDOW_EVENT_KINDS) kind: PauseWindowEventKind;
  @IntField({ description: 'The version of the window this event made' }) version: number;
  @InstantField() recordedAt: string;
  @TextField({ nullable: true, description: "Who, for one's own organisation; null for another organisation's staff" }) recordedBy: string | null;
  @TextField() recordedByOrganisation: string;
  @ListField(PauseWindowChangeDto) changes: PauseWindowChangeDto[];
  @TextField({ nullable: true, description: 'Why it was corrected' }) reason: string | null;
  @TextField({ nullable: true, description: 'Where the news of the early end came from' }) source: string | null;
}

export class PauseWindowDetailResponseDto extends PauseWindowResponseDto implements PauseWindowDetailResponse {
  @ListField(PauseWindowEventResponseDto, { description: 'Entered, ended early, corrected: oldest first' }) history: PauseWindowEventResponseDto[];
}
