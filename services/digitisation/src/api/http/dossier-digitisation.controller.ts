import { Controller, Get, HttpStatus, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiConsumes, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CONFIG, CurrentPrincipal, Principal, Roles, uuidParam, ValidationFailedError } from '@motcua/platform';
import type { ReceiveScan } from '../../application/scan';
import { ComponentScanned, ScanComponent } from '../../application/scan-component/scan-component.command';
import { ResultScanned, ScanResult } from '../../application/scan-result/scan-result.command';
import { DOCUMENT_STORAGE, DocumentStorage } from '../../application/storage/document-storage';
import { DigitisationView, ViewDigitisation } from '../../application/view-digitisation/view-digitisation.query';
import { DEFAULT_DOCUMENT_MAX_BYTES, DigitisationConfig } from '../../digitisation.config';
import { integerField, receiveUpload } from './multipart-upload';
import { MAX_PAGES, scanUploadBody } from './upload.schemas';

const componentIdPattern = /^[A-Za-z0-9._-]{1,100}$/;

/** The desk's scanning of a received dossier's paper and of its paper result, and the dossier's digitisation status. */
@ApiTags('digitisation')
@ApiParam({ name: 'dossierId', format: 'uuid' })
@ApiResponse({ status: 403, description: 'Role not allowed, or the dossier was received at another unit (AUTH.OTHER_UNIT)' })
@ApiResponse({ status: 404, description: 'No received dossier (DIGITISATION.DOSSIER_NOT_FOUND) or component (DIGITISATION.COMPONENT_NOT_FOUND)' })
@Controller('dossiers/:dossierId')
export class DossierDigitisationController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CONFIG) private readonly config: DigitisationConfig,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
  ) {}

  @Get('digitisation')
  @Roles('RECEPTION_OFFICER', 'PROCESSING_OFFICER', 'LEADER', 'ADMIN')
  @ApiOperation({ summary: "Each component's status (electronic, awaiting its scan, reused, refused reuse, document not found) and the result's" })
  view(@Param('dossierId', uuidParam('dossierId')) dossierId: string, @CurrentPrincipal() officer: Principal): Promise<DigitisationView> {
    return this.queries.execute<ViewDigitisation, DigitisationView>(new ViewDigitisation(dossierId, officer));
  }

  @Post('components/:componentId/scan')
  @Roles('RECEPTION_OFFICER', 'ADMIN')
  @ApiOperation({ summary: 'Scan a paper component (multipart: file, pages). The same scan again answers as before (200)' })
  @ApiConsumes('multipart/form-data')
  @ApiBody(scanUploadBody)
  @ApiResponse({ status: 409, description: 'Not a paper component (DIGITISATION.NOT_PAPER), or already scanned with other content (DIGITISATION.ALREADY_SCANNED), or the dossier was withdrawn (DIGITISATION.DOSSIER_CLOSED)' })
  @ApiResponse({ status: 413, description: 'Larger than DOCUMENT_MAX_BYTES; nothing stored' })
  @ApiResponse({ status: 415, description: 'Not PDF, JPEG, PNG or TIFF by its content; nothing stored' })
  async scanComponent(
    @Param('dossierId', uuidParam('dossierId')) dossierId: string,
    @Param('componentId') componentId: string,
    @Req() request: FastifyRequest,
    @CurrentPrincipal() officer: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ComponentScanned> {
    if (!componentIdPattern.test(componentId)) throw new ValidationFailedError([{ field: 'componentId', message: 'componentId must be a short identifier' }]);
    const scanned = await this.commands.execute<ScanComponent, ComponentScanned>(new ScanComponent(dossierId, componentId, officer, this.receiveScan(request)));
    void reply.status(scanned.replayed ? HttpStatus.OK : HttpStatus.CREATED);
    return scanned;
  }

  @Post('result/scan')
  @Roles('RECEPTION_OFFICER', 'PROCESSING_OFFICER', 'ADMIN')
  @ApiOperation({ summary: 'Scan the paper result issued for the dossier (multipart: file, pages), so it reaches the repository' })
  @ApiConsumes('multipart/form-data')
  @ApiBody(scanUploadBody)
  @ApiResponse({ status: 409, description: 'No paper result issued (DIGITISATION.NO_PAPER_RESULT), already scanned with other content, or the dossier was withdrawn (DIGITISATION.DOSSIER_CLOSED)' })
  async scanResult(
    @Param('dossierId', uuidParam('dossierId')) dossierId: string,
    @Req() request: FastifyRequest,
    @CurrentPrincipal() officer: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ResultScanned> {
    const scanned = await this.commands.execute<ScanResult, ResultScanned>(new ScanResult(dossierId, officer, this.receiveScan(request)));
    void reply.status(scanned.replayed ? HttpStatus.OK : HttpStatus.CREATED);
    return scanned;
  }

  /** Read only once the dossier allows the scan; a bad page count discards the staged file. */
  private receiveScan(request: FastifyRequest): ReceiveScan {
    return async () => {
      const upload = await receiveUpload(request, this.storage, this.config.DOCUMENT_MAX_BYTES ?? DEFAULT_DOCUMENT_MAX_BYTES, ['pages']);
      try {
        return { file: upload, pages: integerField(upload.fields, 'pages', 1, MAX_PAGES) };
      } catch (error) {
        await upload.content.discard();
        throw error;
      }
    };
  }
}
