import { DomainError } from '@motcua/platform/errors';
import { ACCEPTED_MEDIA_TYPES } from './media-type';

export class DocumentTooLargeError extends DomainError {
  constructor(maxBytes: number) {
    const message = `the file is larger than ${maxBytes} bytes`;
    super('DOCUMENT.TOO_LARGE', 'TOO_LARGE', `The document is too large: at most ${maxBytes} bytes`, [{ field: 'file', message }]);
  }
}

export class UnsupportedDocumentTypeError extends DomainError {
  constructor() {
    const message = `the content must be one of ${ACCEPTED_MEDIA_TYPES.join(', ')} (checked on the file itself), matching the declared type`;
    super('DOCUMENT.UNSUPPORTED_TYPE', 'UNSUPPORTED_MEDIA_TYPE', 'The document is not of an accepted type', [{ field: 'file', message }]);
  }
}

/** The request is not multipart/form-data at all. */
export class NotMultipartError extends DomainError {
  constructor() {
    super('DOCUMENT.NOT_MULTIPART', 'UNSUPPORTED_MEDIA_TYPE', 'Uploads are multipart/form-data with the file in a part named file', [
      { field: 'file', message: 'send the file as multipart/form-data' },
    ]);
  }
}

export class DocumentNotFoundError extends DomainError {
  constructor() {
    super('DOCUMENT.NOT_FOUND', 'NOT_FOUND', 'No document has this id');
  }
}
