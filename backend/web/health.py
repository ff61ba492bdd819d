from litestar import get
from litestar.response import Response
from litestar.status_codes import HTTP_200_OK, HTTP_503_SERVICE_UNAVAILABLE

from backend.db.lifecycle import database_answers


@get("/health", cache=False)
async def health() -> Response[dict[str, str]]:
    if await database_answers():
        return Response({"status": "ok"}, status_code=HTTP_200_OK)
    return Response({"status": "database unavailable"}, status_code=HTTP_503_SERVICE_UNAVAILABLE)
