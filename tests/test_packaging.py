"""Packaging and deployment facts that drift when nobody looks: versions, licence, Python range,
the environment file and the operator's files in deploy/. Nothing here touches the database."""

import configparser
import re
import tomllib
from pathlib import Path

from django.conf import settings
from django.core.management import get_commands

import cpts_network

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
SYSTEMD = DEPLOY / "systemd"
SERVICES = ["cpts-web.service", "cpts-worker.service", "cpts-periodic.service"]


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


# --- Version, licence, Python -------------------------------------------------------------------


def _changelog_headings() -> list[tuple[str, bool]]:
    """(version, released) of every ``## x.y.z …`` heading, newest first."""
    headings = re.findall(r"^## (\d+\.\d+\.\d+)(.*)$", (ROOT / "CHANGELOG.md").read_text(), re.M)
    return [(version, "unreleased" not in rest.lower()) for version, rest in headings]


def test_the_version_is_the_newest_released_one_of_the_changelog():
    headings = _changelog_headings()
    released = [version for version, done in headings if done]
    assert released, "CHANGELOG.md has no released version"
    newest = max(released, key=_version)
    # The newest release is the topmost released heading; what is not released yet sits above it.
    assert released[0] == newest
    for version, done in headings:
        if not done:
            assert _version(version) > _version(newest), f"unreleased {version} is not after {newest}"
    assert _pyproject()["project"]["version"] == newest
    # README: "version in cpts_network/__init__.py".
    assert cpts_network.__version__ == newest


def test_the_licence_file_is_the_one_pyproject_names():
    assert _pyproject()["project"]["license"] == "AGPL-3.0-or-later"
    licence = (ROOT / "LICENSE").read_text()
    assert "GNU AFFERO GENERAL PUBLIC LICENSE" in licence
    assert "Version 3" in licence
    # The whole text (the GNU AGPL v3 is 661 lines), not a notice pointing at it.
    assert "END OF TERMS AND CONDITIONS" in licence
    assert len(licence.splitlines()) > 600


def test_the_readme_states_the_python_range_pyproject_requires():
    requires = _pyproject()["project"]["requires-python"]
    minimum = int(re.search(r">=\s*3\.(\d+)", requires).group(1))
    below = int(re.search(r"<\s*3\.(\d+)", requires).group(1))
    sentence = next(line for line in (ROOT / "README.md").read_text().splitlines() if "Python 3." in line)
    named = [int(minor) for minor in re.findall(r"3\.(\d+)", sentence)]
    assert min(named) == minimum, sentence
    assert max(named) < below, sentence


# --- .env.example ------------------------------------------------------------------------------


def _env_example_lines() -> list[str]:
    return (ROOT / ".env.example").read_text().splitlines()


def _env_example_names() -> list[str]:
    """Variables that .env.example lists: ``NAME=value``, or ``#NAME=value`` when left unset."""
    return [m.group(1) for line in _env_example_lines() if (m := re.match(r"#?([A-Z][A-Z0-9_]*)=", line))]


def _env_example_values() -> dict[str, str]:
    return dict(line.split("=", 1) for line in _env_example_lines() if re.match(r"[A-Z][A-Z0-9_]*=", line))


def _variables_config_reads() -> set[str]:
    """Every variable config/ (settings/*.py, database.py, …) reads with os.environ or os.getenv."""
    read = re.compile(r"""os\.(?:environ\.get\(|environ\[|getenv\()\s*["']([A-Z][A-Z0-9_]*)["']""")
    return {name for path in (ROOT / "config").rglob("*.py") for name in read.findall(path.read_text())}


def test_env_example_lists_every_variable_the_settings_read_and_nothing_else():
    listed = _env_example_names()
    assert len(listed) == len(set(listed)), "a variable is listed twice"
    read = _variables_config_reads()
    assert {"SECRET_KEY", "DATABASE_URL", "CONN_MAX_AGE", "CPTS_DATA_DIR"} <= read  # the regex finds them
    # Django itself reads DJANGO_SETTINGS_MODULE; manage.py and config/wsgi.py only default it.
    assert 'setdefault("DJANGO_SETTINGS_MODULE"' in (ROOT / "manage.py").read_text()
    assert set(listed) == read | {"DJANGO_SETTINGS_MODULE"}


def test_env_example_gives_every_variable_a_comment_with_its_default():
    lines = _env_example_lines()
    for index, line in enumerate(lines):
        if re.match(r"#?[A-Z][A-Z0-9_]*=", line):
            comment = lines[index - 1]
            assert comment.startswith("# ") and "default" in comment.lower(), line


# --- deploy/ -------------------------------------------------------------------------------------


def _deploy_files() -> list[Path]:
    return sorted(path for path in DEPLOY.rglob("*") if path.is_file())


def _unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # systemd's keys are case-sensitive
    parser.read_string((SYSTEMD / name).read_text())
    return parser


def _command_line(value: str) -> list[str]:
    """An ExecStart= value (continued with backslashes) as its words."""
    return value.replace("\\\n", " ").replace("\\", " ").split()


def test_every_manage_py_command_named_in_deploy_exists():
    named = {
        command
        for path in _deploy_files()
        for command in re.findall(r"(?:manage\.py|cpts_manage)\s+([a-z][a-z0-9_]*)", path.read_text())
    }
    # The units' own commands, and the install's: all must be named somewhere.
    assert {"task_worker", "periodic_jobs", "migrate_schemas", "load_reference_data", "collectstatic"} <= (
        named
    )
    assert sorted(named - set(get_commands())) == []


def test_every_environment_variable_named_in_deploy_is_in_env_example():
    listed = set(_env_example_names())
    # Socket address families of RestrictAddressFamilies=, not variables.
    not_variables = {"AF_UNIX", "AF_INET", "AF_INET6"}
    unknown = set()
    for path in _deploy_files():
        for name in set(re.findall(r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b", path.read_text())):
            # A Django setting named in a comment (STATIC_ROOT, CPTS_DOCUMENT_MAX_BYTES…) is fine.
            if name not in listed and name not in not_variables and not hasattr(settings, name):
                unknown.add(f"{path.relative_to(ROOT)}: {name}")
    assert sorted(unknown) == []


def test_the_systemd_units_parse_and_run_the_production_settings():
    web = _unit("cpts-web.service")
    assert "config.wsgi:application" in _command_line(web["Service"]["ExecStart"])
    for name in SERVICES:
        unit = _unit(name)
        service = unit["Service"]
        assert service["Environment"] == "DJANGO_SETTINGS_MODULE=config.settings.production", name
        assert service["EnvironmentFile"] == "/etc/cpts-network/env", name
        assert service["User"] == "cpts", name
        assert service["ProtectSystem"] == "strict", name
        assert service["NoNewPrivileges"] == "yes", name
        assert service["PrivateTmp"] == "yes", name
        writable = service["ReadWritePaths"].split()
        values = _env_example_values()
        assert sorted(writable) == sorted([values["MEDIA_ROOT"], values["CPTS_ARCHIVE_DIR"]]), name
    for name in ["cpts-web.service", "cpts-worker.service"]:
        assert _unit(name)["Service"]["Restart"] == "always", name
    # The worker ends after a bounded number of tasks, for systemd to start a fresh one.
    assert "--max-tasks" in _command_line(_unit("cpts-worker.service")["Service"]["ExecStart"])
    assert _unit("cpts-periodic.service")["Service"]["Type"] == "oneshot"
    timer = _unit("cpts-periodic.timer")["Timer"]
    assert timer["OnCalendar"] == "*:*:00"
    assert timer["Persistent"] == "true"
    assert timer["AccuracySec"] == "1s"
    assert timer["Unit"] == "cpts-periodic.service"


def test_the_procfile_runs_what_the_units_run():
    lines = (DEPLOY / "Procfile").read_text().splitlines()
    processes = dict(line.split(":", 1) for line in lines if re.match(r"\w+:", line))
    assert set(processes) == {"web", "worker"}
    for process, unit in [("web", "cpts-web.service"), ("worker", "cpts-worker.service")]:
        from_unit = _command_line(_unit(unit)["Service"]["ExecStart"])
        from_unit[0] = from_unit[0].removeprefix("/srv/cpts-network/")
        assert processes[process].split() == from_unit, process
    # The scheduler is one cron line, not a process.
    assert "* * * * * cd /srv/cpts-network" in (DEPLOY / "Procfile").read_text()


def _nginx_bytes(size: str) -> int:
    units = {"k": 1024, "m": 1024**2, "g": 1024**3}
    return int(size[:-1]) * units[size[-1].lower()] if size[-1].isalpha() else int(size)


def test_nginx_body_limits_match_the_app_s():
    conf = (DEPLOY / "nginx" / "cpts-network.conf").read_text()
    code = "\n".join(line.split("#", 1)[0] for line in conf.splitlines())
    anywhere = _nginx_bytes(re.search(r"^    client_max_body_size (\w+);", code, re.M).group(1))
    assert anywhere >= max(settings.CPTS_DOCUMENT_MAX_BYTES, settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)
    import_block = re.search(r"location /admin/site-import/ \{(.*?)\}", code, re.S).group(1)
    import_limit = _nginx_bytes(re.search(r"client_max_body_size (\w+);", import_block).group(1))
    allowed = int(_env_example_values()["CPTS_IMPORT_MAX_BYTES"])
    # Just above the app's limit, so that the app's own message refuses what is over it.
    assert allowed <= import_limit < allowed * 1.1
    # Uploaded files go through the app's rules, never straight from MEDIA_ROOT.
    assert "location /media" not in code
    assert "proxy_set_header Host $http_host;" in code
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in code


def test_pgbouncer_pools_sessions_where_database_url_points():
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(DEPLOY / "pgbouncer" / "pgbouncer.ini")
    bouncer = parser["pgbouncer"]
    # Transaction pooling would hand a request a server connection with another's search_path.
    assert bouncer["pool_mode"] == "session"
    url = _env_example_values()["DATABASE_URL"]
    assert f"@{bouncer['listen_addr']}:{bouncer['listen_port']}/" in url
    assert url.rsplit("/", 1)[1] in parser["databases"]


def test_deploy_readme_names_every_deploy_file():
    readme = (DEPLOY / "README.md").read_text()
    for path in _deploy_files():
        if path.name != "README.md":
            assert str(path.relative_to(DEPLOY)) in readme, path
