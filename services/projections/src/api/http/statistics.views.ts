import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FigureView {
  @ApiProperty({ example: 982 }) numerator: number;
  @ApiProperty({ example: 1000 }) denominator: number;
  @ApiPropertyOptional({ example: 0.982, nullable: true, description: 'numerator / denominator (avg_resolution_time: the average, in timeUnit); null without a denominator' }) rate: number | null;
  @ApiPropertyOptional({ example: 0.8, nullable: true, description: 'Rate from which the maximum is earned (766); null for unscored indicators' }) threshold: number | null;
  @ApiPropertyOptional({ example: 20, nullable: true, description: 'Maximum points (sample values, see docs/analysts.md)' }) maxPoints: number | null;
  @ApiPropertyOptional({ example: 20, nullable: true, description: 'maxPoints at or above the threshold, else rate × maxPoints / threshold' }) points: number | null;
  @ApiPropertyOptional({ enum: ['WORKING_DAYS', 'WORKING_HOURS'], description: 'avg_resolution_time only' }) timeUnit?: 'WORKING_DAYS' | 'WORKING_HOURS';
}

export class IndicatorRowView {
  @ApiProperty({ example: '2025-01', description: 'Period key: 2025-01-31, 2025-01, 2025-Q1 or 2025' }) period: string;
  @ApiProperty({ example: { unit: 'H56.22', procedure: '1.001612' }, description: 'The value of each groupBy key (null: dossiers without one)' }) group: Record<string, string | null>;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/FigureView' }, description: 'By indicator id; an indicator with no dossier in its population for the row is absent' })
  indicators: Record<string, FigureView>;
}

export class IndicatorReportView {
  @ApiProperty({ type: [IndicatorRowView] }) rows: IndicatorRowView[];
}

export class DossierPageView {
  @ApiProperty({ type: [String], example: ['H56.22-250303-0001'] }) codes: string[];
  @ApiPropertyOptional({ nullable: true, description: 'Pass as `after` for the next page; null on the last page' }) next: string | null;
}
