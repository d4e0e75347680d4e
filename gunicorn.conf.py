"""gunicorn's settings wherever the platform is served from this folder (the Dockerfile,
docker-compose.yml, benchmarks/load.py); WEB_CONCURRENCY overrides the number of workers."""

import multiprocessing
import os

# Sync workers, gunicorn's own advice of two a core plus one. Measured at the sign-up peak
# (docs/scaling-and-outages.md), 15 minutes at 6 sign-ups a second on 2 cores: p95 760 ms
# with 5; 860 ms with 3 (page views queue behind the sign-ups hashing); 970 ms with 8 (every
# request shares the cores with the hashes' threads, and the slowest answers get slower).
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * multiprocessing.cpu_count() + 1))
timeout = 30
