"""gunicorn's settings for `make serve` and benchmarks/load_test.py (`--config` names this file;
the command line gives the rest).

Garbage collection, moved out of requests. A full collection walks every object the worker holds;
with Django, the URLs, templates and caches loaded that took 40-50 ms, and it fell inside whichever
request tipped the count: the all-days trends page's 95th percentile was twice its median
(bench, first views: median 43 ms, p95 94 ms). So each worker, once the app is loaded, moves all
it has into the collector's permanent generation (`gc.freeze`: never walked again, and never
collected: it is the app itself), lets the young generations run as usual, and makes the full
collections itself between requests, as often as Python would (every 10 collections of the
middle generation), after the response is sent. Measured the same way: p95 45 ms, as the median;
the other pages unchanged. Freezing alone made full collections more frequent (the frozen objects
no longer count towards delaying them): p95 53 ms."""

import gc

# Python's own default: a full collection after every 10 collections of the middle generation.
FULL_EVERY = 10
# High enough that the collector never starts a full collection by itself.
NEVER = 1_000_000


def post_worker_init(worker) -> None:
    gc.collect()
    gc.freeze()
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, NEVER)


def post_request(worker, req, environ, resp) -> None:
    # Called once the response has been written to the client.
    if gc.get_count()[2] >= FULL_EVERY:
        gc.collect()
