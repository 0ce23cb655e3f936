"""Settings of the load bench's gunicorn: the project's settings, plus the bare views' URLs.

Everything else (middleware, sessions, database pool, logging) is the real configuration,
so the real endpoints and their bare counterparts run in the same stack.
"""

from hrss.config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.bare_urls"
