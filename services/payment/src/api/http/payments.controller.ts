import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Idempotent, optionalIdempotencyKey, Principal, replied, RETRY_KEY, Roles, uuidParam } from '@motcua/platform';
import { CashReceipt, RecordCashPayment } from '../../application/record-cash-payment/record-cash-payment.handler';
import { CheckoutView, StartCheckout } from '../../application/start-checkout/start-checkout.command';
import { BillView, ViewBill } from '../../application/view-bill/view-bill.query';
import { CashPaymentRequest } from './cash-payment.request';

const dossierIdPipe = uuidParam('dossierId');

/** A dossier's fees: the bill, online checkout for portals, cash at the counter. */
@ApiTags('payment')
@ApiParam({ name: 'dossierId', format: 'uuid' })
@ApiResponse({ status: 404, description: 'No fees assessed for this dossier (PAYMENT.BILL_NOT_FOUND)' })
@Controller('dossiers/:dossierId/payment')
export class PaymentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @Roles('PORTAL', 'RECEPTION_OFFICER', 'PROCESSING_OFFICER', 'LEADER', 'ADMIN')
  @ApiOperation({ summary: "The bill (items, total, exemption) and its payments; officers see their unit's dossiers" })
  view(@Param('dossierId', dossierIdPipe) dossierId: string, @CurrentPrincipal() caller: Principal): Promise<BillView> {
    return this.queries.execute<ViewBill, BillView>(new ViewBill(dossierId, caller));
  }

  @Post('checkout')
  @HttpCode(HttpStatus.OK)
  @Roles('PORTAL')
  @ApiOperation({ summary: 'Start or resume online payment: the checkout at the platform and the URL to send the payer to (a new request after expiry or failure)' })
  @ApiResponse({ status: 409, description: 'PAYMENT.ALREADY_PAID, PAYMENT.NOTHING_DUE, PAYMENT.DOSSIER_CLOSED, PAYMENT.CHECKOUT_RACE (start again)' })
  @ApiResponse({ status: 503, description: 'PAYMENT.PLATFORM_UNAVAILABLE: the platform did not answer usably; nothing was recorded, try again later' })
  checkout(@Param('dossierId', dossierIdPipe) dossierId: string, @CurrentPrincipal() portal: Principal): Promise<CheckoutView> {
    return this.commands.execute<StartCheckout, CheckoutView>(new StartCheckout(dossierId, portal));
  }

  @Post('cash')
  @Roles('RECEPTION_OFFICER')
  @ApiOperation({ summary: "Cash received at the counter of the dossier's unit; the amount must equal what is due" })
  @ApiResponse({ status: 422, description: 'PAYMENT.AMOUNT_MISMATCH (field amount)' })
  @ApiHeader(RETRY_KEY)
  async cash(
    @Param('dossierId', dossierIdPipe) dossierId: string,
    @Body() body: CashPaymentRequest,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentPrincipal() officer: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CashReceipt> {
    return replied(reply, await this.commands.execute<RecordCashPayment, Idempotent<CashReceipt>>(new RecordCashPayment(dossierId, officer, body.amount, optionalIdempotencyKey(key))), { creates: true });
  }
}
