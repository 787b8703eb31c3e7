import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { IndicatorDirtyDossierEntity } from '../../projections/indicator-totals/indicator-totals.entities';

/** How far the indicator totals are behind the facts: dossiers queued for recomputation (reports stay exact; they count these live). */
@Injectable()
export class IndicatorTotalsLag {
  constructor(@InjectRepository(IndicatorDirtyDossierEntity) private readonly queue: Repository<IndicatorDirtyDossierEntity>) {}

  queued(): Promise<number> {
    return this.queue.count();
  }
}
