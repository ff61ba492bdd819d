/**
 * tus-js-client FileReader for Blobs (photos read back from IndexedDB). Its own
 * readers differ between browser and Node builds; this one behaves the same in both.
 */
export class BlobFileReader {
  async openFile(input: unknown): Promise<{ size: number; slice: (start: number, end: number) => Promise<{ value: Blob; size: number; done: boolean }>; close: () => void }> {
    if (!(input instanceof Blob)) throw new Error("upload source must be a Blob");
    return {
      size: input.size,
      slice: async (start: number, end: number) => {
        const value = input.slice(start, end);
        return { value, size: value.size, done: end >= input.size };
      },
      close: () => undefined,
    };
  }
}
