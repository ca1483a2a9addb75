from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "pamong.learning"
    label = "learning"
    verbose_name = "Pengembangan kompetensi"
