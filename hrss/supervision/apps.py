from django.apps import AppConfig


class SupervisionConfig(AppConfig):
    name = "hrss.supervision"
    label = "supervision"
    verbose_name = "基金监管 Supervision"
