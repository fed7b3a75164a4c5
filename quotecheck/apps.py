from django.apps import AppConfig


class QuoteCheckConfig(AppConfig):
    """Citattjek: a source checks their own quotes in a draft through a link that shows them
    their paragraphs and nothing else (issue 23). The models, the source's page (``/citattjek/
    <token>/``) and its templates; the newsroom opens, revokes and closes checks and logs their
    answers (newsroom/quotechecks.py, newsroom/workflow.py, the admin's ``…/citattjek/``)."""

    name = "quotecheck"
    verbose_name = "Citattjek"
    default_auto_field = "django.db.models.BigAutoField"
