"""URL map: portal pages, login, Django admin (administrators only), language switch."""

from django.contrib import admin
from django.urls import include, path

from hrss.config.api import citizen_api, staff_api
from hrss.service_hall import certificate_views

urlpatterns = [
    path("", include("hrss.web.urls")),
    path("", include("hrss.iam.urls")),
    path("", include((certificate_views.urlpatterns, certificate_views.app_name))),
    path("", include("hrss.service_hall.pages_urls")),
    path("supervision/", include("hrss.supervision.urls")),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/citizen/v1/", citizen_api.urls),
    path("api/staff/v1/", staff_api.urls),
]
