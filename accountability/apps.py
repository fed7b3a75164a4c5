from django.apps import AppConfig


class AccountabilityConfig(AppConfig):
    """The kolofon, the complaints guide and readers' requests for a genmæle (issue 22)."""

    name = "accountability"
    verbose_name = "Ansvar og klager"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import (  # noqa: F401
            demo,  # adds a kolofon and requests to manage.py seed_demo
            signals,  # a kolofon change retires the cached pages
        )
