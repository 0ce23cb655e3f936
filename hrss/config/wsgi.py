"""WSGI entry point (gunicorn ``hrss.config.wsgi``)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hrss.config.settings")
application = get_wsgi_application()
