"""Django app config: only to expose the ``synth`` management command."""

from django.apps import AppConfig


class SynthConfig(AppConfig):
    """Registers the ``synth`` management command; the app has no models."""

    name = "hrss.synth"
    label = "synth"
    verbose_name = "合成数据 Synth"
