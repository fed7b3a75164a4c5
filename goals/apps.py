from django.apps import AppConfig


class GoalsConfig(AppConfig):
    name = "goals"
    verbose_name = "Almene mål"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import (  # noqa: F401
            demo,  # adds the goals to manage.py seed_demo
            signals,  # cached pages follow changes to goals
        )
