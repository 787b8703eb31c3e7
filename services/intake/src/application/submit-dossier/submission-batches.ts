import { Inject, Injectable } from '@nestjs/common';
import { PgDatabase } from '@motcua/event-store';
import { DATABASE, IdempotentRequests } from '@motcua/platform';
import { decideDossier } from '../../domain/dossier/dossier.decider';
import { initialDossierState } from '../../domain/dossier/dossier.state';
import { DossierCodeAllocator } from '../dossier-codes/dossier-code.allocator';
import { ApplicantRegistry } from './applicant-registry';
import { DossierDraft, NewDossiers } from './new-dossier';
import type { SubmittedDossier } from './submit-dossier.command';

/** A submission checked and ready to store: only its writes remain. */
export interface ReadySubmission {
  portal: string;
  idempotencyKey: string;
  requestHash: string;
  draft: DossierDraft;
  now: Date;
}

export type SubmissionOutcome = { response: SubmittedDossier; replayed: boolean };

interface Waiting {
  submission: ReadySubmission;
  resolve(outcome: SubmissionOutcome): void;
  reject(error: unknown): void;
}

/** Enough to amortise a commit many times over, few enough that one transaction stays short. */
const MAX_BATCH = 100;

class KeyAlreadyTaken extends Error {}

/**
 * Group commit of online submissions, per unit and day. Each dossier takes the next number of its
 * unit's day from one counter row and holds that row's lock until its transaction commits, so one
 * after another they would each wait for the previous commit to reach the disk: a unit's whole
 * peak queued behind one row lock. Submissions that arrive while their unit's transaction runs
 * wait for it and then commit together: one lock, one counter update, one commit for them all,
 * the numbers still consecutive and given only to what commits. The first one after a quiet
 * spell goes at once, alone.
 */
@Injectable()
export class SubmissionBatches {
  private readonly waiting = new Map<string, Waiting[]>();
  private readonly draining = new Set<string>();

  constructor(
    @Inject(DATABASE) private readonly db: PgDatabase,
    private readonly idempotency: IdempotentRequests,
    private readonly dossiers: NewDossiers,
    private readonly applicants: ApplicantRegistry,
    private readonly codes: DossierCodeAllocator,
  ) {}

  submit(submission: ReadySubmission): Promise<SubmissionOutcome> {
    const unitDay = JSON.stringify([submission.draft.unit, submission.draft.localDate]);
    return new Promise((resolve, reject) => {
      this.waiting.set(unitDay, [...(this.waiting.get(unitDay) ?? []), { submission, resolve, reject }]);
      if (!this.draining.has(unitDay)) void this.drain(unitDay);
    });
  }

  private async drain(unitDay: string): Promise<void> {
    this.draining.add(unitDay);
    try {
      for (let queue = this.waiting.get(unitDay) ?? []; queue.length > 0; queue = this.waiting.get(unitDay) ?? []) {
        const { batch, rest } = nextBatch(queue);
        this.waiting.set(unitDay, rest);
        await this.commit(batch);
      }
    } finally {
      this.waiting.delete(unitDay);
      this.draining.delete(unitDay);
    }
  }

  /** Settles every submission of the batch; never throws. A batch that fails is retried one by one, so each gets its own answer. */
  private async commit(batch: Waiting[]): Promise<void> {
    try {
      const responses = await this.db.transaction(() => this.store(batch.map((w) => w.submission)));
      batch.forEach((w, i) => w.resolve({ response: responses[i], replayed: false }));
    } catch (error) {
      if (batch.length > 1) {
        for (const waiting of batch) await this.commit([waiting]);
        return;
      }
      await this.answerAlone(batch[0], error);
    }
  }

  private async store(batch: ReadySubmission[]): Promise<SubmittedDossier[]> {
    await this.applicants.rememberAll(batch.map((s) => s.draft.applicant));
    const codes = await this.codes.nextMany(batch[0].draft.unit, batch[0].draft.localDate, batch.length);
    const responses: SubmittedDossier[] = [];
    for (const [i, { draft, now }] of batch.entries()) {
      const submitted = draft.withCode(codes[i]);
      await this.dossiers.open(submitted.dossierId, decideDossier({ type: 'SubmitOnline', submitted }, initialDossierState), now);
      responses.push({ dossierId: submitted.dossierId, code: submitted.code, status: 'SUBMITTED' });
    }
    const taken = await this.idempotency.recordAll(batch.map((s, i) => ({ client: s.portal, key: s.idempotencyKey, hash: s.requestHash, response: responses[i] })));
    if (taken.length > 0) throw new KeyAlreadyTaken();
    return responses;
  }

  /** The same key committed first by a concurrent request (recordAll waited for it): answer as it was answered. */
  private async answerAlone({ submission, resolve, reject }: Waiting, error: unknown): Promise<void> {
    try {
      const earlier = error instanceof KeyAlreadyTaken ? await this.idempotency.recall<SubmittedDossier>(submission.portal, submission.idempotencyKey, submission.requestHash) : undefined;
      if (earlier) resolve({ response: earlier, replayed: true });
      else reject(error);
    } catch (recallError) {
      reject(recallError);
    }
  }
}

/** Up to MAX_BATCH in arrival order, a key at most once: its repeat goes next time, and finds the first one's answer. */
function nextBatch(queue: Waiting[]): { batch: Waiting[]; rest: Waiting[] } {
  const keys = new Set<string>();
  const batch: Waiting[] = [];
  const rest: Waiting[] = [];
  for (const waiting of queue) {
    const key = JSON.stringify([waiting.submission.portal, waiting.submission.idempotencyKey]);
    if (batch.length < MAX_BATCH && !keys.has(key)) {
      keys.add(key);
      batch.push(waiting);
    } else rest.push(waiting);
  }
  return { batch, rest };
}
