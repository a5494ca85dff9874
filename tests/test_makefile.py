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


def test_make_test_runs_the_browser_tools_check_then_the_whole_suite_on_two_workers():
    commands = subprocess.run(  # noqa: S603 - fixed arguments
        ["make", "-n", "-B", "test"],  # noqa: S607 - make from PATH, as a user runs it
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pytest_line = next(line for line in commands.splitlines() if "-m pytest" in line)
    # Every test (no -m, no path: pyproject's addopts only leave out tests/operator), skip reasons
    # and the slowest tests printed, two workers with a module each at a time.
    assert " -m " not in pytest_line.split("-m pytest", 1)[1] and "tests/" not in pytest_line
    assert {"-rs", "--durations=15", "-n", "--dist", "loadfile"} <= set(pytest_line.split())
    # Chromium and axe-core are checked (or installed) before the suite starts.
    assert commands.index("chromium") < commands.index("-m pytest")
    assert commands.index("axe-core") < commands.index("-m pytest")
