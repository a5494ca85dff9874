"""cpts_create: fast, complete, and all-or-nothing."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from wagtail.models import Site

from content.models import HomePage
from tenants.catalog import schema_catalog
from tenants.models import CPTS, Domain
from tenants.services import cpts_create, domain_add
from tenants.validators import TEMPLATE_SCHEMA_NAME

ROOT = Path(__file__).resolve().parents[2]


def database_state() -> dict:
    """Everything a failed creation could leave behind."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT nspname FROM pg_namespace ORDER BY 1")
        schemas = [row[0] for row in cursor.fetchall()]
    return {
        "schemas": schemas,
        "cpts": list(CPTS.objects.order_by("pk").values_list("pk", "short_name", "schema_name")),
        "domains": list(Domain.objects.order_by("pk").values_list("pk", "domain", "tenant_id")),
        "users": list(get_user_model().objects.order_by("pk").values_list("pk", "username")),
    }


def valid_input(**overrides) -> dict:
    return {
        "name": "CPTS Nouvelle",
        "short_name": "nouvelle",
        "region_code": "44",
        "department_code": "57",
        "coordinator_email": "coord@nouvelle.test",
        **overrides,
    }


def test_creation_gives_a_site_a_home_page_and_a_coordinator(db, network):
    created = cpts_create(**valid_input())
    cpts = created.cpts
    assert cpts.primary_host == "nouvelle.localhost"
    assert created.password_setup_url.startswith("http://nouvelle.localhost")
    with cpts:
        site = Site.objects.get()
        assert site.hostname == "nouvelle.localhost"
        assert site.root_page.specific.title == "CPTS Nouvelle"
        assert isinstance(site.root_page.specific, HomePage)
        users = list(get_user_model().objects.values_list("email", flat=True))
        assert users == ["coord@nouvelle.test"]
        assert not get_user_model().objects.get().has_usable_password()
    response = Client(HTTP_HOST="nouvelle.localhost").get("/")
    assert response.status_code == 200
    assert b"CPTS Nouvelle" in response.content


def test_no_account_is_copied_from_the_template(db, network):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {TEMPLATE_SCHEMA_NAME}.auth_user")  # noqa: S608
        assert cursor.fetchone()[0] == 0


@pytest.mark.parametrize(
    "overrides",
    [
        {"short_name": "public"},
        {"short_name": "cpts-template"},
        {"short_name": "pg-catalog"},
        {"short_name": "pg-toast"},
        {"short_name": "x"},
        {"short_name": "Metz Nord"},
        {"short_name": "métz"},
        {"short_name": "a'; DROP SCHEMA public CASCADE; --"},
        {"short_name": "alpha"},  # duplicate of a session CPTS
        {"short_name": "ok-name", "department_code": "99"},
        {"short_name": "ok-name", "coordinator_email": "pas-un-email"},
        {"short_name": "ok-name", "name": ""},
    ],
)
def test_bad_input_leaves_the_database_exactly_as_before(db, network, overrides):
    before = database_state()
    with pytest.raises(ValidationError) as raised:
        cpts_create(**valid_input(**overrides))
    assert raised.value.message_dict  # tells which field is wrong
    assert database_state() == before


def test_host_already_taken_is_refused_and_nothing_is_made(db, network):
    domain_add(cpts=network["alpha"].cpts, domain="prise.localhost")
    before = database_state()
    with pytest.raises(ValidationError) as raised:
        cpts_create(**valid_input(short_name="prise"))
    assert "déjà utilisé" in str(raised.value)
    assert database_state() == before


def test_orphan_schema_is_never_adopted(db, network):
    with connection.cursor() as cursor:
        cursor.execute("CREATE SCHEMA orpheline")
    before = database_state()
    with pytest.raises(ValidationError):
        cpts_create(**valid_input(short_name="orpheline"))
    assert database_state() == before


def test_failure_after_the_schema_is_made_rolls_everything_back(db, network, monkeypatch):
    from content import services

    def broken(**kwargs):
        raise RuntimeError("provisioning failed")

    monkeypatch.setattr(services, "site_provision", broken)
    monkeypatch.setattr("content.signals.site_provision", broken)
    before = database_state()
    with pytest.raises(RuntimeError):
        cpts_create(**valid_input())
    assert database_state() == before


def test_created_schema_has_the_catalog_of_a_migrated_one(db, network):
    """The template is migrated by migrate_schemas; the clone must match it exactly."""
    cpts = cpts_create(**valid_input()).cpts
    assert schema_catalog(cpts.schema_name) == schema_catalog(TEMPLATE_SCHEMA_NAME)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT app, name FROM {TEMPLATE_SCHEMA_NAME}.django_migrations EXCEPT "  # noqa: S608
            f"SELECT app, name FROM {cpts.schema_name}.django_migrations"
        )
        assert cursor.fetchall() == []


def test_create_command_reports_bad_input_in_one_line(db, network):
    before = database_state()
    with pytest.raises(CommandError) as raised:
        call_command(
            "create_cpts",
            "public",
            name="X",
            region="44",
            department="57",
            coordinator_email="a@b.fr",
        )
    assert "réservé" in str(raised.value)
    assert "\n" not in str(raised.value)
    assert database_state() == before


def test_create_command_with_unreachable_database_says_so_and_exits_non_zero(tmp_path):
    env = {
        **os.environ,
        "DATABASE_URL": "postgresql://postgres@127.0.0.1:1/nulle",
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
    }
    result = subprocess.run(  # noqa: S603
        [
            sys.executable,
            "manage.py",
            "create_cpts",
            "injoignable",
            "--name",
            "X",
            "--region",
            "44",
            "--department",
            "57",
            "--coordinator-email",
            "a@b.fr",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "Base de données injoignable" in result.stderr
    assert "Traceback" not in result.stderr


def test_federation_admin_shows_errors_in_french_and_creates_nothing(db, network, federation_staff_client):
    client = federation_staff_client
    before = database_state()
    response = client.post(
        "/admin/tenants/cpts/add/",
        {**valid_input(short_name="public"), "stage": "idea"},
    )
    assert response.status_code == 200
    assert "est réservé" in response.content.decode()
    assert database_state() == before

    response = client.post("/admin/tenants/cpts/add/", {**valid_input(), "stage": "idea"})
    assert response.status_code == 302
    assert CPTS.objects.filter(short_name="nouvelle").exists()
