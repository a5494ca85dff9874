"""Error pages: a lost database is a clean 503 (JSON under /api/), any other failure a terse 500."""

import pytest
from django.db import OperationalError
from django.test import RequestFactory

from cpts_network.errors import server_error


def _while_raising(error, path):
    try:
        raise error
    except Exception:
        return server_error(RequestFactory().get(path, HTTP_HOST="localhost"))


@pytest.mark.parametrize("path", ["/api/network/internships/", "/stages/"])
def test_a_lost_database_is_a_503_with_retry_after(path):
    response = _while_raising(OperationalError("server closed the connection unexpectedly"), path)

    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    if path.startswith("/api/"):
        import json

        assert json.loads(response.content)["error"]["code"] == "unavailable"
    else:
        assert "momentanément indisponible" in response.content.decode()


def test_any_other_failure_is_a_plain_500():
    response = _while_raising(ZeroDivisionError(), "/api/v2/pages/")

    assert response.status_code == 500
    assert b"server_error" in response.content
    assert b"ZeroDivisionError" not in response.content
