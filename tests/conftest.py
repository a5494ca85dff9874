"""Fixtures for a multi-tenant test run.

How the database is set up
    pytest-django creates the test database with ``migrate``, which here is
    ``tenants``' migrate_schemas: public schema, then the ``cpts_template``
    schema and its stored SQL. Two CPTS, ``alpha`` and ``beta``, are then
    created once per session with ``cpts_create`` (so from the template, in
    ~0.3 s each) and committed. A copy of the database as the migrations left
    it (``fresh_install``) serves the tests that need a second install.

Parallel workers
    ``make test`` runs two pytest-xdist workers; each has its own test
    database (pytest-django suffixes its name: ``test_…_gw0``) and its own
    alpha and beta. The first worker to need a database migrates it; the
    others copy ``fresh_install`` instead of migrating again.
    ``server_url(connection.settings_dict["NAME"])`` names the worker's own
    database for a subprocess.

Each test
    runs in a transaction rolled back at its end, as usual with pytest-django.
    PostgreSQL DDL is transactional, so a test may create a CPTS of its own:
    the schema disappears with the rollback.

Clients
    ``federation_client`` speaks to the federation host (public schema);
    ``alpha_client`` and ``beta_client`` to each CPTS's host. Requests go
    through the real middleware, which picks the schema from the Host header.
"""

import fcntl
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import quote

import psycopg
import pytest
from django.db import connection
from django.test import Client
from django_tenants.utils import schema_context

from network.services import reference_data_load
from tenants.models import CPTS
from tenants.services import cpts_create
from tests.smtp import smtp_server  # noqa: F401 (a fixture for every test package)

PASSWORD = "correct-horse-battery"  # noqa: S105


@dataclass(frozen=True)
class TestCPTS:
    cpts: CPTS
    host: str
    coordinator_email: str
    password: str = PASSWORD

    @property
    def schema_name(self) -> str:
        return self.cpts.schema_name

    def context(self):
        return schema_context(self.schema_name)


def _create(short_name: str, department: str) -> TestCPTS:
    created = cpts_create(
        name=f"CPTS {short_name.title()}",
        short_name=short_name,
        region_code="44",
        department_code=department,
        coordinator_email=f"coord@{short_name}.test",
        coordinator_password=PASSWORD,
    )
    return TestCPTS(
        cpts=created.cpts,
        host=created.cpts.primary_host,
        coordinator_email=created.coordinator_email,
    )


# Under pytest-xdist (`make test`: --dist loadfile --no-loadscope-reorder, each module on one
# worker, in this order) the longest modules start first, so that both workers finish together.
LONGEST_FIRST = [
    "tests/test_integration.py",
    "tests/test_bench_guards.py",
    "tests/test_browser.py",
    "tests/tenants/test_cpts_export.py",
    "tests/network/test_demo_network.py",
    "tests/tenants/test_migrate_network.py",
    "tests/tenants/test_cpts_archive.py",
]


def pytest_collection_modifyitems(config, items):
    if hasattr(config, "workerinput"):
        rank = {path: place for place, path in enumerate(LONGEST_FIRST)}
        items.sort(key=lambda item: rank.get(item.nodeid.partition("::")[0], len(rank)))


def migrated_name() -> str:
    """The database as ``migrate_schemas`` left it, before any test (``fresh_install``); named
    after the database of the settings, so asked before the test database replaces it."""
    return f"test_{connection.settings_dict['NAME']}_migrated"


@contextmanager
def first_worker_migrates(config, tmp_path_factory):
    """Under pytest-xdist, one worker migrates and the others copy its database (~25 s of CPU
    each saved): yields whether the migrated database is already there, under a lock every
    worker of this run takes (a file in the run's own temporary folder)."""
    if not hasattr(config, "workerinput"):
        yield False
        return
    run = tmp_path_factory.getbasetemp().parent  # /tmp/pytest-of-…/pytest-N, this run's
    with (run / "migrated.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        ready = run / "migrated.ready"
        yield ready.exists()
        ready.touch()


@pytest.fixture(scope="session")
def django_db_setup(
    request, django_test_environment, django_db_modify_db_settings, django_db_blocker, tmp_path_factory
):
    """Always create the test database, even for a run whose tests all commit.

    pytest-django only sets up the databases that some selected test marks
    with ``django_db``; the archive tests commit instead (pg_dump reads through
    its own connection), and alone they would otherwise write to the
    development database.
    """
    from django.conf import settings
    from django.test.utils import setup_databases, teardown_databases

    verbosity = request.config.option.verbose
    migrated = migrated_name()
    with django_db_blocker.unblock(), first_worker_migrates(request.config, tmp_path_factory) as copied:
        if copied:
            # What setup_databases would have made, as a copy: the same database, its own name.
            test_name, original = connection.creation._get_test_db_name(), connection.settings_dict["NAME"]
            server_execute(
                f'DROP DATABASE IF EXISTS "{test_name}"',
                f'CREATE DATABASE "{test_name}" TEMPLATE "{migrated}"',
            )
            connection.close()
            settings.DATABASES["default"]["NAME"] = connection.settings_dict["NAME"] = test_name
            config = [(connection, original, True)]
        else:
            # No test restores a serialized copy (serialized_rollback): none is made.
            config = setup_databases(
                verbosity=verbosity, interactive=False, aliases={"default"}, serialized_aliases=set()
            )
            name = connection.settings_dict["NAME"]
            connection.close()  # a database is copied with no session open on it
            server_execute(
                f'DROP DATABASE IF EXISTS "{migrated}" WITH (FORCE)',
                f'CREATE DATABASE "{migrated}" TEMPLATE "{name}"',
            )
    yield migrated
    with django_db_blocker.unblock():
        teardown_databases(config, verbosity=verbosity)
        if not hasattr(request.config, "workerinput"):
            server_execute(f'DROP DATABASE IF EXISTS "{migrated}" WITH (FORCE)')


def pytest_sessionfinish(session):
    """The workers' shared copy goes once they have all finished (pytest-xdist's controller)."""
    if getattr(session.config.option, "numprocesses", None) and not hasattr(session.config, "workerinput"):
        server_execute(f'DROP DATABASE IF EXISTS "{migrated_name()}" WITH (FORCE)')


@pytest.fixture(scope="session")
def fresh_install(django_db_setup) -> str:
    """A database as ``migrate_schemas`` leaves a new install (nothing loaded): to be copied with
    ``CREATE DATABASE … TEMPLATE``, never used itself."""
    return django_db_setup


@pytest.fixture(scope="session")
def network(django_db_setup, django_db_blocker) -> dict[str, TestCPTS]:
    with django_db_blocker.unblock():
        name = connection.settings_dict["NAME"]
        assert name.startswith("test_"), f"refusing to create test CPTS in {name}"
        reference_data_load()
        return {"alpha": _create("alpha", "57"), "beta": _create("beta", "54")}


@pytest.fixture
def alpha(network, db) -> TestCPTS:
    return network["alpha"]


@pytest.fixture
def beta(network, db) -> TestCPTS:
    return network["beta"]


@pytest.fixture(autouse=True)
def _public_schema_between_tests():
    """Every test starts and ends on the public schema, whatever it switched to."""
    connection.set_schema_to_public()
    yield
    connection.set_schema_to_public()


@pytest.fixture
def federation_client(db) -> Client:
    return Client(HTTP_HOST="localhost")


@pytest.fixture
def alpha_client(alpha) -> Client:
    return Client(HTTP_HOST=alpha.host)


@pytest.fixture
def beta_client(beta) -> Client:
    return Client(HTTP_HOST=beta.host)


def login(client: Client, tenant: TestCPTS) -> None:
    """Sign in through the CPTS's real Wagtail login form."""
    response = client.post(
        "/admin/login/",
        {"username": tenant.coordinator_email, "password": tenant.password},
    )
    assert response.status_code == 302, response.content[:500]


def totp_now(secret: str) -> str:
    """The code an authenticator app shows now for a base32 ``secret``."""
    from base64 import b32decode

    from django_otp.oath import totp

    return f"{totp(b32decode(secret)):06d}"


@pytest.fixture
def federation_staff_client(federation_client, django_user_model) -> Client:
    """The federation host, signed in as a federation administrator with both factors (public schema)."""
    from network.second_factor import second_factor_enrol

    user = django_user_model.objects.create_superuser("fed", "fed@federation.test", "pw-fed-123")
    factor = second_factor_enrol(user=user)
    response = federation_client.post(
        "/admin/login/", {"username": "fed", "password": "pw-fed-123", "otp_token": totp_now(factor.secret)}
    )
    assert response.status_code == 302, response.content[:2000]
    return federation_client


def server_execute(*statements: str) -> None:
    """Run ``statements`` on the test run's server, outside any database's transaction."""
    with psycopg.connect(server_url("postgres"), autocommit=True) as server:
        for statement in statements:
            server.execute(statement)


def server_url(name: str) -> str:
    """A ``DATABASE_URL`` for database ``name`` on the test run's own server (for subprocesses)."""
    db = connection.settings_dict
    auth = quote(db["USER"] or "") + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
    if (db["HOST"] or "").startswith("/"):
        return f"postgresql://{auth}@/{name}?host={quote(db['HOST'])}" + (
            f"&port={db['PORT']}" if db["PORT"] else ""
        )
    return f"postgresql://{auth}@{db['HOST']}:{db['PORT'] or 5432}/{name}"
