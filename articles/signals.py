from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver

from .caching import bump_after_commit
from .models import (
    Article,
    ArticleAuthor,
    ArticleSlugRedirect,
    Author,
    RelatedArticle,
    Section,
    Tag,
    TaggedArticle,
)
from .reading_list import ReadingList, merge_into_account


@receiver(user_logged_in)
def merge_reading_list_at_login(sender, request, user, **kwargs):
    """An anonymous reading list joins the account's list when its reader logs in."""
    if request is None:
        return
    anonymous = ReadingList(request)._reader_from_cookie()
    if anonymous is not None:
        merge_into_account(anonymous, user)
    reading_list = getattr(request, "reading_list", None)
    if reading_list is not None:
        # From now on the list is the account's; the cookie has served its purpose.
        reading_list.__dict__.pop("reader", None)
        reading_list._forget()
        reading_list.cookie_was_invalid = anonymous is not None or reading_list.cookie_was_invalid


@receiver(post_save, sender=Article)
def index_search_words(sender, instance, raw=False, **kwargs):
    """New words of a saved article become searchable parts of compounds and spellings."""
    if not raw:
        from .search import index_words

        transaction.on_commit(lambda: index_words([instance.pk]))


# Everything the public pages show: a change to any of it makes every cached page stale.
PUBLIC_CONTENT = [
    Article,
    ArticleAuthor,
    ArticleSlugRedirect,
    Author,
    RelatedArticle,
    Section,
    Tag,
    TaggedArticle,
]
for model in PUBLIC_CONTENT:
    post_save.connect(bump_after_commit, sender=model, dispatch_uid=f"bump-save-{model}")
    post_delete.connect(bump_after_commit, sender=model, dispatch_uid=f"bump-delete-{model}")
m2m_changed.connect(bump_after_commit, sender=Article.goals.through, dispatch_uid="bump-goals")
