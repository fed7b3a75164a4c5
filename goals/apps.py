from django.apps import AppConfig


class GoalsConfig(AppConfig):
    name = "goals"
    verbose_name = "Almene mål"
    default_auto_field = "django.db.models.BigAutoField"
