import { Body, Controller, Get, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertUnit, CLOCK, Clock, CurrentPrincipal, Principal, Roles } from '@motcua/platform';
import { EchoNoteRequest } from './echo-note.request';

@ApiTags('units')
@Controller('units/:unit')
export class UnitStatusController {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  @Get('status')
  @Roles('OPERATOR', 'ADMIN')
  @ApiOperation({ summary: "An operator's view of a unit (scoped to the operator's own unit)" })
  status(@Param('unit') unit: string, @CurrentPrincipal() principal: Principal) {
    assertUnit(principal, unit);
    return { unit, at: this.clock.now().toISOString() };
  }

  @Post('notes')
  @Roles('OPERATOR', 'ADMIN', 'PORTAL')
  @ApiOperation({ summary: 'Validates an operations note (no storage yet)' })
  note(@Param('unit') unit: string, @Body() body: EchoNoteRequest, @CurrentPrincipal() principal: Principal) {
    assertUnit(principal, unit);
    return { unit, text: body.text, severity: body.severity };
  }
}
