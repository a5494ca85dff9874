"""The embedded PostgreSQL: started by processes side by side, and again after a stop cut its list."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from config.database import handles_list_repair

ROOT = Path(__file__).resolve().parent.parent


def test_a_list_cut_mid_write_is_emptied_and_a_whole_one_is_kept(tmp_path):
    cut = tmp_path / ".handle_pids.json"
    # What runserver's processes, killed together, left behind (seen after `make demo` was stopped).
    cut.write_text("")
    handles_list_repair(cut)
    assert json.loads(cut.read_text()) == []

    whole = tmp_path / "whole.json"
    whole.write_text("[2616, 2627]")
    handles_list_repair(whole)
    assert whole.read_text() == "[2616, 2627]"

    handles_list_repair(tmp_path / "absent.json")
    assert not (tmp_path / "absent.json").exists()


def test_the_list_is_repaired_only_under_pgserver_s_lock(tmp_path):
    """A process starting while another rewrites the list waits for the write to end.

    pgserver rewrites the list under its lock; a repair that read it outside the
    lock found it half-written and wrote over the other write (seen with
    populate_sites.py's two workers starting together: ``[]048, 7749]``).
    """
    import fasteners

    start = (
        "import sys; from pathlib import Path; from config.database import embedded_database_url; "
        "print(embedded_database_url(Path(sys.argv[1])))"
    )
    runtime = tmp_path / "run"
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_RUNTIME_DIR": str(runtime)}
    command = [sys.executable, "-c", start, str(tmp_path)]
    # A first start creates the cluster; the server stops as the process ends.
    subprocess.run(  # noqa: S603 (this interpreter, a fixed snippet)
        command, cwd=ROOT, env=environment, check=True, capture_output=True, timeout=120
    )
    handles = tmp_path / "postgres" / ".handle_pids.json"
    # pgserver's lock file, where it puts it for this XDG_RUNTIME_DIR.
    lock = fasteners.InterProcessLock(runtime / "python_PostgresServer" / ".lockfile")
    with lock:
        handles.write_text("[4")  # another process, mid-write
        starting = subprocess.Popen(  # noqa: S603 (this interpreter, a fixed snippet)
            command, cwd=ROOT, env=environment, stdout=subprocess.PIPE, text=True
        )
        time.sleep(3)
        assert handles.read_text() == "[4", "the list was rewritten while another process held the lock"
        handles.write_text("[]")
    out, _ = starting.communicate(timeout=120)
    assert starting.returncode == 0 and out.startswith("postgresql://")
    assert json.loads(handles.read_text()) == []
