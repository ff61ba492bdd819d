"""GET /files/{sha256}: a verified file, for users who may see a case that references it.

The supervisor's review screen shows each document's photo; the PWA fetches it with the
Bearer header (an <img src> cannot send one) and shows it through an object URL. Browsers
other than Safari cannot show HEIC, so a HEIC/HEIF photo is sent as a JPEG rendition.
"""

from __future__ import annotations

from typing import Any

import anyio.to_thread
from litestar import Request, Response, get
from litestar.params import FromPath

from backend.accounts.service import user_for_token
from backend.errors import DoorstepError, ErrorCode
from backend.imaging import HEIF_TYPES, jpeg_rendition
from backend.settings import get_settings
from backend.uploads import service
from backend.uploads.events import may_see_file


@get("/files/{sha256:str}")
async def serve_file(request: Request[Any, Any, Any], sha256: FromPath[str]) -> Response[bytes]:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise DoorstepError(ErrorCode.UNAUTHENTICATED)
    user = await user_for_token(token.strip(), get_settings())
    # Unknown and invisible look the same: a hash says nothing to someone who may not see it.
    blob = await service.verified_blob(sha256)
    if blob is None or not await may_see_file(user, blob.sha256):
        raise DoorstepError(ErrorCode.NOT_FOUND, "找不到该文件。")
    content, media_type = await service.open_blob(blob.sha256), blob.content_type
    if media_type in HEIF_TYPES:
        content, media_type = await anyio.to_thread.run_sync(jpeg_rendition, content), "image/jpeg"
    return Response(
        content,
        media_type=media_type,
        headers={"Cache-Control": "private, no-store"},
    )
