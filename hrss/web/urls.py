from django.urls import path

from hrss.web import views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("text-size/", views.text_size, name="text_size"),
]
