import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, Matches, MaxLength, ValidateBy, ValidationOptions } from 'class-validator';

/** Largest document a verification takes (a result PDF); its base64 is a third longer. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const MAX_DOCUMENT_BASE64 = Math.ceil(MAX_DOCUMENT_BYTES / 3) * 4;

export class VerifyResultRequest {
  @ApiProperty({ description: 'The manifest exactly as issued (GET /v1/results/{dossierId} → electronic.manifest); key order does not matter', type: 'object', additionalProperties: true })
  @IsObject()
  manifest!: Record<string, unknown>;

  @ApiProperty({ description: 'Base64 of the 64-byte Ed25519 signature', example: 'q1...==' })
  @Matches(/^[A-Za-z0-9+/]{86}==$/, { message: 'signature must be the base64 of a 64-byte Ed25519 signature' })
  signature!: string;

  @ApiPropertyOptional({ description: `The document's bytes, base64 (at most ${MAX_DOCUMENT_BYTES} bytes); its SHA-256 is checked against the manifest's` })
  @IsOptional()
  @MaxLength(MAX_DOCUMENT_BASE64, { message: `document must be at most ${MAX_DOCUMENT_BYTES} bytes` })
  @IsCanonicalBase64({ message: 'document must be base64' })
  document?: string;
}

/**
 * Canonical base64, checked in linear time by decoding and encoding again: class-validator's
 * IsBase64 regular expression exhausts the stack on strings of a few megabytes (a 500 for a
 * result PDF near the limit).
 */
function IsCanonicalBase64(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    { name: 'isCanonicalBase64', validator: { validate: (value: unknown) => typeof value === 'string' && value.length % 4 === 0 && Buffer.from(value, 'base64').toString('base64') === value } },
    options,
  );
}
