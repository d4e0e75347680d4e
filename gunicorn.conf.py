"""gunicorn's settings wherever the platform is served from this folder (the Dockerfile,
docker-compose.yml, benchmarks/load.py); WEB_CONCURRENCY overrides the number of workers."""

import multiprocessing
import os

# Sync workers, gunicorn's own advice of two a core plus one. Measured at the sign-up peak
# (docs/scaling-and-outages.md): with more, page views no longer queue behind the sign-ups
# hashing, but every request then shares the cores with the hashes' threads and the slowest
# answers get slower (15 minutes at 6 sign-ups a second: p95 860 ms with 3, 970 ms with 8).
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * multiprocessing.cpu_count() + 1))
timeout = 30
