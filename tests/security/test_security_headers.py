"""Security headers: a strict CSP everywhere but GraphiQL, HSTS only in production."""

from __future__ import annotations

from litestar import Litestar, get
from litestar.testing import TestClient

from backend.web.security import CSP, security_headers


@get("/page", sync_to_thread=False)
def page() -> str:
    return "ok"


def _headers(production: bool, path: str = "/page") -> dict[str, str]:
    app = Litestar(route_handlers=[page], middleware=[security_headers(production)])
    with TestClient(app=app) as client:
        return dict(client.get(path).headers)


def _directives() -> dict[str, list[str]]:
    parsed = {}
    for directive in CSP.split(";"):
        name, *sources = directive.split()
        parsed[name] = sources
    return parsed


def test_production_sends_hsts_for_a_year_with_subdomains() -> None:
    hsts = _headers(production=True)["strict-transport-security"]
    assert hsts == "max-age=31536000; includeSubDomains"


def test_demo_mode_sends_no_hsts() -> None:
    assert "strict-transport-security" not in _headers(production=False)


def test_every_page_gets_the_csp_and_anti_framing_headers() -> None:
    headers = _headers(production=True)
    assert headers["content-security-policy"] == CSP
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"


def test_the_csp_is_strict() -> None:
    csp = _directives()
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]  # no inline script, no eval, no other origin
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert csp["connect-src"] == ["'self'"]
    for name, sources in csp.items():
        assert "*" not in sources, name
        assert "'unsafe-eval'" not in sources, name
        assert not any(s.startswith(("http:", "https:")) for s in sources), name
    # The one allowance, for Vant's inline style attributes: styles, never scripts.
    assert [n for n, s in csp.items() if "'unsafe-inline'" in s] == ["style-src"]
