import type { Db } from '../../db/client.ts';
import { eraseAnalysisRowsOfContact, signatureSourcesOfContact } from './erasure.repository.ts';
import { deleteBands } from './similarity.repository.ts';
import { SIMILARITY_MAX_CHARS, storedSignature, textBands } from './similarity.service.ts';

/**
 * Removes what analysis derived from a contact's feedback: similarity bands, mentions, analysis
 * rows, and the recorded words of replies sent to them. Bands are deleted by their keys, rebuilt
 * from each item's stored signature (or its text), since the bands table has no index by item.
 * Runs before `eraseContact`, while the feedback and the outbox still point at the contact.
 */
export async function eraseAnalysisOfContact(db: Db, workspaceId: string, contactId: string) {
  const sources = await signatureSourcesOfContact(db, workspaceId, contactId, SIMILARITY_MAX_CHARS);
  const bands = sources.flatMap((source) => textBands(source.id, storedSignature(source)));
  await deleteBands(db, workspaceId, 'feedback', bands);
  await eraseAnalysisRowsOfContact(db, workspaceId, contactId);
}
