"""Export one CPTS and import it into another install: the same pages, governance, territory,
campaigns, offers and files.

The other install is a second database on the same server, fed by ``manage.py``
in a subprocess, exactly as an operator would do it. It starts as a copy of
``fresh_install`` (tests/conftest.py), the database as ``migrate_schemas`` left
it: migrating an empty database is what each test run's setup and
tests/test_integration.py already do, and it would cost this test ~20 s more.
"""

import datetime
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.core.files.images import ImageFile
from django.db import connection
from django_tenants.utils import schema_context
from PIL import Image as PILImage
from wagtail.images.models import Image

from content.models import Association, HomePage, InternshipIndexPage, InternshipOfferPage, Mandate
from content.services import page_publish, standard_page_publish, territory_add_communes
from cpts_network.selectors import cpts_content_summary
from prevention.models import CampaignIndexPage, CampaignPage
from tenants.models import CPTS
from tenants.public_copies import public_copies_withdraw
from tenants.services import cpts_create, cpts_export
from tests.conftest import server_url

ROOT = Path(__file__).resolve().parents[2]


def _admin(sql: str) -> None:
    db = connection.settings_dict
    params = {"dbname": "postgres", "host": db["HOST"], "user": db["USER"], "autocommit": True}
    if db["PORT"]:
        params["port"] = db["PORT"]
    if db["PASSWORD"]:
        params["password"] = db["PASSWORD"]
    with psycopg.connect(**params) as conn:
        conn.execute(sql)


@pytest.fixture
def exported(network, django_db_blocker, tmp_path, settings):
    """A committed CPTS with one of everything, exported, then removed from this install."""
    # Through pytest-django's fixture: the storage forgets its folder as the setting changes.
    settings.MEDIA_ROOT = tmp_path / "media-a"
    with django_db_blocker.unblock():
        cpts = cpts_create(
            name="CPTS Exportée",
            short_name="exportee",
            region_code="44",
            department_code="57",
            coordinator_email="coord@exportee.test",
        ).cpts
        try:
            buffer = io.BytesIO()
            PILImage.new("RGB", (4, 4), (10, 120, 10)).save(buffer, format="PNG")
            with schema_context(cpts.schema_name):
                territory_add_communes(cpts=cpts, codes=["57463", "57751"])
                home = HomePage.objects.get()
                standard_page_publish(parent=home, title="Statuts", body="<p>Article 1</p>")
                Association.objects.create(name="CPTS Exportée", legal_form="local_law")
                Mandate.objects.create(
                    full_name="Dr Martin",
                    profession="general_practitioner",
                    role="president",
                    start=datetime.date(2024, 1, 1),
                )
                Image.objects.create(title="Logo", file=ImageFile(buffer, name="logo.png"))
                campaigns = page_publish(parent=home, page=CampaignIndexPage(title="Prévention"))
                page_publish(
                    parent=campaigns,
                    page=CampaignPage(
                        title="Mars bleu",
                        theme_id="colorectal_screening",
                        summary="Tests remis.",
                        start=datetime.date(2027, 3, 1),
                        end=datetime.date(2027, 3, 31),
                    ),
                )
                offers = page_publish(parent=home, page=InternshipIndexPage(title="Stages"))
                page_publish(
                    parent=offers,
                    page=InternshipOfferPage(
                        title="Kiné à Woippy",
                        discipline="physiotherapy",
                        level="year_3",
                        host_structure="practice",
                        commune_id="57751",
                        start_date=datetime.date(2027, 1, 4),
                        end_date=datetime.date(2027, 3, 26),
                        apply_email="kine@exportee.test",
                    ),
                )
            connection.set_schema_to_public()
            expected = cpts_content_summary(cpts)
            bundle = cpts_export(cpts=cpts, directory=tmp_path / "export")
            yield bundle, expected
        finally:
            connection.set_schema_to_public()
            # Its public copies first: the coverage counters of its communes go back down.
            for leftover in CPTS.objects.filter(short_name="exportee"):
                public_copies_withdraw(leftover)
            CPTS.objects.filter(short_name="exportee").delete()
            with connection.cursor() as cursor:
                cursor.execute("DROP SCHEMA IF EXISTS exportee CASCADE")


def test_an_exported_cpts_is_the_same_in_another_install(exported, fresh_install, tmp_path):
    bundle, expected = exported
    assert expected["offers"] and expected["campaigns"] and expected["media"]
    other = f"{connection.settings_dict['NAME']}_other"
    _admin(f'DROP DATABASE IF EXISTS "{other}" WITH (FORCE)')
    _admin(f'CREATE DATABASE "{other}" TEMPLATE "{fresh_install}"')
    env = {
        **os.environ,
        "DATABASE_URL": server_url(other),
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "MEDIA_ROOT": str(tmp_path / "media-b"),
    }

    def manage(*args: str) -> str:
        done = subprocess.run(  # noqa: S603 - our own manage.py, fixed arguments
            [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr[-2000:]
        return done.stdout

    try:
        manage("load_reference_data")
        manage("import_cpts", str(bundle.manifest_path))
        imported = json.loads(manage("cpts_summary", "exportee"))
        listing = manage(
            "shell",
            "-c",
            "from search.models import InternshipListing as L; "
            "print(list(L.objects.values_list('title', flat=True)))",
        )
    finally:
        _admin(f'DROP DATABASE IF EXISTS "{other}" WITH (FORCE)')

    assert imported == expected
    # The other install's network knows the imported offers too.
    assert "Kiné à Woippy" in listing


def test_an_export_from_another_migration_level_is_refused(exported, tmp_path):
    from django.core.exceptions import ValidationError

    from tenants.services import cpts_import

    bundle, _ = exported
    manifest = json.loads(bundle.manifest_path.read_text())
    manifest["migrations"] = "0" * 64
    bundle.manifest_path.write_text(json.dumps(manifest))
    with pytest.raises(ValidationError, match="autre niveau de migrations"):
        cpts_import(manifest_path=bundle.manifest_path)
