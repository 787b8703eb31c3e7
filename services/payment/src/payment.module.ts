import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Topics } from '@motcua/contracts';
import { PgDatabase } from '@motcua/event-store';
import { MessagingModule } from '@motcua/messaging';
import { CONFIG, DATABASE, IdempotentRequests, PlatformModule, SystemClock } from '@motcua/platform';
import { PaymentCallbacksController } from './api/http/payment-callbacks.controller';
import { PaymentSignatureGuard, WALL_CLOCK } from './api/http/payment-signature.guard';
import { PaymentsController } from './api/http/payments.controller';
import { IntakeEventsHandler } from './api/kafka/intake-events.handler';
import { ProcessingEventsHandler } from './api/kafka/processing-events.handler';
import { Bills, publishedBillEvent } from './application/bill-stream';
import { ExpiryPass } from './application/expire-requests/expiry.pass';
import { HttpPaymentPlatform } from './application/payment-platform/http-payment-platform';
import { PAYMENT_PLATFORM } from './application/payment-platform/payment-platform.port';
import { PaymentWorker } from './application/payment-worker';
import { ReceivePlatformEventHandler } from './application/receive-callback/receive-callback.handler';
import { RecordCashPaymentHandler } from './application/record-cash-payment/record-cash-payment.handler';
import { RefundPass } from './application/refund-payments/refund.pass';
import { StartCheckoutHandler } from './application/start-checkout/start-checkout.handler';
import { ViewBillHandler } from './application/view-bill/view-bill.query';
import { PaymentConfig, PAYMENT_SETTINGS, paymentSettings, PaymentSettings } from './payment.config';
import { PaymentRequestsProjection } from './projections/payment-requests/payment-requests.projection';
import { paymentMigrations } from './payment.migrations';

/** Fees and payments: assessment at reception, online checkout and signed callbacks, cash, expiry, refunds. */
@Module({
  imports: [
    PlatformModule.forRoot({ service: 'payment', config: PaymentConfig }),
    MessagingModule.forRoot({
      service: 'payment',
      publishes: Topics.payment,
      translate: publishedBillEvent,
      consumes: [
        { topic: Topics.intake, handler: IntakeEventsHandler },
        { topic: Topics.processing, handler: ProcessingEventsHandler },
      ],
      migrations: paymentMigrations,
    }),
    CqrsModule.forRoot(),
  ],
  controllers: [PaymentsController, PaymentCallbacksController],
  providers: [
    { provide: PAYMENT_SETTINGS, inject: [CONFIG], useFactory: (config: PaymentConfig) => paymentSettings(config) },
    { provide: PAYMENT_PLATFORM, inject: [PAYMENT_SETTINGS], useFactory: (settings: PaymentSettings) => new HttpPaymentPlatform(settings) },
    PaymentRequestsProjection,
    { provide: IdempotentRequests, inject: [DATABASE], useFactory: (db: PgDatabase) => new IdempotentRequests(db, 'payment') },
    Bills,
    { provide: WALL_CLOCK, useValue: new SystemClock() },
    PaymentSignatureGuard,
    IntakeEventsHandler,
    ProcessingEventsHandler,
    StartCheckoutHandler,
    RecordCashPaymentHandler,
    ReceivePlatformEventHandler,
    ViewBillHandler,
    ExpiryPass,
    RefundPass,
    PaymentWorker,
  ],
})
export class PaymentModule {}
