from django.apps import AppConfig


class InsuranceConfig(AppConfig):
    name = "hrss.insurance"
    label = "insurance"
    verbose_name = "社会保险 Insurance"
