from django.apps import AppConfig


class CardsConfig(AppConfig):
    name = "hrss.cards"
    label = "cards"
    verbose_name = "一卡通 Cards"
