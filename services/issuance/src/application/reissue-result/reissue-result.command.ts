import type { Principal } from '@motcua/platform';

/**
 * An officer of the deciding agency tries a blocked issuance again with a corrected document,
 * uploaded to digitisation (`purpose=RESULT`), naming its SHA-256 as digitisation answered it.
 */
export class ReissueResult {
  constructor(
    readonly dossierId: string,
    readonly officer: Principal,
    readonly documentId: string,
    readonly sha256: string,
  ) {}
}
