"""Names the gunicorn worker that answered, for benchmarks only (config.settings.bench).

``bench_network_load.py --visit-every-cpts-first`` asks each CPTS again until
every worker has served it: a worker's database connection keeps the catalog
of the schemas it has met, and a warm-up that reached only one worker of two
would measure half-warm catalogs.
"""

import os
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

WORKER_HEADER = "X-Bench-Worker"


def worker_header(get_response: Callable[[HttpRequest], HttpResponse]) -> Callable:
    pid = str(os.getpid())

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        # Set on the way out, after the kept-answer middleware: never stored with a kept answer.
        response[WORKER_HEADER] = pid
        return response

    return middleware
