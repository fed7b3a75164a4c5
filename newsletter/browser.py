""" "Læs i browseren": each digest mail links to a page of its own that shows what that mail
held: the same articles, in the same order, for that subscriber's topics and period.

The digest's public archive page (archive.py) cannot: it shows the digest's own week, for
every topic, while a mail holds the articles on its subscriber's topics published since their
last digest (a new subscriber's first mail reaches a month back). So the link names the
mail's delivery (the send log's row, which records the mail's articles in their order and the
time they were published from), signed with the site's key (``django.core.signing``, a salt of
its own): a link cannot be made or altered without the key, and one subscriber's link does not
lead to another's mail. A link that is not one of ours, or whose mail is gone (its subscriber
erased), is a page that is not found.

The articles are recorded when the mail is marked sent (sending.finish), at once after the
server took it. The one case where a link shows other than its mail: a sender killed in the
instant between the two sends that mail again at the next run (sending.py), and both mails'
links then show the second's articles (the same digest and topics, so nearly always the same).

The page is personal (it is one subscriber's choice of topics): never cached, private, and
``noindex``. Its articles are those the public may see now (``Article.objects.published()``,
as everywhere on the site): an article taken down since the mail went out is left out, and the
page says how many are.
"""

from __future__ import annotations

from django.core import signing
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from articles.models import Article

from .models import Delivery

SALT = "newsletter.browser"
LARGEST_ID = 2**63 - 1


def _signer() -> signing.Signer:
    # "." rather than ":" between the parts, as in the confirmation links.
    return signing.Signer(salt=SALT, sep=".")


def token_for(delivery_id: int) -> str:
    return _signer().sign(signing.b62_encode(delivery_id))


def delivery_id_of(token: str) -> int | None:
    """The delivery a token names, or None when it is not one of ours."""
    try:
        value = signing.b62_decode(_signer().unsign(token))
    except (signing.BadSignature, ValueError):
        return None
    return value if 0 < value <= LARGEST_ID else None


def mail_path(delivery_id: int) -> str:
    """The path of the page showing the mail of this delivery."""
    return reverse("newsletter:mail", kwargs={"token": token_for(delivery_id)})


@never_cache
@require_safe
def mail_in_browser(request, token):
    delivery_id = delivery_id_of(token)
    delivery = (
        Delivery.objects.select_related("digest")
        .filter(pk=delivery_id, state=Delivery.State.SENT)
        .first()
        if delivery_id is not None
        else None
    )
    if delivery is None:
        raise Http404("Mailen findes ikke.")
    ids = [pk for pk in delivery.article_ids if isinstance(pk, int)]
    public = {
        article.pk: article
        for article in Article.objects.published().for_cards().filter(pk__in=ids)
    }
    articles = [public[pk] for pk in ids if pk in public]
    digest = delivery.digest
    response = render(
        request,
        "newsletter/mail_in_browser.html",
        {
            "digest": digest,
            "delivery": delivery,
            "articles": articles,
            "mailed_count": len(ids),
            "gone_count": len(ids) - len(articles),
            "page_title": f"Dit nyhedsbrev nr. {digest.number}",
        },
    )
    # Personal: kept by no shared cache, in no search engine, and its address (which holds
    # the token) sent to no other page as a referrer.
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response
