"""Fuzz both OpenAPI schemas with schemathesis: no 5xx, every error in the one JSON error format.

Cases are generated from each schema (the network's on the federation host,
a CPTS's on its host) and sent through Django's full stack with the right
Host header, against real PostgreSQL with data in place.
"""

import datetime
import re

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from tests.search.conftest import committed, offer_page

FUZZ = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def with_data(alpha):
    """A territory, a page tree with an offer: the fuzzer meets real rows, not empty tables."""
    from content.models import HomePage, InternshipIndexPage
    from content.services import page_publish, territory_add_communes

    with alpha.context():
        territory_add_communes(cpts=alpha.cpts, codes=["57463"])
        index = page_publish(parent=HomePage.objects.get(), page=InternshipIndexPage(title="Stages"))
        committed(lambda: page_publish(parent=index, page=offer_page(end_date=datetime.date(2099, 1, 1))))
    return alpha


@pytest.fixture
def network_schema(federation_client, with_data):
    raw = federation_client.get("/api/network/schema/", HTTP_ACCEPT="application/json").json()
    return schemathesis.openapi.from_dict(raw)


@pytest.fixture
def cpts_schema(with_data):
    from django.test import Client

    raw = Client(HTTP_HOST=with_data.host).get("/api/v2/schema/", HTTP_ACCEPT="application/json").json()
    return schemathesis.openapi.from_dict(raw)


def send(client, case):
    path = case.formatted_path
    response = client.generic(case.method, path, data="", QUERY_STRING=_query(case.query))
    return response


def _query(query) -> str:
    from urllib.parse import urlencode

    return urlencode(query or {}, doseq=True)


def check(response, case) -> None:
    where = f"{case.method} {case.formatted_path}?{_query(case.query)}"
    assert response.status_code < 500, where
    if response.status_code >= 400:
        body = response.json()
        error = body["error"]
        assert set(error) >= {"status", "code", "message"}, (where, body)
        assert error["status"] == response.status_code, (where, body)
        assert isinstance(error["message"], str) and error["message"], (where, body)


def fuzz(schema, client) -> int:
    """Every operation of the schema, fed the cases schemathesis derives from it; returns how many."""
    from hypothesis import given

    operations = [result.ok() for result in schema.get_all_operations()]
    for operation in operations:

        @FUZZ
        @given(operation.as_strategy())
        def run(case):
            check(send(client, case), case)

        run()
    return len(operations)


def test_network_api(network_schema, federation_client):
    assert fuzz(network_schema, federation_client) >= 7


def test_cpts_api(cpts_schema, with_data):
    from django.test import Client

    assert fuzz(cpts_schema, Client(HTTP_HOST=with_data.host)) >= 10


# Beyond what the schemas describe: any parameter, any text, on the network's
# listings and on Wagtail's own endpoints of a CPTS, including the shapes that
# once gave 500s (integers past bigint, NUL bytes, hundreds of words).
HOSTILE_VALUES = st.one_of(
    st.text(max_size=300),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.sampled_from(["\x00", "a\x00b", "9223372036854775807", " ".join(["mot"] * 300), "-1", "1e309"]),
)
NETWORK_KEYS = ["q", "discipline", "level", "region", "department", "cpts", "housing", "start", "end"] + [
    "sort",
    "page",
    "page_size",
    "theme",
    "status",
    "year",
    "format",
    "commune",
    "x",
]
WAGTAIL_KEYS = ["search", "offset", "limit", "locale", "type", "child_of", "descendant_of", "order"] + [
    "fields",
    "html_path",
    "search_operator",
    "id",
    "x",
]


def _ask_anything(client, path: str, keys: list[str]) -> None:
    from hypothesis import given

    @FUZZ
    @given(st.dictionaries(st.sampled_from(keys), HOSTILE_VALUES, max_size=6))
    def ask(params):
        response = client.get(path, params)
        # 302: a ``find`` that found its object redirects to it.
        assert response.status_code in (200, 302, 400, 404, 406), (params, response.status_code)
        if path.startswith("/api/") and response.status_code >= 400:
            assert response.json()["error"]["status"] == response.status_code

    ask()


@pytest.mark.parametrize(
    "path",
    [
        "/api/network/internships/",
        "/api/network/campaigns/",
        "/stages/",
        "/api/network/find-my-cpts/",
        "/trouver-ma-cpts/",
    ],
)
def test_any_query_string_is_answered_without_a_server_error(path, with_data):
    from django.test import Client

    _ask_anything(Client(HTTP_HOST="localhost"), path, NETWORK_KEYS)


CPTS_PATHS = ["/api/v2/pages/", "/api/v2/images/", "/api/v2/documents/", "/recherche/"]
FIND_PATHS = ["/api/v2/pages/find/", "/api/v2/images/find/", "/api/v2/documents/find/"]


@pytest.mark.parametrize("path", CPTS_PATHS + FIND_PATHS)
def test_any_query_string_on_a_cpts_is_answered_without_a_server_error(path, with_data):
    from django.test import Client

    _ask_anything(Client(HTTP_HOST=with_data.host), path, [*WAGTAIL_KEYS, "q"])


@pytest.mark.parametrize("path", FIND_PATHS)
@pytest.mark.parametrize("value", ["abc", "1.5", "-1", "", "١٢", "99999999999999999999999"])
def test_find_refuses_an_id_that_is_not_a_number_in_the_error_format(path, value, with_data):
    from django.test import Client

    response = Client(HTTP_HOST=with_data.host).get(path, {"id": value})
    assert response.status_code == 400, (path, value, response.status_code)
    assert response.json()["error"]["code"] == "invalid"


# Every JSON type, as the whole body of every POST operation the two schemas describe.
JSON_BODIES = ["[]", '["a"]', '"x"', "1", "1.5", "true", "null", "{}", '{"a": [1, {"b": null}]}', "{", ""]


def _post_operations(schema) -> list[str]:
    return [
        operation.path
        for operation in (result.ok() for result in schema.get_all_operations())
        if operation.method.upper() == "POST"
    ]


def test_any_json_body_on_any_post_endpoint_is_answered_in_the_error_format(
    network_schema, cpts_schema, with_data
):
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client

    from content.models import HomePage
    from content.models.pages import ContactFormField, ContactPage
    from content.services import page_publish

    with with_data.context():
        contact = ContactPage(title="Contact", slug="contact", to_address="coordination@cpts.test")
        contact.form_fields = [ContactFormField(label="Nom", field_type="singleline", required=True)]
        page_id = page_publish(parent=HomePage.objects.get(), page=contact).pk
    connection.set_schema_to_public()
    caches["default"].clear()  # the contact form's rate limits
    checked = 0
    for host, schema in [("localhost", network_schema), (with_data.host, cpts_schema)]:
        for template in _post_operations(schema):
            path = re.sub(r"\{[^}]+\}", str(page_id), template)
            for n, body in enumerate(JSON_BODIES):
                client = Client(HTTP_HOST=host, REMOTE_ADDR=f"203.0.113.{n + 1}")
                response = client.post(path, data=body, content_type="application/json")
                where = (host, path, body, response.status_code)
                assert response.status_code < 500, where
                if response.status_code >= 400:
                    assert response.json()["error"]["status"] == response.status_code, where
                checked += 1
    assert checked >= len(JSON_BODIES)  # the CPTS's contact form at least
