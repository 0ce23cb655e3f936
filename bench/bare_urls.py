"""The project's URLs plus the bare counterparts of the measured endpoints under /bare/."""

from django.urls import path

from bench import bare_views
from hrss.config.urls import urlpatterns as project_urlpatterns

urlpatterns = [
    *project_urlpatterns,
    path("bare/me/records", bare_views.my_records, name="bare_my_records"),
    path("bare/applications", bare_views.submit_new, name="bare_submit_new"),
]
