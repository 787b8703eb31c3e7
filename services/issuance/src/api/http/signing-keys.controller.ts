import { Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Public, Roles } from '@motcua/platform';
import { PublicJwk, toJwk } from '../../application/signing-keys/public-keys';
import { SigningKeys } from '../../application/signing-keys/signing-keys';

/** The keys e-results are signed with: public halves for anyone, rotation for administrators. */
@ApiTags('signing-keys')
@Controller('signing-keys')
export class SigningKeysController {
  constructor(private readonly keys: SigningKeys) {}

  @Get()
  @Public()
  @ApiOperation({ security: [], summary: 'Every public key, active and retired, as JWKs (OKP/Ed25519) with kid and status: verify offline with them' })
  async list(): Promise<{ keys: PublicJwk[] }> {
    return { keys: (await this.keys.list()).map(toJwk) };
  }

  @Post('rotate')
  @Roles('ADMIN')
  @ApiBearerAuth('officer')
  @ApiOperation({ summary: 'A new key signs from now on; the old one is retired and still verifies what it signed' })
  rotate(@CurrentPrincipal() admin: Principal): Promise<{ keyId: string; retired: string[] }> {
    return this.keys.rotate(admin.id);
  }
}
