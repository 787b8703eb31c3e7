import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { assertDossierAccess, ForbiddenError, NotFoundError, Principal } from '@motcua/platform';
import { Repository } from 'typeorm';
import { DossierFactEntity } from '../../projections/dossier-facts/dossier-fact.entity';
import { TimelineEntryEntity } from '../../projections/dossier-timeline/timeline-entry.entity';
import { DossierTimelineView } from './dossier-timeline.view';

export class DossierNotFoundError extends NotFoundError {
  constructor() {
    super('DOSSIER.NOT_FOUND', 'No dossier is known by this code');
  }
}

const iso = (value: Date | null) => value?.toISOString() ?? null;

/** A dossier's status and steps by the code the applicant holds. */
@Injectable()
export class GetTimeline {
  constructor(
    @InjectRepository(DossierFactEntity) private readonly facts: Repository<DossierFactEntity>,
    @InjectRepository(TimelineEntryEntity) private readonly timeline: Repository<TimelineEntryEntity>,
  ) {}

  async byCode(code: string, caller: Principal): Promise<DossierTimelineView> {
    const facts = await this.facts.findOne({ where: { code } });
    if (!facts) throw new DossierNotFoundError();
    // A portal sees only the dossiers it submitted (OWASP API1), and another's reads exactly as an
    // unknown code, so that codes cannot be probed. Officers follow the dossier's path, not one unit.
    if (caller.kind === 'portal') assertDossierAccess(caller, { unit: facts.unit ?? '', portal: facts.portal ?? undefined }, () => new DossierNotFoundError());
    else assertOfficerSees(caller, facts);
    const steps = await this.timeline.find({ where: { dossierId: facts.dossierId }, order: { occurredAt: 'ASC', eventId: 'ASC' } });
    return {
      ...{ code, status: facts.status, procedureCode: facts.procedureCode, procedureName: facts.procedureName },
      ...{ submittedAt: iso(facts.submittedAt), receivedAt: iso(facts.receivedAt), dueAt: iso(facts.dueAt), newAppointmentAt: iso(facts.newAppointmentAt), outcome: facts.outcome },
      steps: steps.map((s) => ({ at: s.occurredAt.toISOString(), status: s.statusAfter, eventType: s.eventType, service: s.service, actorRole: s.actorRole })),
    };
  }
}

/** Officers of the receiving unit, of its successor, or of an agency the dossier passes through. */
function assertOfficerSees(caller: Principal & { kind: 'officer' }, facts: DossierFactEntity): void {
  const units = [facts.unit, facts.successorUnit, facts.department, facts.currentAgency, ...facts.agencies].filter((u): u is string => u !== null);
  if (caller.role !== 'ADMIN' && !units.includes(caller.unit)) throw new ForbiddenError('AUTH.OTHER_UNIT', 'This dossier belongs to another administrative unit');
}
