"""The benchmarks' own guards: no ratio over failed responses, no database dropped unasked."""

import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from bench.common import refuse_ratio, wrk_failures

ROOT = Path(__file__).resolve().parents[1]

# What wrk 4 prints when a server answers errors and drops connections.
WRK_WITH_FAILURES = """Running 10s test @ http://127.0.0.1:8097/
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.20ms    0.40ms   8.00ms   90.00%
  73347 requests in 10.00s, 20.12MB read
  Socket errors: connect 0, read 2, write 0, timeout 3
  Non-2xx or 3xx responses: 73340
Requests/sec:   7334.70
"""


def test_every_failed_response_counts():
    assert wrk_failures(WRK_WITH_FAILURES) == 73345
    assert wrk_failures(WRK_WITH_FAILURES.replace("Non-2xx or 3xx responses: 73340\n", "")) == 5


def test_no_ratio_is_printed_over_failed_responses(capsys):
    refuse_ratio({"accueil": {"errors": 0}})  # all succeeded: goes on
    with pytest.raises(SystemExit) as refused:
        refuse_ratio({"accueil": {"errors": 0}, "site unique": {"errors": 73345}})
    assert "Pas de ratio" in str(refused.value)
    assert "site unique : 73345" in capsys.readouterr().err


def test_preparing_the_single_site_baseline_leaves_the_network_database_alone(db):
    """``bench_site_api.py --prepare single``, as the load benchmark's docstring says, once
    dropped the generated network's database: here that database is a sentinel, and survives."""
    from django.db import connection

    from tests.conftest import server_url

    suffix = f"{os.getpid()}"
    network, single = f"bench_guard_network_{suffix}", f"bench_guard_single_{suffix}"
    admin = connection.settings_dict
    conninfo = {"dbname": "postgres", "host": admin["HOST"], "port": admin["PORT"] or None}
    conninfo |= {"user": admin["USER"] or None, "password": admin["PASSWORD"] or None}
    with psycopg.connect(**{k: v for k, v in conninfo.items() if v}, autocommit=True) as server:
        server.execute(f'CREATE DATABASE "{network}"')
    try:
        with psycopg.connect(server_url(network), autocommit=True) as sentinel:
            sentinel.execute("CREATE TABLE generated_network (cpts int)")
        done = subprocess.run(  # noqa: S603 - our own benchmark, fixed arguments
            [sys.executable, "bench/bench_site_api.py", "--prepare", "single"],
            cwd=ROOT,
            # As a person runs it: no settings module in the environment.
            env={
                **{k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
                "DATABASE_URL": server_url(single),
                "BENCH_DATABASE_NAME": network,
                "SINGLE_SITE_DATABASE_NAME": single,
            },
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        with psycopg.connect(server_url(network)) as sentinel:
            assert sentinel.execute("SELECT to_regclass('generated_network')").fetchone()[0]
        with psycopg.connect(server_url(single)) as baseline:
            assert baseline.execute("SELECT count(*) FROM wagtailcore_site").fetchone()[0] == 1
    finally:
        with psycopg.connect(**{k: v for k, v in conninfo.items() if v}, autocommit=True) as server:
            server.execute(f'DROP DATABASE IF EXISTS "{network}" WITH (FORCE)')
            server.execute(f'DROP DATABASE IF EXISTS "{single}" WITH (FORCE)')


def test_a_benchmarks_subprocesses_use_the_database_it_named(db):
    """bench_cpts_create runs manage.py in subprocesses: they must reach the database the
    benchmark made for itself, not the generated network's (their settings read the name)."""
    from django.db import connection

    from tests.conftest import server_url

    name = f"bench_guard_own_{os.getpid()}"
    script = (
        "import os, subprocess, sys\n"
        "from bench.common import setup_django\n"
        f"setup_django(fresh=True, database={name!r})\n"
        "print(subprocess.run([sys.executable, 'manage.py', 'shell', '-c',"
        " 'from django.db import connection; print(connection.settings_dict[\"NAME\"])'],"
        " capture_output=True, text=True, check=True).stdout.strip())\n"
    )
    try:
        done = subprocess.run(  # noqa: S603 - our own benchmark helper, fixed arguments
            [sys.executable, "-c", script],
            cwd=ROOT,
            env={
                **{
                    k: v
                    for k, v in os.environ.items()
                    if k not in ("DJANGO_SETTINGS_MODULE", "BENCH_DATABASE_NAME")
                },
                "DATABASE_URL": server_url("postgres"),
            },
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        assert done.stdout.strip().splitlines()[-1] == name
    finally:
        admin = connection.settings_dict
        conninfo = {"dbname": "postgres", "host": admin["HOST"], "port": admin["PORT"] or None}
        conninfo |= {"user": admin["USER"] or None, "password": admin["PASSWORD"] or None}
        with psycopg.connect(**{k: v for k, v in conninfo.items() if v}, autocommit=True) as server:
            server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_load_benchmark_never_measures_a_server_it_did_not_start():
    """A server left on the port (an earlier run still finishing) would answer in its place."""
    import socket

    from bench.served import start

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        with pytest.raises(SystemExit) as refused:
            start("config.settings.bench", 1, "cpts_bench_unused", taken.getsockname()[1])
    assert "déjà pris" in str(refused.value)


def test_the_long_tail_benchmark_never_empties_a_redis_it_did_not_fill(tmp_path):
    """It empties its Redis database between runs: one holding anything already is refused, untouched."""
    import redis

    from tests.tenants.test_redis_outage import RedisServer

    server = RedisServer(tmp_path)
    server.start()
    try:
        redis.Redis.from_url(server.url).set("someone-else", "kept")
        done = subprocess.run(  # noqa: S603 - our own benchmark, fixed arguments
            [sys.executable, "bench/bench_long_tail.py", "--seconds", "1"],
            cwd=ROOT,
            env={**os.environ, "REDIS_URL": server.url},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode != 0 and "contient déjà 1 clés" in done.stderr
        assert redis.Redis.from_url(server.url).get("someone-else") == b"kept"
    finally:
        server.stop()
