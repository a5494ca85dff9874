"""migrate_schemas with one new migration across the whole network (default: the 1,000 CPTS of
bench/generate_network.py), with django-tenants' parallel executor.

    python bench/bench_migrate_network.py [--processes 2]

"The new migration" is bench.benchapp's (create a table and an index): it is
first unapplied everywhere (not timed), then applied to every CPTS schema
(timed), as a release with one migration would be.
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, setup_django, timed  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    setup_django(fresh=False)
    from tenants.models import CPTS

    n = CPTS.objects.count()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.bench",
        "BENCH_PROCESSES": str(args.processes),
    }

    def migrate(*argv: str) -> None:
        subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", "migrate_schemas", "--tenant", "--noinput", "-v", "0", *argv],
            cwd=ROOT,
            env=env,
            check=True,
        )

    print(f"{n} CPTS : retrait de la migration de benchapp (non chronométré)…", flush=True)
    migrate("benchapp", "zero", "--executor=multiprocessing")
    elapsed = timed(lambda: migrate("benchapp", "--executor=multiprocessing"))
    results = {"cpts": n, "processes": args.processes, "migrate_one_s": elapsed, "per_cpts_s": elapsed / n}
    print(
        f"  une migration sur {n} CPTS ({args.processes} processus) : {elapsed:.0f} s "
        f"({elapsed / n * 1000:.0f} ms par CPTS)"
    )
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "migrate_network.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
