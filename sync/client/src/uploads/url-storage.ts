import { newUuid } from "../ids";
import type { Store } from "../storage/store";

/** tus-js-client's PreviousUpload (its typings declare but do not export it). */
export interface PreviousUpload {
  size: number | null;
  metadata: { [key: string]: string };
  creationTime: string;
  urlStorageKey: string;
  uploadUrl: string | null;
  parallelUploadUrls: string[] | null;
}

/**
 * tus-js-client's UrlStorage over our Store, so upload URLs survive reloads next to the
 * photos they belong to (its browser default, localStorage, is per-origin and
 * unavailable in workers). Keys are "tus::<fingerprint>::<uuid>".
 */
export class StoreUrlStorage {
  constructor(private readonly store: Store) {}

  findAllUploads(): Promise<PreviousUpload[]> {
    return this.store.read((tx) => tx.scan<PreviousUpload>("tusUrls"));
  }

  findUploadsByFingerprint(fingerprint: string): Promise<PreviousUpload[]> {
    const prefix = `tus::${fingerprint}::`;
    return this.store.read((tx) => tx.scan<PreviousUpload>("tusUrls", { lower: prefix, upper: `${prefix}\uffff` }));
  }

  removeUpload(urlStorageKey: string): Promise<void> {
    return this.store.write((tx) => tx.del("tusUrls", urlStorageKey));
  }

  async addUpload(fingerprint: string, upload: Omit<PreviousUpload, "urlStorageKey"> & { urlStorageKey?: string }): Promise<string> {
    const key = `tus::${fingerprint}::${newUuid()}`;
    await this.store.write((tx) => tx.put("tusUrls", key, { ...upload, urlStorageKey: key }));
    return key;
  }

  /** Forgets every stored URL of one fingerprint (after a final refusal, start afresh). */
  async removeFingerprint(fingerprint: string): Promise<void> {
    const found = await this.findUploadsByFingerprint(fingerprint);
    await this.store.write(async (tx) => {
      for (const u of found) await tx.del("tusUrls", u.urlStorageKey);
    });
  }
}
