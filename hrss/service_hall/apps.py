from django.apps import AppConfig


class ServiceHallConfig(AppConfig):
    name = "hrss.service_hall"
    label = "service_hall"
    verbose_name = "一网通办 Service hall"
