from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    """Redaktionen: how articles are written, reviewed, published and curated (the workflow,
    the desk, the newsroom's mail, versions, roles and the article admin). The content and the
    public pages are ``articles``'; this app builds on them and they know nothing of it."""

    name = "newsroom"
    verbose_name = "Redaktionen"
    default_auto_field = "django.db.models.BigAutoField"
