import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CLOCK, Clock } from '@motcua/platform';
import { ProcedureDetail, ProcedureFilter, ProcedurePage, ProcedureQueries } from '../catalogue/procedure-queries';
import { ListedUnit, UnitDirectoryReader, UnitFilter } from '../catalogue/unit-directory';

export class ListProcedures {
  constructor(readonly filter: ProcedureFilter) {}
}

export class ViewProcedure {
  constructor(readonly code: string) {}
}

export class ListUnits {
  constructor(readonly filter: UnitFilter) {}
}

export class ViewUnit {
  constructor(readonly code: string) {}
}

/** Which version is in force is judged at the clock's now (simulations run on their own time). */
@QueryHandler(ListProcedures)
export class ListProceduresHandler implements IQueryHandler<ListProcedures, ProcedurePage> {
  constructor(
    private readonly procedures: ProcedureQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ filter }: ListProcedures): Promise<ProcedurePage> {
    return this.procedures.list(filter, this.clock.now());
  }
}

@QueryHandler(ViewProcedure)
export class ViewProcedureHandler implements IQueryHandler<ViewProcedure, ProcedureDetail> {
  constructor(
    private readonly procedures: ProcedureQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ code }: ViewProcedure): Promise<ProcedureDetail> {
    return this.procedures.detail(code, this.clock.now());
  }
}

@QueryHandler(ListUnits)
export class ListUnitsHandler implements IQueryHandler<ListUnits, ListedUnit[]> {
  constructor(private readonly units: UnitDirectoryReader) {}

  execute({ filter }: ListUnits): Promise<ListedUnit[]> {
    return this.units.list(filter);
  }
}

@QueryHandler(ViewUnit)
export class ViewUnitHandler implements IQueryHandler<ViewUnit, ListedUnit> {
  constructor(private readonly units: UnitDirectoryReader) {}

  execute({ code }: ViewUnit): Promise<ListedUnit> {
    return this.units.get(code);
  }
}
