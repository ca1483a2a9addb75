from django.apps import AppConfig


class ProfessionalismConfig(AppConfig):
    name = "pamong.professionalism"
    label = "professionalism"
    verbose_name = "Indeks Profesionalitas ASN"
