"""`Server-Timing: cpu;dur=<ms>` on every response: the CPU time this process spent on the
request, from the first middleware to the last. benchmarks/load_test.py turns it on
(BACKHABITS_SERVER_TIMING=1) to print the CPU per request by page beside each load step; it is
off by default, since it tells any visitor how long a page took to build."""

import time
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


class ServerTimingMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.process_time()
        response = self.get_response(request)
        # Work a streamed body does later is not counted; no page here streams.
        cpu_ms = (time.process_time() - started) * 1000
        response["Server-Timing"] = f"cpu;dur={cpu_ms:.2f}"
        return response
