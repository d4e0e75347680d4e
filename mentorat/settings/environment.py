"""Reading the environment: every setting that differs between machines comes from here.

A wrong value stops the process at start with one readable line instead of a traceback deep
in the first request.
"""

import warnings

import environ

env = environ.Env()


class ConfigurationError(SystemExit):
    def __init__(self, message: str):
        super().__init__(f"mentorat: configuration invalide — {message}")


def database_from_env(default: str) -> dict:
    url = env.str("DATABASE_URL", default=default)
    try:
        with warnings.catch_warnings():  # its warning would bury our one-line message
            warnings.simplefilter("ignore")
            config = env.db_url_config(url)
    except Exception as exc:  # django-environ raises several types for a malformed URL
        raise ConfigurationError(f"DATABASE_URL illisible ({exc}).") from None
    if not config.get("ENGINE") or not config.get("NAME"):
        raise ConfigurationError(
            "DATABASE_URL doit ressembler à postgres://utilisateur@hôte:5432/base "
            "ou sqlite:///chemin/vers/fichier.sqlite3."
        )
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config.setdefault("OPTIONS", {}).update(SQLITE_OPTIONS)
    return config


# SQLite holds a first visit where the web server and the worker write at once (the worker
# records an email while the login writes its session): readers never block the writer (WAL),
# a writer waits up to 20 s for the other instead of failing, and a transaction takes the
# write lock when it begins, so that it never has to upgrade a read lock and fail at once
# with "database is locked" (which waiting cannot cure).
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "timeout": 20,
    "transaction_mode": "IMMEDIATE",
}


def redis_cache(url: str, *, timeout: float) -> dict:
    """The cache on Redis, with bounded timeouts and failing open when Redis is away."""
    return {
        "BACKEND": "mentorat.core.cache.FailOpenRedisCache",
        "LOCATION": url,
        "OPTIONS": {"socket_timeout": timeout, "socket_connect_timeout": timeout},
    }
