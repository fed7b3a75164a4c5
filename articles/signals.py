from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver

from .caching.invalidation import connect_public
from .caching.readers import forget_account
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


# The fields whose change can change an article's search words.
WORDS_FIELDS = {"title", "lead", "body", "status"}


def changes_words(update_fields) -> bool:
    return update_fields is None or bool(WORDS_FIELDS & set(update_fields))


@receiver(pre_save, sender=Article)
@receiver(pre_delete, sender=Article)
def note_published_words(sender, instance, raw=False, update_fields=None, **kwargs):
    """The words the article gives while published, before it changes: those only it held
    leave the search words once the change is committed (see ``follow_search_words``)."""
    if not raw and instance.pk is not None and changes_words(update_fields):
        from .search import published_words_of

        instance._published_words_before = published_words_of(instance.pk)


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
@receiver(post_delete, sender=settings.AUTH_USER_MODEL)
def forget_readers_account(sender, instance, **kwargs):
    """A changed password ends the user's other sessions, a deactivated user is logged out:
    the page cache must ask again before it fills a page for them."""
    forget_account(instance.pk)


@receiver(post_save, sender=Article)
def follow_search_words(sender, instance, raw=False, update_fields=None, **kwargs):
    """A published article's words become searchable parts of compounds and spellings; an
    unpublished, edited or deleted one's words leave when no published article holds them,
    so "Mente du …?" never offers a word the public cannot find."""
    if raw or not changes_words(update_fields):
        return
    from .search import update_words

    words_before = instance.__dict__.pop("_published_words_before", [])
    transaction.on_commit(lambda: update_words(instance.pk, words_before))


@receiver(post_delete, sender=Article)
def forget_search_words(sender, instance, **kwargs):
    from .search import update_words

    words_before = instance.__dict__.pop("_published_words_before", [])
    transaction.on_commit(lambda: update_words(None, words_before))


# Everything the public pages show: a change to any of it makes every cached page stale.
connect_public(
    [
        Article,
        ArticleAuthor,
        ArticleSlugRedirect,
        Author,
        RelatedArticle,
        Section,
        Tag,
        TaggedArticle,
    ],
    many_to_many=[Article.goals.through],
)
