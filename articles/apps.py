from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Artikler"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401  (connects the login merge of reading lists)
        from .caching.remembered import remembered
        from .models import SectionManager

        # Every page shows the sections: kept per content version, not read for each page.
        SectionManager.keep = staticmethod(remembered)
