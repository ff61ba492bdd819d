"""The tus 1.0.0 endpoint at ``/uploads/``: core + creation, termination, expiration.

Each handler: authenticate (``Authorization: Bearer``), check the protocol headers, call
one service function, shape the tus headers. Errors are JSON ``{code, message}`` with
``Tus-Resumable`` and the statuses in :data:`TUS_STATUS`. A hash mismatch at completion is
**460** (``UPLOAD_HASH_MISMATCH``), the status tus servers use for checksum failures, so
tus-js-client and tuspy treat it as final (no retry); unsupported or unreadable content
gets 415/422, an offset mismatch or a busy upload 409 (clients re-read the offset and
retry), an expired upload 410 (clients start a new one).

OPTIONS is answered without a token: it is the protocol's capability discovery (and a
browser's CORS preflight, which cannot carry credentials) and reveals only the version,
extensions and maximum size.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any
from uuid import UUID

from litestar import Controller, Request, Response, delete, head, patch, post, route
from litestar.enums import HttpMethod
from litestar.params import FromPath
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED, HTTP_204_NO_CONTENT

from backend.accounts.models import UserRecord
from backend.accounts.service import user_for_token
from backend.errors import DoorstepError, ErrorCode
from backend.settings import get_settings
from backend.uploads import service
from backend.uploads.metadata import upload_request
from backend.uploads.tus_headers import (
    OFFSET_CONTENT_TYPE,
    TUS_EXTENSIONS,
    TUS_VERSION,
    encode_metadata,
    parse_offset,
    progress_headers,
)

TUS_STATUS = {
    ErrorCode.BAD_REQUEST: 400,
    ErrorCode.UNAUTHENTICATED: 401,
    ErrorCode.ACCOUNT_DISABLED: 403,
    ErrorCode.DEVICE_REVOKED: 403,
    ErrorCode.FORBIDDEN: 403,
    ErrorCode.NOT_FOUND: 404,
    ErrorCode.CONFLICT: 409,
    ErrorCode.UPLOAD_EXPIRED: 410,
    ErrorCode.UPLOAD_TOO_LARGE: 413,
    ErrorCode.UNSUPPORTED_FILE: 415,
    ErrorCode.IMAGE_UNREADABLE: 422,
    ErrorCode.UPLOAD_HASH_MISMATCH: 460,
    ErrorCode.INTERNAL_ERROR: 500,
}


def tus_error_response(_: Request[Any, Any, Any], error: DoorstepError) -> Response[Any]:
    return Response(
        error.as_dict(),
        status_code=TUS_STATUS.get(error.code, 400),
        headers={"Tus-Resumable": TUS_VERSION, "Cache-Control": "no-store"},
    )


class TusProtocolError(Exception):
    """A request that breaks the tus protocol itself (version, content type): 412/415."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def tus_protocol_error_response(
    _: Request[Any, Any, Any], error: TusProtocolError
) -> Response[Any]:
    body = {"code": str(ErrorCode.BAD_REQUEST), "message": error.message}
    headers = {"Tus-Resumable": TUS_VERSION, "Tus-Version": TUS_VERSION}
    return Response(body, status_code=error.status, headers=headers)


async def _signed_in_user(request: Request[Any, Any, Any]) -> UserRecord:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise DoorstepError(ErrorCode.UNAUTHENTICATED)
    return await user_for_token(token.strip(), get_settings())


def _check_version(request: Request[Any, Any, Any]) -> None:
    if request.headers.get("tus-resumable") != TUS_VERSION:
        raise TusProtocolError(412, f"需要 Tus-Resumable: {TUS_VERSION}。")


def _upload_id(raw: str) -> UUID:
    try:
        return UUID(raw)
    except ValueError:
        raise DoorstepError(ErrorCode.NOT_FOUND, "找不到该上传。") from None


async def _body_until_disconnect(request: Request[Any, Any, Any]) -> AsyncIterator[bytes]:
    """The PATCH body as it arrives; a cut connection just ends it (tus keeps what came)."""
    while True:
        message = await request.receive()
        if message["type"] == "http.disconnect":
            return
        if message["type"] == "http.request":
            if message.get("body"):
                yield message["body"]
            if not message.get("more_body", False):
                return


class TusController(Controller):
    # The 204 answers are built explicitly; their decorators declare 200 because Litestar
    # refuses a declared 204 on a handler typed to return a Response with content.
    path = "/uploads"
    exception_handlers = {  # noqa: RUF012  (Litestar reads it from the class)
        DoorstepError: tus_error_response,
        TusProtocolError: tus_protocol_error_response,
    }

    @route(["/", "/{upload_id:str}"], http_method=[HttpMethod.OPTIONS], status_code=HTTP_200_OK)
    async def capabilities(self) -> Response[Any]:
        settings = get_settings()
        headers = {
            "Tus-Resumable": TUS_VERSION,
            "Tus-Version": TUS_VERSION,
            "Tus-Extension": TUS_EXTENSIONS,
            "Tus-Max-Size": str(settings.upload_max_bytes),
        }
        return Response(b"", status_code=HTTP_204_NO_CONTENT, headers=headers)

    @post("/", status_code=HTTP_201_CREATED)
    async def create(self, request: Request[Any, Any, Any]) -> Response[Any]:
        user = await _signed_in_user(request)
        _check_version(request)
        settings = get_settings()
        declared = upload_request(
            request.headers.get("upload-length"),
            request.headers.get("upload-metadata"),
            settings.upload_max_bytes,
        )
        record = await service.create_upload(user, declared, settings)
        headers = {**progress_headers(record), "Location": f"/uploads/{record.id}"}
        return Response(b"", status_code=HTTP_201_CREATED, headers=headers)

    @head("/{upload_id:str}", status_code=HTTP_200_OK)
    async def offset(
        self, request: Request[Any, Any, Any], upload_id: FromPath[str]
    ) -> Response[None]:
        user = await _signed_in_user(request)
        _check_version(request)
        record = await service.upload_status(user, _upload_id(upload_id), get_settings())
        headers = {
            **progress_headers(record),
            "Upload-Length": str(record.length),
            "Upload-Metadata": encode_metadata(record),
            "Cache-Control": "no-store",
        }
        return Response(None, status_code=HTTP_200_OK, headers=headers)

    @patch("/{upload_id:str}", status_code=HTTP_200_OK)
    async def append(
        self, request: Request[Any, Any, Any], upload_id: FromPath[str]
    ) -> Response[Any]:
        user = await _signed_in_user(request)
        _check_version(request)
        if request.headers.get("content-type", "").split(";")[0].strip() != OFFSET_CONTENT_TYPE:
            raise TusProtocolError(415, f"Content-Type 必须是 {OFFSET_CONTENT_TYPE}。")
        offset = parse_offset(request.headers.get("upload-offset"))
        record = await service.receive(
            user, _upload_id(upload_id), offset, _body_until_disconnect(request), get_settings()
        )
        return Response(b"", status_code=HTTP_204_NO_CONTENT, headers=progress_headers(record))

    @delete("/{upload_id:str}", status_code=HTTP_200_OK)
    async def terminate(
        self, request: Request[Any, Any, Any], upload_id: FromPath[str]
    ) -> Response[Any]:
        user = await _signed_in_user(request)
        _check_version(request)
        await service.terminate(user, _upload_id(upload_id), get_settings())
        return Response(
            None, status_code=HTTP_204_NO_CONTENT, headers={"Tus-Resumable": TUS_VERSION}
        )
