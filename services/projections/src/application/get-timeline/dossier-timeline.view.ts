import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class TimelineStepView {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ example: 'RECEIVED' }) status: string;
  @ApiProperty({ example: 'DossierReceived' }) eventType: string;
  @ApiProperty({ example: 'intake' }) service: string;
  @ApiProperty({ enum: ['APPLICANT', 'PORTAL', 'RECEPTION_OFFICER', 'PROCESSING_OFFICER', 'LEADER', 'SYSTEM'] }) actorRole: string;
}

/** What a portal shows an applicant holding a dossier code ("tra cứu hồ sơ"); no personal data. */
export class DossierTimelineView {
  @ApiProperty({ example: 'H56.22-250106-0001' }) code: string;
  @ApiProperty({ example: 'IN_PROCESSING' }) status: string;
  @ApiPropertyOptional({ example: '1.001612' }) procedureCode: string | null;
  @ApiPropertyOptional() procedureName: string | null;
  @ApiPropertyOptional({ format: 'date-time' }) submittedAt: string | null;
  @ApiPropertyOptional({ format: 'date-time' }) receivedAt: string | null;
  @ApiPropertyOptional({ format: 'date-time', description: 'The due date now (moved by pauses and approved extensions)' }) dueAt: string | null;
  @ApiPropertyOptional({ format: 'date-time', description: 'New appointment of an apology letter, if any' }) newAppointmentAt: string | null;
  @ApiPropertyOptional({ enum: ['APPROVED', 'DENIED'] }) outcome: string | null;
  @ApiProperty({ type: [TimelineStepView] }) steps: TimelineStepView[];
}
