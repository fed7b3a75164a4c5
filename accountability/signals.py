"""What a change in this app does beyond its own rows.

- The kolofon is public content: /om/ and /klagevejledning/ show it. Saving it goes through
  the cache's one place for this (articles/caching/invalidation.py, ``connect_public``). It
  cannot say it is confined to one article, so it retires every page: a kolofon changes a
  few times a year, and the responsible editor's name must show at once.
- A request for a genmæle is on no public page and retires nothing. When one is deleted (a
  reader asks to be erased), its receipt goes with it from the mail queue: the queue holds
  the reader's address.
"""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from articles.caching.invalidation import connect_public

from .models import GenmaeleRequest, Kolofon

connect_public([Kolofon])


@receiver(post_delete, sender=GenmaeleRequest, dispatch_uid="genmaele-receipt-erased")
def erase_receipt(sender, instance, **kwargs):
    if instance.receipt_id is not None:
        from articles.models import EditorialMail

        EditorialMail.objects.filter(pk=instance.receipt_id).delete()
