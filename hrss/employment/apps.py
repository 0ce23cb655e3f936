from django.apps import AppConfig


class EmploymentConfig(AppConfig):
    name = "hrss.employment"
    label = "employment"
    verbose_name = "就业创业 Employment"
