"""URLs of the service hall's pages: the applicant's portal and the staff workbench."""

from django.urls import include, path

from hrss.service_hall import views_catalog, views_kpis, views_portal, views_workbench

APP = "me/applications/<int:application_id>/"

portal_patterns = [
    path("services/", views_catalog.catalog, name="catalog"),
    path("services/<str:code>/", views_catalog.item_detail, name="item"),
    path("services/<str:code>/apply/", views_catalog.apply, name="apply"),
    path("me/applications/", views_portal.application_list, name="applications"),
    path(APP, views_portal.application_detail, name="application"),
    path(APP + "materials/<str:code>/", views_portal.upload, name="upload"),
    path(APP + "form/", views_portal.update_form, name="update_form"),
    path(APP + "reuse/", views_portal.reuse, name="reuse"),
    path(APP + "submit/", views_portal.submit, name="submit"),
    path(APP + "resubmit/", views_portal.resubmit, name="resubmit"),
    path(APP + "withdraw/", views_portal.withdraw, name="withdraw"),
    path(APP + "result/", views_portal.result, name="result"),
    path("me/materials/<int:material_id>/", views_portal.material, name="material"),
    path("me/notifications/", views_portal.notifications, name="notifications"),
    path(
        "me/notifications/<int:notification_id>/read/",
        views_portal.notification_read,
        name="notification_read",
    ),
]

WB = "workbench/applications/<int:application_id>/"

workbench_patterns = [
    path("workbench/", views_workbench.queue, name="queue"),
    path("workbench/next/", views_workbench.next_item, name="next"),
    path("workbench/kpis/", views_kpis.kpis, name="kpis"),
    path(WB, views_workbench.application_detail, name="application"),
    path(WB + "reveal/", views_workbench.reveal, name="reveal"),
    path(WB + "<slug:action>/", views_workbench.act, name="act"),
    path("workbench/materials/<int:material_id>/", views_workbench.material, name="material"),
]

urlpatterns = [
    path("", include((portal_patterns, "portal"))),
    path("", include((workbench_patterns, "workbench"))),
]
