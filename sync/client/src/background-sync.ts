/** Shared between the page and the service worker: no DOM or app logic here. */
export const SYNC_TAG = "doorstep-sync";
export const WAKE_MESSAGE_TYPE = "doorstep-sync:wake";

export interface WakeMessage {
  type: typeof WAKE_MESSAGE_TYPE;
  tag: string;
}

export interface WakeReply {
  ok: boolean;
}

export function isWakeMessage(data: unknown): data is WakeMessage {
  return typeof data === "object" && data !== null && (data as { type?: unknown }).type === WAKE_MESSAGE_TYPE;
}
