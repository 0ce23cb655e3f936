from django.apps import AppConfig


class InteropConfig(AppConfig):
    name = "hrss.interop"
    label = "interop"
    verbose_name = "数据交换 Interop"
