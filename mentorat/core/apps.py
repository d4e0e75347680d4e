from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "mentorat.core"
    label = "core"
