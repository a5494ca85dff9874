"""The plugin set, installed as the README says into a project made by ``wagtail start``.

In a temporary directory: the wheel is built from this checkout, installed
(without dependencies: they are this environment's) into a folder of its own,
and a new Wagtail project gets the README's settings block, verbatim. The
project never sees this repository's ``config/``: only the wheel is on its
path. Then the README's commands, and HTTP with each host's Host header.
"""

import os
import re
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import psycopg
import pytest

from tests.live_server import runserver

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
MARKER = "<!-- integration-settings:"
SOURCE_IGNORED = shutil.ignore_patterns(
    ".git",
    ".venv",
    ".venv-*",
    ".data",
    ".ci",
    "media",
    "static",
    "site",
    "node_modules",
    "__pycache__",
    "build",
    "*.egg-info",
)


def readme_settings_block() -> str:
    readme = (ROOT / "README.md").read_text()
    after = readme[readme.index(MARKER) :]
    return re.search(r"```python\n(.*?)```", after, re.S).group(1)


def run(command: list[str], cwd: Path, env: dict, timeout: int = 600) -> subprocess.CompletedProcess:
    done = subprocess.run(  # noqa: S603 - fixed commands of this test
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert done.returncode == 0, f"{command}\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}"
    return done


def get(port: int, host: str, path: str) -> tuple[int, str]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Host": host})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - our local server
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def _createdb() -> str:
    if found := shutil.which("createdb"):
        return found
    from pgserver._commands import POSTGRES_BIN_PATH

    return str(Path(POSTGRES_BIN_PATH) / "createdb")


@pytest.fixture(scope="module")
def database(django_db_blocker):
    """A database of its own on the test run's server, dropped at the end."""
    from django.db import connection

    with django_db_blocker.unblock():
        params = connection.settings_dict
    name = f"integration_{os.getpid()}"
    server = {"dbname": "postgres", "host": params["HOST"], "port": params["PORT"], "user": params["USER"]}
    server |= {"password": params["PASSWORD"]}
    server = {k: v for k, v in server.items() if v}
    variables = {
        "PGDATABASE": name,
        "PGHOST": params["HOST"] or "",
        "PGPORT": str(params["PORT"] or 5432),
        "PGUSER": params["USER"] or "",
        "PGPASSWORD": params["PASSWORD"] or "",
    }
    # The README's step, as written: `createdb mysite`, the server named by the PG* variables; the
    # embedded package's own createdb on a machine without PostgreSQL's client tools.
    run([_createdb(), name], ROOT, {**os.environ, **variables})
    yield variables
    with psycopg.connect(**server, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def project(tmp_path_factory, database):
    """``wagtail start`` + the wheel + the README's settings, migrated, with one CPTS."""
    work = tmp_path_factory.mktemp("integration")
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=SOURCE_IGNORED)
    run(
        [str(BIN / "pip"), "wheel", str(source), "--no-deps", "-w", str(work / "dist"), "-q"],
        work,
        os.environ,
    )
    (wheel,) = (work / "dist").glob("cpts_network-*.whl")
    run(
        [str(BIN / "pip"), "install", "--no-deps", "--target", str(work / "site"), str(wheel), "-q"],
        work,
        os.environ,
    )

    site = work / "mysite"
    site.mkdir()
    run([str(BIN / "wagtail"), "start", "mysite", str(site)], work, os.environ)
    shutil.rmtree(site / "home")
    shutil.rmtree(site / "search")
    with (site / "mysite" / "settings" / "base.py").open("a") as settings:
        settings.write("\n" + readme_settings_block())

    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL")}
    env |= database | {"PYTHONPATH": str(work / "site")}
    python = str(BIN / "python")
    where = run(
        [python, "-c", "import cpts_network, tenants; print(cpts_network.__file__, tenants.__file__)"],
        site,
        env,
    )
    assert str(ROOT) not in where.stdout and str(work / "site") in where.stdout

    run([python, "manage.py", "migrate_schemas", "--noinput"], site, env)
    run([python, "manage.py", "load_reference_data"], site, env)
    run(
        [python, "manage.py", "create_cpts", "metz", "--name", "CPTS fictive de Metz", "--region", "44"]
        + ["--department", "57", "--coordinator-email", "coordination@example.org"]
        + ["--coordinator-password", "a long passphrase for the test"],
        site,
        env,
    )
    return site, env


@pytest.fixture(scope="module")
def served(project):
    site, env = project
    with runserver(site, env) as port:
        yield port


def test_a_wagtail_start_project_serves_a_cpts_and_the_federation(served):
    home_status, home = get(served, "metz.localhost", "/")
    assert home_status == 200 and "CPTS fictive de Metz" in home

    pages_status, pages = get(served, "metz.localhost", "/api/v2/pages/")
    assert pages_status == 200 and '"total_count"' in pages

    coverage_status, coverage = get(served, "localhost", "/api/network/coverage/")
    assert coverage_status == 200 and '"covered_population"' in coverage

    offers_status, offers = get(served, "localhost", "/api/network/internships/")
    assert offers_status == 200 and '"results"' in offers

    unknown_status, _ = get(served, "nowhere.localhost", "/")
    assert unknown_status == 404


def test_a_missing_setting_is_named_by_a_system_check(project):
    site, env = project
    (site / "mysite" / "settings" / "forgetful.py").write_text(
        "from .dev import *  # noqa\n\ndel FEDERATION_HOSTS\n"
    )
    done = subprocess.run(  # noqa: S603 - the project's own manage.py
        [str(BIN / "python"), "manage.py", "check"],
        cwd=site,
        env=env | {"DJANGO_SETTINGS_MODULE": "mysite.settings.forgetful"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode != 0
    assert "(cpts_network.E001) Réglage manquant : FEDERATION_HOSTS." in done.stderr
