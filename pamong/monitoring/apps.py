from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "pamong.monitoring"
    label = "monitoring"
    verbose_name = "Monitoring dan evaluasi"
