from django.apps import AppConfig
from django.db.models.signals import post_save


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = "Nyhedsbrev"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .consent import forget_current_text
        from .models import ConsentText

        # A new consent text is the one the form shows from now on.
        post_save.connect(
            lambda **kwargs: forget_current_text(),
            sender=ConsentText,
            weak=False,
            dispatch_uid="newsletter.consent_text_saved",
        )
