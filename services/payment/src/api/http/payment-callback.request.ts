import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance, Type } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ValidationFailedError, validationFieldErrors } from '@motcua/platform';
import { IsIn, IsInt, IsObject, IsOptional, IsString, Length, Matches, Min, ValidateNested } from 'class-validator';

export class PlatformCheckoutData {
  @ApiProperty() @IsString() @Length(1, 100) checkoutId!: string;
  @ApiProperty({ description: 'The payment id this service gave the checkout' }) @IsString() @Length(1, 100) merchantReference!: string;
  @ApiProperty({ description: 'Integer VND' }) @IsInt() @Min(0) amount!: number;
  @ApiProperty({ example: 'VND' }) @IsString() @Matches(/^[A-Z]{3}$/) currency!: string;
  @ApiPropertyOptional({ description: "The platform's transaction reference" }) @IsOptional() @IsString() @Length(1, 100) reference?: string;
  @ApiPropertyOptional({ description: 'Why a payment failed: a code, never card or account details' }) @IsOptional() @IsString() @Length(1, 100) failureCode?: string;
}

/** What the platform posts: one event about one checkout, signed (Payment-Signature header). */
export class PaymentCallbackRequest {
  @ApiProperty({ description: "The platform's event id: a redelivery carries the same one" }) @IsString() @Length(1, 100) id!: string;
  @ApiProperty({ enum: ['checkout.succeeded', 'checkout.failed'] }) @IsIn(['checkout.succeeded', 'checkout.failed']) type!: 'checkout.succeeded' | 'checkout.failed';
  @ApiProperty({ description: 'Unix seconds when the event happened at the platform' }) @IsInt() @Min(0) created!: number;
  @ApiProperty({ type: PlatformCheckoutData }) @IsObject() @ValidateNested() @Type(() => PlatformCheckoutData) data!: PlatformCheckoutData;
}

/**
 * Platforms add fields to their events without notice; refusing them would make every callback
 * fail until we deploy. So unlike our own API, unknown fields are dropped here, not refused.
 */
export function readPlatformEvent(body: unknown): PaymentCallbackRequest {
  const event = plainToInstance(PaymentCallbackRequest, body ?? {});
  const errors = validateSync(event, { whitelist: true, forbidNonWhitelisted: false, validationError: { target: false, value: false } });
  if (errors.length > 0) throw new ValidationFailedError(validationFieldErrors(errors));
  return event;
}
