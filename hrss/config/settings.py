"""Settings, read from the environment (12-factor).

Every value that differs between a laptop and a bureau's data centre comes from
an environment variable; nothing secret has a production default.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url

from hrss.config.env import env_bool, env_bytes_key, env_int, env_list

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("HRSS_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("HRSS_DEBUG", default=False)
SECRET_KEY = os.environ.get("HRSS_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and not env_bool("HRSS_INSECURE_DEV_KEYS", default=False):
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(
            "HRSS_SECRET_KEY is not set. Set it (and HRSS_FIELD_KEY, HRSS_INDEX_KEY, "
            "HRSS_AUDIT_KEY) or set HRSS_INSECURE_DEV_KEYS=1 for a laptop demo."
        )
    SECRET_KEY = "insecure-dev-only-secret-key-do-not-use-in-production"

# Key material for personal data (hex, 16 bytes each for SM4 / 32 for HMAC keys).
# Kept out of the database by design: a stolen database dump holds ciphertext only.
FIELD_ENCRYPTION_KEYS = env_bytes_key("HRSS_FIELD_KEY", dev_seed="field", length=16, many=True)
BLIND_INDEX_KEY = env_bytes_key("HRSS_INDEX_KEY", dev_seed="index", length=32)
AUDIT_CHAIN_KEY = env_bytes_key("HRSS_AUDIT_KEY", dev_seed="audit", length=32)
SM2_PRIVATE_KEY = os.environ.get("HRSS_SM2_PRIVATE_KEY", "")
INSECURE_DEV_KEYS = env_bool("HRSS_INSECURE_DEV_KEYS", default=False) or DEBUG
# Where the public reaches the platform (QR codes on certificates point here).
HRSS_PUBLIC_BASE_URL = os.environ.get("HRSS_PUBLIC_BASE_URL", "http://127.0.0.1:8000")
HRSS_BUREAU_NAME = os.environ.get("HRSS_BUREAU_NAME", "湖北省人力资源和社会保障厅")
# Uploaded materials and issued certificates, content-addressed, outside the web root.
HRSS_BLOB_DIR = Path(os.environ.get("HRSS_BLOB_DIR", VAR_DIR / "blobs"))

ALLOWED_HOSTS = env_list("HRSS_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("HRSS_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
    "hrss.core",
    "hrss.audit",
    "hrss.iam",
    "hrss.registry",
    "hrss.insurance",
    "hrss.cards",
    "hrss.employment",
    "hrss.supervision",
    "hrss.service_hall",
    "hrss.interop",
    "hrss.analytics",
    "hrss.synth",
    "hrss.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "hrss.web.nul_guard.NulGuardMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "hrss.iam.middleware.StaffSecondFactorMiddleware",
    "hrss.iam.middleware.IdleTimeoutMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "hrss.web.middleware.DomainErrorPageMiddleware",
]

ROOT_URLCONF = "hrss.config.urls"
WSGI_APPLICATION = "hrss.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'hrss.sqlite3'}"),
        conn_max_age=env_int("HRSS_DB_CONN_MAX_AGE", default=60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL for concurrent readers; FULL so that a committed receipt survives a crash.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; "
            "PRAGMA busy_timeout=10000;"
        ),
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # A file (not :memory:) so tests can inspect the bytes on disk; one per process.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-{os.getpid()}.sqlite3")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "iam.Account"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
]
if env_bool("HRSS_FAST_PASSWORD_HASHER", default=False):  # test suites only
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "hrss.iam.passwords.MixedCharacterClassesValidator"},
]
LOGIN_URL = "iam:login"
LOGIN_REDIRECT_URL = "web:home"

# 等保 level 3: lock after repeated failures, end idle sessions.
HRSS_LOGIN_MAX_FAILURES = env_int("HRSS_LOGIN_MAX_FAILURES", default=5)
HRSS_LOGIN_LOCK_MINUTES = env_int("HRSS_LOGIN_LOCK_MINUTES", default=15)
HRSS_SESSION_IDLE_SECONDS = env_int("HRSS_SESSION_IDLE_SECONDS", default=30 * 60)
SESSION_COOKIE_AGE = 12 * 60 * 60
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = env_bool("HRSS_SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "hrss" / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

TASKS = {
    "default": {
        "BACKEND": os.environ.get("HRSS_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("HRSS_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
