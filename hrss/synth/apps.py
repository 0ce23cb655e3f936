"""Django app config: only to expose the ``synth`` management command."""

from django.apps import AppConfig


class SynthConfig(AppConfig):
    name = "hrss.synth"
    label = "synth"
    verbose_name = "合成数据 Synth"
