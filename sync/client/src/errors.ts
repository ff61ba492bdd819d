/**
 * Coded errors as the client sees them. Server codes arrive in GraphQL
 * `errors[].extensions.code` (or a push result's `error.code`) with a Chinese message;
 * the codes below that the server never sends are the client's own.
 */
export const ClientErrorCode = {
  /** fetch failed, timed out, or the server answered 5xx: retried later, nothing lost. */
  NETWORK_ERROR: "NETWORK_ERROR",
  /** The server answered with something that is not the protocol's shape. */
  BAD_RESPONSE: "BAD_RESPONSE",
  /** An upload was refused for good (wrong hash, too large …): the photo is kept. */
  UPLOAD_FAILED: "UPLOAD_FAILED",
} as const;

/** Server codes the client acts on. */
export const ServerErrorCode = {
  UNAUTHENTICATED: "UNAUTHENTICATED",
  PROTOCOL_OUTDATED: "PROTOCOL_OUTDATED",
  OUT_OF_ORDER: "OUT_OF_ORDER",
} as const;

export interface CodedError {
  code: string;
  message: string;
}

export const UPDATE_APP_MESSAGE = "请更新应用";

const CLIENT_MESSAGES: Record<string, string> = {
  [ClientErrorCode.NETWORK_ERROR]: "网络不可用，稍后自动重试",
  [ClientErrorCode.BAD_RESPONSE]: "服务器响应无法识别，稍后自动重试",
  [ClientErrorCode.UPLOAD_FAILED]: "照片上传被拒绝",
  [ServerErrorCode.UNAUTHENTICATED]: "登录已失效，请重新登录",
  [ServerErrorCode.PROTOCOL_OUTDATED]: UPDATE_APP_MESSAGE,
};

export class SyncError extends Error implements CodedError {
  constructor(
    readonly code: string,
    message?: string,
    readonly lastMutationId?: number,
  ) {
    super(message ?? CLIENT_MESSAGES[code] ?? code);
    this.name = "SyncError";
  }

  toJSON(): CodedError {
    return { code: this.code, message: this.message };
  }
}

export function toCodedError(error: unknown): CodedError {
  if (error instanceof SyncError) return error.toJSON();
  return { code: ClientErrorCode.NETWORK_ERROR, message: CLIENT_MESSAGES[ClientErrorCode.NETWORK_ERROR] ?? "" };
}
