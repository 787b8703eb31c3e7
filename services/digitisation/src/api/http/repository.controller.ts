import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { Roles } from '@motcua/platform';
import { RepositoryDocument, SearchRepository } from '../../application/search-repository/search-repository.query';

export class SearchRepositoryRequest {
  @ApiProperty({ enum: ['INDIVIDUAL', 'ORGANISATION'] })
  @IsIn(['INDIVIDUAL', 'ORGANISATION'])
  applicantKind!: 'INDIVIDUAL' | 'ORGANISATION';

  @ApiProperty({ description: '12-digit citizen ID (individual) or tax code (organisation); never stored, logged or echoed' })
  @Matches(/^\d{10,12}(-\d{3})?$/, { message: 'identifier must be a citizen ID or a tax code' })
  identifier!: string;
}

/** The applicant's document repository, for a portal or the desk preparing a dossier that reuses documents. */
@ApiTags('repository')
@Controller('repository')
export class RepositoryController {
  constructor(private readonly queries: QueryBus) {}

  @Post('search')
  @HttpCode(HttpStatus.OK)
  @Roles('PORTAL', 'RECEPTION_OFFICER', 'ADMIN')
  @ApiOperation({ summary: "The applicant's reusable documents, newest first: name one as a REUSED component's repositoryDocumentId (POST, so the identifier stays out of URLs)" })
  search(@Body() body: SearchRepositoryRequest): Promise<{ documents: RepositoryDocument[] }> {
    return this.queries.execute(new SearchRepository(body.applicantKind, body.identifier));
  }
}
