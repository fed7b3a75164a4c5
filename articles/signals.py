from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

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
