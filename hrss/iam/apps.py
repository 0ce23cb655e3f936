from django.apps import AppConfig


class IamConfig(AppConfig):
    name = "hrss.iam"
    label = "iam"
    verbose_name = "账户与权限 Accounts"
