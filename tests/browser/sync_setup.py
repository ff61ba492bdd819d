"""Cases made the way a tablet makes them: GraphQL push as a signed-in user (test setup)."""

from __future__ import annotations

import base64
import hashlib
import json
import urllib.parse
import urllib.request
import uuid
from typing import Any

DEMO_PASSWORD = "doorstep-demo"
_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

PUSH = """mutation($input: PushInput!) {
  push(input: $input) { lastMutationId results { id status error { code message } } }
}"""


def graphql(base_url: str, query: str, variables: dict[str, Any], token: str | None = None) -> Any:
    headers = {"Content-Type": "application/json"}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(  # noqa: S310 (loopback test server)
        base_url + "/graphql",
        data=json.dumps({"query": query, "variables": variables}).encode(),
        headers=headers,
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (loopback)
        body = json.loads(response.read())
    assert "errors" not in body, body
    return body["data"]


def login(base_url: str, username: str) -> str:
    query = "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }"
    data = graphql(base_url, query, {"u": username, "p": DEMO_PASSWORD})
    token: str = data["login"]["token"]
    return token


def id_number(body17: str) -> str:
    """A resident ID number with a correct GB 11643 check character."""
    total = sum(int(digit) * weight for digit, weight in zip(body17, _ID_WEIGHTS, strict=True))
    return body17 + "10X98765432"[total % 11]


def submit_withdrawal(base_url: str, name: str) -> str:
    """staff1 creates and submits a withdrawal case without photos (so it awaits review)."""
    token = login(base_url, "staff1")
    case_id = str(uuid.uuid4())
    fields = {"name": name, "id_number": id_number("52010219850312123"), "withdrawal_reason": "01"}
    mutations = [
        {
            "id": 1,
            "name": "createCase",
            "args": {"id": case_id, "kind": "withdrawal", "fields": fields},
        },
        {"id": 2, "name": "submitCase", "args": {"id": case_id}},
    ]
    push = {"clientId": str(uuid.uuid4()), "protocolVersion": 1, "mutations": mutations}
    variables = {"input": push}
    results = graphql(base_url, PUSH, variables, token)["push"]["results"]
    assert [result["status"] for result in results] == ["applied", "applied"], results
    return case_id


def upload(base_url: str, token: str, data: bytes, filename: str = "id.jpg") -> str:
    """Sends a file with tus (create, then one PATCH) as the app does; returns its sha256."""
    digest = hashlib.sha256(data).hexdigest()
    meta = ",".join(
        f"{key} {base64.b64encode(value.encode()).decode()}"
        for key, value in {"sha256": digest, "filename": filename}.items()
    )
    common = {"Tus-Resumable": "1.0.0", "Authorization": f"Bearer {token}"}
    create = urllib.request.Request(  # noqa: S310 (loopback test server)
        base_url + "/uploads/",
        headers={**common, "Upload-Length": str(len(data)), "Upload-Metadata": meta},
        method="POST",
    )
    with urllib.request.urlopen(create, timeout=10) as response:  # noqa: S310
        location = urllib.parse.urljoin(base_url + "/uploads/", response.headers["Location"])
        offset = int(response.headers.get("Upload-Offset") or 0)
    if offset == len(data):
        return digest  # the server already holds this content (stored once): nothing to send
    patch = urllib.request.Request(  # noqa: S310 (loopback test server)
        location,
        data=data,
        headers={
            **common,
            "Upload-Offset": "0",
            "Content-Type": "application/offset+octet-stream",
        },
        method="PATCH",
    )
    with urllib.request.urlopen(patch, timeout=60) as response:  # noqa: S310
        assert response.status == 204
    return digest


def submit_withdrawal_with_photo(base_url: str, name: str, photo: bytes) -> str:
    """staff1 uploads an ID card photo, attaches it to a new case and submits the case."""
    token = login(base_url, "staff1")
    digest = upload(base_url, token, photo)
    case_id = str(uuid.uuid4())
    fields = {"name": name, "id_number": id_number("52010219850312123"), "withdrawal_reason": "01"}
    mutations = [
        {
            "id": 1,
            "name": "createCase",
            "args": {"id": case_id, "kind": "withdrawal", "fields": fields},
        },
        {
            "id": 2,
            "name": "attachDocument",
            "args": {
                "caseId": case_id,
                "documentId": str(uuid.uuid4()),
                "sha256": digest,
                "docType": "id_card",
            },
        },
        {"id": 3, "name": "submitCase", "args": {"id": case_id}},
    ]
    push = {"clientId": str(uuid.uuid4()), "protocolVersion": 1, "mutations": mutations}
    results = graphql(base_url, PUSH, {"input": push}, token)["push"]["results"]
    assert [result["status"] for result in results] == ["applied"] * 3, results
    return case_id
