"""Headless preview tokens cannot be forged, expire, and open one revision on one CPTS's host."""

import datetime
import os
import subprocess
import sys
from pathlib import Path

from django.core import signing
from django.utils import timezone

from content.models import HomePage, PreviewToken
from content.preview import preview_token
from content.services import standard_page_publish


def _draft(tenant, title="Brouillon secret"):
    with tenant.context():
        page = standard_page_publish(parent=HomePage.objects.get(), title="Publié", body="<p>v1</p>")
        page.title = title
        page.save_revision()
        return page


def test_a_token_signed_with_the_secret_key_opens_nothing(alpha, alpha_client):
    """The attack: whoever knows SECRET_KEY signed a token naming any schema, page and revision."""
    page = _draft(alpha)
    forged = signing.dumps(
        {"schema": alpha.schema_name, "page": page.pk, "revision": page.latest_revision_id},
        salt="content.headless-preview",
    )
    response = alpha_client.get("/api/v2/page_preview/", {"token": forged})
    assert response.status_code == 404
    assert "Brouillon secret" not in response.content.decode()
    # The admin's own token opens it: the check above can fail.
    with alpha.context():
        token = preview_token(page=page)
    assert alpha_client.get("/api/v2/page_preview/", {"token": token}).json()["title"] == "Brouillon secret"


def test_tokens_are_stored_as_digests_and_expire(alpha, alpha_client):
    page = _draft(alpha)
    with alpha.context():
        token = preview_token(page=page)
        stored = PreviewToken.objects.get()
        assert token not in stored.digest
        assert stored.revision_id == page.latest_revision_id
        PreviewToken.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert alpha_client.get("/api/v2/page_preview/", {"token": token}).status_code == 404
    with alpha.context():
        preview_token(page=page)  # a new token prunes the expired one
        assert PreviewToken.objects.count() == 1


def test_a_token_of_one_cpts_opens_nothing_on_another(alpha, beta_client):
    page = _draft(alpha)
    with alpha.context():
        token = preview_token(page=page)
    assert beta_client.get("/api/v2/page_preview/", {"token": token}).status_code == 404


def _settings_key(module: str, data_dir: Path, **env) -> str:
    code = f"import importlib; print(importlib.import_module('{module}').SECRET_KEY)"
    environment = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    environment.update(
        CPTS_DATA_DIR=str(data_dir), DATABASE_URL="postgresql://unused@127.0.0.1/unused", **env
    )
    done = subprocess.run(  # noqa: S603 (this interpreter, a fixed snippet)
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip()


def test_the_demo_settings_make_a_key_per_install_and_keep_it(tmp_path):
    first = _settings_key("config.settings.dev", tmp_path / "one")
    again = _settings_key("config.settings.dev", tmp_path / "one")
    other = _settings_key("config.settings.dev", tmp_path / "two")
    assert len(first) >= 50 and first == again and first != other
    assert (tmp_path / "one" / "secret_key").stat().st_mode & 0o077 == 0
    assert _settings_key("config.settings.dev", tmp_path / "one", SECRET_KEY="x" * 60) == "x" * 60


def test_no_settings_module_but_the_tests_ships_a_fixed_key():
    settings_dir = Path(__file__).resolve().parents[2] / "config" / "settings"
    for module in settings_dir.glob("*.py"):
        if module.name in {"test.py", "__init__.py"}:
            continue
        assert 'SECRET_KEY = "' not in module.read_text(), module.name


def test_production_refuses_the_example_key(tmp_path):
    code = "import config.settings.production"
    for key in ["", "change-me", "short-key"]:
        environment = {
            **os.environ,
            "SECRET_KEY": key,
            "ALLOWED_HOSTS": "example.org",
            "DATABASE_URL": "postgresql://unused@127.0.0.1/unused",
        }
        done = subprocess.run(  # noqa: S603 (this interpreter, a fixed snippet)
            [sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=False
        )
        assert done.returncode != 0 and "SECRET_KEY" in done.stderr, key
