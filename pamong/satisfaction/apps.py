from django.apps import AppConfig


class SatisfactionConfig(AppConfig):
    name = "pamong.satisfaction"
    label = "satisfaction"
    verbose_name = "Survei kepuasan masyarakat"
