"""Settings for the test suite: the normal settings with throwaway keys and a fast hasher."""

import os

os.environ.setdefault("HRSS_INSECURE_DEV_KEYS", "1")
os.environ.setdefault("HRSS_FAST_PASSWORD_HASHER", "1")
os.environ.setdefault("HRSS_SECURE_COOKIES", "0")

from hrss.config.settings import *  # noqa: E402,F403

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

HRSS_BLOB_DIR = VAR_DIR / f"test-blobs-{os.getpid()}"  # noqa: F405
