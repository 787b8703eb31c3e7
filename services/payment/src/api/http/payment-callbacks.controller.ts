import { Body, Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@motcua/platform';
import { CallbackReceipt, ReceivePlatformEvent } from '../../application/receive-callback/receive-callback.handler';
import { PaymentCallbackRequest, readPlatformEvent } from './payment-callback.request';
import { PaymentSignatureGuard } from './payment-signature.guard';

/** The payment platform's callbacks: public, authenticated by their signature (docs/payments.md). */
@ApiTags('payment callbacks')
@Controller('payment-callbacks')
export class PaymentCallbacksController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Public()
  @UseGuards(PaymentSignatureGuard)
  @HttpCode(HttpStatus.OK)
  @ApiHeader({ name: 'Payment-Signature', required: true, description: 't=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">' })
  @ApiOperation({ summary: 'A checkout succeeded or failed at the platform. A redelivered event answers 200 and changes nothing.' })
  @ApiResponse({ status: 401, description: 'Bad or stale signature (PAYMENT_CALLBACK.BAD_SIGNATURE, PAYMENT_CALLBACK.STALE)' })
  @ApiResponse({ status: 404, description: 'No such payment (PAYMENT.UNKNOWN_PAYMENT)' })
  @ApiResponse({ status: 422, description: 'Amount, currency or checkout differ from the request (PAYMENT.AMOUNT_MISMATCH, …)' })
  @ApiBody({ type: PaymentCallbackRequest })
  receive(@Body() raw: Record<string, unknown>): Promise<CallbackReceipt> {
    const body = readPlatformEvent(raw);
    const { data } = body;
    const outcome = body.type === 'checkout.succeeded' ? 'SUCCEEDED' : 'FAILED';
    return this.commands.execute(new ReceivePlatformEvent(body.id, outcome, data.merchantReference, data.checkoutId, data.amount, data.currency, data.reference, data.failureCode));
  }
}
