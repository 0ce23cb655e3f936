"""Supervision pages under ``/supervision/`` (inspectors and supervisors)."""

from django.urls import path

from hrss.supervision import views, views_cases

app_name = "supervision"

urlpatterns = [
    path("", views.index, name="index"),
    path("runs/", views.run_start, name="run_start"),
    path("runs/<int:run_id>/", views.run_detail, name="run"),
    path("runs/<int:run_id>/progress/", views.run_progress, name="run_progress"),
    path("cases/", views_cases.case_list, name="cases"),
    path("cases/<int:case_id>/", views_cases.case_detail, name="case"),
    path("cases/<int:case_id>/<str:action>/", views_cases.case_action, name="case_action"),
    path("tasks/", views.task_list, name="tasks"),
    path("tasks/<int:task_id>/done/", views.task_done, name="task_done"),
]
