import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, ROLES, Roles } from '@motcua/platform';
import { RecordReorganisation, ReorganisationOutcome } from '../../application/reorganise-units/record-reorganisation.handler';
import { RecordReorganisationRequest } from './reorganisation.requests';
import { ReorganisationsReader, ReorganisationView } from '../../application/reorganise-units/reorganisations.reader';

const instant = (value: string) => new Date(value).toISOString();

/** Reorganisations of administrative units (the 2025 reform): recorded by administrators, after a dry run. */
@ApiTags('catalogue')
@Controller('catalogue/reorganisations')
export class ReorganisationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly reader: ReorganisationsReader,
  ) {}

  @Post()
  @HttpCode(200)
  @Roles('ADMIN')
  @ApiOperation({
    summary: 'Record a reorganisation (units merged into successors from an effective date, levels abolished), or with dryRun only answer what would move',
    description: 'Answers per merged unit its successor and its dossiers in flight by state. When recorded, the merged units cease at effectiveAt and their dossiers in flight move to the successors from then on.',
  })
  record(@Body() body: RecordReorganisationRequest, @CurrentPrincipal() admin: Principal): Promise<ReorganisationOutcome> {
    const register = (body.register ?? []).map(({ validTo, parent, successorOf = [], sample = false, ...rest }) => ({
      ...rest, successorOf, sample, validFrom: instant(rest.validFrom), ...(parent ? { parent } : {}), ...(validTo ? { validTo: instant(validTo) } : {}),
    }));
    const reorganisation = {
      id: body.id, effectiveAt: instant(body.effectiveAt), transitionEndsAt: instant(body.transitionEndsAt),
      mergers: body.mergers.map((m) => ({ successor: m.successor, merged: m.merged })), abolishedLevels: body.abolishedLevels ?? [],
    };
    return this.commands.execute(new RecordReorganisation(reorganisation, register, body.dryRun ?? false, admin));
  }

  @Get()
  @Roles(...ROLES)
  @ApiOperation({ summary: 'The reorganisations recorded, newest effective first' })
  list(): Promise<ReorganisationView[]> {
    return this.reader.list();
  }
}
