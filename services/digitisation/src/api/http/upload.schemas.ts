import type { ApiBodyOptions } from '@nestjs/swagger';
import { ACCEPTED_MEDIA_TYPES } from '../../domain/document/media-type';

const file = { type: 'string', format: 'binary', description: `${ACCEPTED_MEDIA_TYPES.join(', ')}; the type is told from the content` };

export const documentUploadBody: ApiBodyOptions = {
  schema: {
    type: 'object',
    required: ['file'],
    properties: { file, purpose: { type: 'string', enum: ['UPLOAD', 'RESULT'], default: 'UPLOAD', description: 'RESULT: a result document (officers only)' } },
  },
};

export const scanUploadBody: ApiBodyOptions = {
  schema: { type: 'object', required: ['file', 'pages'], properties: { file, pages: { type: 'integer', minimum: 1, maximum: 10000 } } },
};

export const MAX_PAGES = 10_000;

