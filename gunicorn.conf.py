"""gunicorn's settings wherever the platform is served from this folder (the Dockerfile,
docker-compose.yml, benchmarks/load.py); WEB_CONCURRENCY overrides the number of workers."""

import multiprocessing
import os

# Sync workers, four a core: a sign-up holds its worker through the password hash (Argon2,
# about 0.2 s of CPU spread over every core), and the page views asked meanwhile must still
# find a free worker rather than queue behind the hashes (docs/scaling-and-outages.md).
workers = int(os.environ.get("WEB_CONCURRENCY", 4 * multiprocessing.cpu_count()))
timeout = 30
