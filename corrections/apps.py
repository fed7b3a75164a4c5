from django.apps import AppConfig


class CorrectionsConfig(AppConfig):
    """Rettelser: corrections, clarifications, updates, replies (genmæle) and Pressenævnet's
    rulings, shown on their article, in the news stream (``/rettelser/``, its feed, the front
    page's newest list) and in the article's metadata. The newsroom makes and publishes them
    through its workflow (newsroom/workflow.py)."""

    name = "corrections"
    verbose_name = "Rettelser"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from articles.caching.invalidation import connect_public

        from . import demo  # noqa: F401  (adds corrections to manage.py seed_demo)
        from .models import Correction

        # A published or withdrawn correction shows on its article's page and on the lists;
        # a proposal shows nowhere (Correction.shown_publicly).
        connect_public([Correction])
