import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { CurrentPrincipal, DomainError, isTransient, NotFoundError, Principal, Roles, uuidParam, ValidationFailedError } from '@motcua/platform';
import { DeadLetterRecord } from '../inbox/dead-letters';
import { DeadLetterNotOpenError, discardDeadLetter, redriveDeadLetter } from '../inbox/dead-letter-queue';
import { MessagingRuntime } from './messaging.runtime';

const GROUP = /^[A-Za-z0-9._-]{1,249}$/;

export class DeadLetterQuery {
  /** One consumer group's (e.g. processing.motcua.intake.events.v1); all when absent. */
  @IsOptional()
  @Matches(GROUP, { message: 'consumer must be a consumer group name' })
  consumer?: string;

  @IsOptional()
  @IsIn(['OPEN', 'REDRIVEN', 'DISCARDED', 'ALL'], { message: 'status must be OPEN, REDRIVEN, DISCARDED or ALL' })
  status?: 'OPEN' | 'REDRIVEN' | 'DISCARDED' | 'ALL';
}

export class ParkedQuery {
  @IsOptional()
  @Matches(GROUP, { message: 'consumer must be a consumer group name' })
  consumer?: string;
}

export class DiscardRequest {
  /** Why it is given up: kept with the dead letter. */
  @IsString()
  @MinLength(3)
  @MaxLength(1_000)
  reason!: string;
}

export class RedriveManyRequest {
  /** Only this consumer group's open dead letters; all consumers' when absent. */
  @IsOptional()
  @Matches(GROUP, { message: 'consumer must be a consumer group name' })
  consumer?: string;

  /** Only those of this event type. */
  @IsOptional()
  @Matches(/^[A-Z][A-Za-z0-9]{0,99}$/, { message: 'type must be an event type' })
  type?: string;

  /** Only those with this error code (x-dlq-error-code). */
  @IsOptional()
  @Matches(/^[A-Z0-9_.]{1,100}$/, { message: 'errorCode must be an error code' })
  errorCode?: string;
}

class DeadLetterGone extends DomainError {
  constructor(error: DeadLetterNotOpenError) {
    super(error.code, 'CONFLICT', error.message);
  }
}

/** The handler refused the message again: the cause is not mended yet; nothing changed. */
class RedriveRefused extends DomainError {
  constructor(error: unknown) {
    const cause = error instanceof DomainError ? error.code : error instanceof Error ? error.name : 'Error';
    super('MESSAGING.REDRIVE_FAILED', 'CONFLICT', `The handler refused the message again (${cause}); the dead letter stays open`);
  }
}

/** A consumer group's name in a path: the characters Kafka allows in one. */
const consumerParam = {
  transform(value: string): string {
    if (!GROUP.test(value)) throw new ValidationFailedError([{ field: 'consumer', message: 'must be a consumer group name' }]);
    return value;
  },
};

/** What an operator sees of a dead letter: where it came from, why it failed, what it is; its data only when asked for one. */
function summary(letter: DeadLetterRecord) {
  return {
    consumer: letter.consumer,
    messageId: letter.messageId,
    subject: letter.subject,
    topic: letter.topic,
    type: letter.envelope.type,
    errorCode: letter.errorCode,
    attempts: letter.attempts,
    deadLetteredAt: letter.deadLetteredAt.toISOString(),
    status: letter.status,
    ...(letter.resolvedBy ? { resolvedBy: letter.resolvedBy, resolvedReason: letter.resolvedReason ?? null, resolvedAt: letter.resolvedAt?.toISOString() ?? null } : {}),
  };
}

/**
 * Every consuming service's dead letters and parked messages, for operators (`npx motcua dlq`):
 * list, show one with its original headers and envelope, re-drive one or a filter once the
 * cause is mended (each applied once: the inbox knows its id), or discard one with the reason
 * recorded. What waited behind a settled letter is applied after it, in order.
 */
@ApiTags('operations')
@ApiBearerAuth('officer')
@Controller()
export class DeadLettersController {
  constructor(private readonly runtime: MessagingRuntime) {}

  @Get('dead-letters')
  @Roles('OPERATOR', 'ADMIN')
  @ApiOperation({ summary: 'Dead letters of this service\'s consumers, oldest first (open ones by default)' })
  async list(@Query() query: DeadLetterQuery) {
    const letters = await this.runtime.drain().deadLetters.list(query.consumer, query.status ?? 'OPEN');
    return { deadLetters: letters.map(summary) };
  }

  @Get('dead-letters/:consumer/:messageId')
  @Roles('OPERATOR', 'ADMIN')
  @ApiOperation({ summary: 'One dead letter with its original headers and its envelope (the copy on `<topic>.dlq.<group>` adds x-dlq-* headers saying why)' })
  async show(@Param('consumer', consumerParam) consumer: string, @Param('messageId', uuidParam('messageId')) messageId: string) {
    const letter = await this.runtime.drain().deadLetters.find(consumer, messageId);
    if (!letter) throw new NotFoundError('MESSAGING.DEAD_LETTER_NOT_FOUND', 'No dead letter with this consumer and message id');
    return { ...summary(letter), headers: letter.headers, envelope: letter.envelope };
  }

  @Post('dead-letters/:consumer/:messageId/redrive')
  @HttpCode(HttpStatus.OK)
  @Roles('OPERATOR', 'ADMIN')
  @ApiOperation({ summary: 'Apply an open dead letter again through its handler, then what waited behind it (409 MESSAGING.DEAD_LETTER_NOT_OPEN)' })
  async redrive(@Param('consumer', consumerParam) consumer: string, @Param('messageId', uuidParam('messageId')) messageId: string, @CurrentPrincipal() operator: Principal) {
    return settle(() => redriveDeadLetter(this.runtime.drain(), { consumer, messageId, requestedBy: operator.id }));
  }

  @Post('dead-letters/:consumer/:messageId/discard')
  @HttpCode(HttpStatus.OK)
  @Roles('OPERATOR', 'ADMIN')
  @ApiOperation({ summary: 'Give an open dead letter up, recording who and why, and apply what waited behind it (409 MESSAGING.DEAD_LETTER_NOT_OPEN)' })
  async discard(@Param('consumer', consumerParam) consumer: string, @Param('messageId', uuidParam('messageId')) messageId: string, @Body() body: DiscardRequest, @CurrentPrincipal() operator: Principal) {
    return settle(() => discardDeadLetter(this.runtime.drain(), { consumer, messageId, requestedBy: operator.id, reason: body.reason }));
  }

  @Post('dead-letters/redrive')
  @HttpCode(HttpStatus.OK)
  @Roles('OPERATOR', 'ADMIN')
  @ApiOperation({ summary: 'Re-drive every open dead letter matching the filter (all when empty), oldest first; each one\'s outcome is answered, a failure leaves that one open' })
  async redriveMany(@Body() body: RedriveManyRequest, @CurrentPrincipal() operator: Principal) {
    const drain = this.runtime.drain();
    const letters = (await drain.deadLetters.list(body.consumer, 'OPEN')).filter((l) => (!body.type || l.envelope.type === body.type) && (!body.errorCode || l.errorCode === body.errorCode));
    const outcomes = [];
    for (const letter of letters) {
      try {
        const { released } = await redriveDeadLetter(drain, { consumer: letter.consumer, messageId: letter.messageId, requestedBy: operator.id });
        outcomes.push({ consumer: letter.consumer, messageId: letter.messageId, outcome: 'REDRIVEN' as const, released });
      } catch (error) {
        if (isTransient(error)) throw error;
        outcomes.push({ consumer: letter.consumer, messageId: letter.messageId, outcome: 'FAILED' as const, error: error instanceof DomainError ? error.code : (error as Error).name });
      }
    }
    return { outcomes };
  }

  @Get('parked-messages')
  @Roles('OPERATOR', 'ADMIN')
  @ApiOperation({ summary: 'Messages waiting to be applied (not yet known, unknown version, behind a dead letter or a parked message), oldest first' })
  async parked(@Query() query: ParkedQuery) {
    const parked = await this.runtime.drain().parked.list(query.consumer);
    return {
      parked: parked.map((p) => ({ consumer: p.consumer, messageId: p.messageId, subject: p.subject, topic: p.topic, type: (p.envelope as { type?: string }).type ?? null, reason: p.reason, attempts: p.attempts, parkedAt: p.parkedAt.toISOString() })),
    };
  }
}

async function settle(work: () => Promise<{ released: number }>): Promise<{ released: number }> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DeadLetterNotOpenError) throw new DeadLetterGone(error);
    if (isTransient(error) || error instanceof DomainError) throw error;
    throw new RedriveRefused(error);
  }
}
