from django.urls import path

from hrss.web import views, views_calculator, views_portal

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("text-size/", views.text_size, name="text_size"),
    path("me/", views_portal.me, name="me"),
    path("me/records/", views_portal.records, name="records"),
    path("me/company/", views_portal.company, name="company"),
    path("me/company/employees/", views_portal.employees, name="employees"),
    # before the service hall's ``services/<code>/``: config/urls.py includes this file first
    path(
        "services/pension-calculator/",
        views_calculator.pension_calculator,
        name="pension_calculator",
    ),
]
