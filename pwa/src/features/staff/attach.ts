// Saving a photo (or the signature) with a case: kept on the device by the sync client until
// the server has verified it, and linked to the case by an attachDocument in the outbox.
import { bumpRevision, type SyncHandle } from '@/sync/use-sync'

export async function attachFile(
  sync: SyncHandle,
  caseId: string,
  blob: Blob,
  docType: string | null,
  filename: string,
): Promise<string> {
  const client = await sync.client
  const upload = await client.addUpload(blob, { filename, contentType: blob.type || 'image/jpeg' })
  await client.mutate('attachDocument', {
    caseId,
    documentId: crypto.randomUUID(),
    sha256: upload.sha256,
    docType,
  })
  bumpRevision()
  return upload.sha256
}
