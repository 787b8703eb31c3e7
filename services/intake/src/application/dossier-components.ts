import type { DossierSubmitted, EventData } from '@motcua/contracts';
import { ValidationFailedError } from '@motcua/platform';
import type { DossierRequest } from './submit-dossier/submit-dossier.command';

/** A component as the events carry it: each provenance names what it needs, and only that. */
export function toComponent(c: DossierRequest['components'][number]): EventData<typeof DossierSubmitted>['components'][number] {
  switch (c.provenance) {
    case 'ELECTRONIC':
      if (!c.documentId) throw new ValidationFailedError([{ field: `components.${c.componentId}.documentId`, message: 'an electronic component names its uploaded document' }]);
      return { componentId: c.componentId, name: c.name, provenance: 'ELECTRONIC', documentId: c.documentId };
    case 'REUSED':
      if (!c.repositoryDocumentId) throw new ValidationFailedError([{ field: `components.${c.componentId}.repositoryDocumentId`, message: 'a reused component names the repository document' }]);
      return { componentId: c.componentId, name: c.name, provenance: 'REUSED', repositoryDocumentId: c.repositoryDocumentId };
    case 'PAPER':
      return { componentId: c.componentId, name: c.name, provenance: 'PAPER' };
  }
}
