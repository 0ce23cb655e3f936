from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "hrss.registry"
    label = "registry"
    verbose_name = "一库 Registry"
