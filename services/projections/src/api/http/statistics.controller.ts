import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, NotFoundError, Principal, Roles } from '@motcua/platform';
import { DrillDown } from '../../application/get-indicators/drill-down.query';
import { GetIndicators } from '../../application/get-indicators/get-indicators.query';
import { INDICATOR_IDS, isIndicatorId, type IndicatorId } from '../../domain/indicators';
import { decodeCursor, encodeCursor } from './statistics-range';
import { DrillDownRequest, IndicatorsRequest } from './statistics.requests';
import { DossierPageView, FigureView, IndicatorReportView } from './statistics.views';

export class UnknownIndicatorError extends NotFoundError {
  constructor() {
    super('INDICATOR.NOT_FOUND', `No indicator has this id; the ids are ${INDICATOR_IDS.join(', ')}`);
  }
}

const basis = (units: 'successor' | 'reception' | undefined) => (units === 'reception' ? 'unit' : 'successorUnit');

@ApiTags('statistics')
@ApiBearerAuth('officer')
@ApiExtraModels(FigureView)
@ApiResponse({ status: 400, description: 'A parameter is not valid (REQUEST.INVALID, each field named)' })
@ApiResponse({ status: 403, description: 'Not ANALYST, LEADER or ADMIN, or a unit outside the caller\'s own and those under it (AUTH.OTHER_UNIT)' })
@Controller('statistics/indicators')
export class StatisticsController {
  constructor(
    private readonly indicators: GetIndicators,
    private readonly drillDown: DrillDown,
  ) {}

  @Get()
  @Roles('ANALYST', 'LEADER', 'ADMIN')
  @ApiOperation({ summary: 'Decision 766 indicators per period and group: numerator, denominator, rate, threshold, maximum and earned points' })
  @ApiOkResponse({ type: IndicatorReportView })
  report(@Query() q: IndicatorsRequest, @CurrentPrincipal() caller: Principal): Promise<IndicatorReportView> {
    return this.indicators.run(
      { from: q.from, to: q.to, period: q.period ?? 'month', groupBy: q.groupBy ?? [], indicators: q.indicator ?? [], by: basis(q.units), unit: q.unit },
      caller,
    );
  }

  @Get(':id/dossiers')
  @Roles('ANALYST', 'LEADER', 'ADMIN')
  @ApiOperation({ summary: "The dossier codes behind one figure (a period and a group) of the report, by code, paged" })
  @ApiParam({ name: 'id', enum: INDICATOR_IDS })
  @ApiOkResponse({ type: DossierPageView })
  @ApiResponse({ status: 404, description: 'No indicator has this id (INDICATOR.NOT_FOUND)' })
  async dossiers(@Param('id') id: string, @Query() q: DrillDownRequest, @CurrentPrincipal() caller: Principal): Promise<DossierPageView> {
    if (!isIndicatorId(id)) throw new UnknownIndicatorError();
    const group = { unit: q.unit, successorUnit: q.successorUnit, department: q.department, procedure: q.procedure, field: q.field, channel: q.channel };
    const page = await this.drillDown.run(
      {
        ...{ id: id satisfies IndicatorId, side: q.side, period: q.period ?? 'month', on: q.from, by: basis(q.units), limit: q.limit ?? 100 },
        group: Object.fromEntries(Object.entries(group).filter(([, v]) => v !== undefined)),
        after: q.after === undefined ? undefined : (decodeCursor(q.after) ?? undefined),
      },
      caller,
    );
    return { codes: page.codes, next: page.last === null ? null : encodeCursor(page.last) };
  }
}
