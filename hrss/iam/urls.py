from django.urls import path

from hrss.iam import views

app_name = "iam"

urlpatterns = [
    path("login/", views.login_view, name="login"),
    path("logout/", views.logout_view, name="logout"),
]
