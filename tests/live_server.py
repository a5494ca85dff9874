"""A real ``manage.py runserver`` in a subprocess, for tests that speak HTTP to it."""

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def runserver(cwd: Path, env: dict, port: int | None = None, *options: str) -> Iterator[int]:
    """Serves the project in ``cwd`` until the block ends; yields its port."""
    port = port or free_port()
    process = subprocess.Popen(  # noqa: S603 - a project's own manage.py, fixed arguments
        [sys.executable, "manage.py", "runserver", "--noreload", *options, f"127.0.0.1:{port}"],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.3)
    else:
        process.kill()
        raise RuntimeError(process.stderr.read().decode()[-3000:])
    try:
        yield port
    finally:
        process.terminate()
        process.wait(timeout=20)
