from django.apps import AppConfig


class AnalyticsConfig(AppConfig):
    name = "hrss.analytics"
    label = "analytics"
    verbose_name = "数据分析 Analytics"
