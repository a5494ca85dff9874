"""The README's commands as make runs them."""

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _demo_commands(*args: str) -> str:
    # -n prints what `make demo` would run without running it; -B so a built venv does not hide a line.
    return subprocess.run(  # noqa: S603 - fixed arguments
        ["make", "-n", "-B", "demo", *args],  # noqa: S607 - make from PATH, as a user runs it
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_the_demo_listens_on_this_machine_only_unless_asked():
    serve = next(line for line in _demo_commands().splitlines() if "runserver" in line)
    assert serve.endswith("runserver 127.0.0.1:8000")
    opened = next(
        line for line in _demo_commands("DEMO_ADDRESS=0.0.0.0:8000").splitlines() if "runserver" in line
    )
    assert opened.endswith("runserver 0.0.0.0:8000")
