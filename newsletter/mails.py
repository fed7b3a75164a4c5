"""The digest mail: one message per subscriber with the articles chosen for them.

``digest_message`` is called by the sending engine (sending.py) once per subscriber, up to
20,000 times in a run, with everything it needs in its arguments: it asks nothing of the
database. It renders a plain-text and an HTML part from templates/newsletter/ and inlines the
HTML part's stylesheet into style attributes with css-inline, so that Outlook and webmail,
which drop or ignore ``<style>``, show it as designed; only the phone layout's media query is
left in a ``<style>`` element, for the clients that honour it.

What goes out is plain: links go straight to the site (no redirects, no tracking parameters),
the only images are the site's own card thumbnails, and there is no tracking pixel. Its "Læs i
browseren" link is the mail's own (browser.py): a signed link to a page with the articles this
mail held, for this subscriber, not the digest's public archive page. The
headers carry a one-click unsubscribe (RFC 8058) and mark the mail as bulk mail.
"""

from __future__ import annotations

import functools
from urllib.parse import urlsplit

import css_inline
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import get_template
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from .browser import mail_path
from .content import DigestArticle, absolute

# The card rendition is 3:2; shown this wide in the mail (the file is wider, for sharp
# screens), so its width and height attributes keep the layout before the image loads.
THUMBNAIL_WIDTH = 160
THUMBNAIL_HEIGHT = round(THUMBNAIL_WIDTH * 2 / 3)
# Inbox list views show about this much of a subject; a longer title is shortened.
SUBJECT_TITLE_CHARS = 80
LEAD_WORDS = 40

DANISH_MONTHS = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)

# Built once per process: parsing the options and setting up the inliner is the slow part.
# Remote stylesheets are never fetched (the templates have none, and a mail build must not
# wait on the network); at-rules (the phone layout's @media) stay in a <style> element, since
# they cannot be inlined.
INLINER = css_inline.CSSInliner(
    keep_at_rules=True,
    load_remote_stylesheets=False,
    keep_link_tags=False,
)


def digest_message(
    subscriber,
    digest,
    articles: list[DigestArticle],
    *,
    connection=None,
    delivery=None,
    corrections=(),
) -> EmailMultiAlternatives:
    """The mail of ``digest`` to ``subscriber`` with ``articles`` (chosen for them, newest
    first), ready to ``send()``. No queries: the subscriber's own fields, the digest's and the
    articles' are all it reads. ``delivery``: the send log's row this mail is for, which its
    "Læs i browseren" link opens; a mail without one (the admin's preview) has no such link."""
    with translation.override(settings.LANGUAGE_CODE), timezone.override(settings.TIME_ZONE):
        context = digest_context(subscriber, digest, articles, delivery)
        context["corrections"] = [
            {
                "kind": correction.get_kind_display(),
                "title": correction.article.title,
                "text": correction.text,
                "url": absolute(correction.get_absolute_url()),
            }
            for correction in corrections
        ]
        text = get_template("newsletter/digest.txt").render(context).strip() + "\n"
        html = INLINER.inline(get_template("newsletter/digest.html").render(context))
    message = EmailMultiAlternatives(
        subject=context["subject"],
        body=text,
        from_email=from_address(),
        to=[subscriber.email],
        connection=connection,
        headers=headers(context["unsubscribe_url"]),
    )
    message.attach_alternative(html, "text/html")
    return message


def digest_context(subscriber, digest, articles: list[DigestArticle], delivery=None) -> dict:
    """What templates/newsletter/digest.{txt,html} are given. Call with Danish and Danish
    time active (``digest_message`` does)."""
    parts = [article_parts(article, settings.SITE_URL) for article in articles]
    return {
        "subject": subject(articles),
        "preheader": preheader(articles),
        "site_name": settings.SITE_NAME,
        "site_url": absolute("/"),
        "number": digest.number,
        "date": danish_long_date(digest.ends_at),
        "intro": intro(subscriber, articles),
        "article_parts": [html for html, _ in parts],
        "article_texts": [text for _, text in parts],
        "email": subscriber.email,
        "browser_url": absolute(mail_path(delivery.pk)) if delivery and delivery.pk else "",
        "preferences_url": absolute(subscriber.preferences_url()),
        "unsubscribe_url": absolute(subscriber.unsubscribe_url()),
    }


# Each article looks the same in every mail it is in, so it is rendered once per process (the
# newest few hundred are kept) and the mails are put together from the pieces: a mail then
# costs about the same to build whether it has 3 articles or 30. The key is the article as
# the digest read it, so a changed title is a new key, and the site's address its links use.
@functools.lru_cache(maxsize=512)
def article_parts(article: DigestArticle, site_url: str) -> tuple[str, str]:
    """(HTML, text) of one article in the digest mail."""
    context = {
        "article": article,
        "lead_words": LEAD_WORDS,
        "thumbnail_width": THUMBNAIL_WIDTH,
        "thumbnail_height": THUMBNAIL_HEIGHT,
    }
    html = get_template("newsletter/digest_article.html").render(context)
    text = get_template("newsletter/digest_article.txt").render(context).strip() + "\n"
    # Escaped by its template; the mail's template puts it in as it is.
    return mark_safe(html), text


def headers(unsubscribe_url: str) -> dict[str, str]:
    return {
        # One click in the mail program unsubscribes (RFC 8058): it POSTs
        # "List-Unsubscribe=One-Click" to this address, which needs no confirmation page.
        # Gmail and Yahoo require both headers of bulk senders. No mailto: nobody reads one.
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        # Lets readers and their mail programs file and filter the newsletter (RFC 2919).
        "List-Id": f"{settings.SITE_NAME} <nyhedsbrev.{site_host()}>",
        # Bulk mail, not an automatic reply or notice: "Precedence: bulk" keeps vacation
        # responders quiet (RFC 3834 §2 tells them not to answer it), which matters when
        # 20,000 go out at once. "Auto-Submitted: auto-generated" is for machine-made notices
        # (the newsroom's workflow mail uses it); a newsletter is written content sent in bulk.
        "Precedence": "bulk",
    }


def from_address() -> str:
    return getattr(settings, "NEWSLETTER_FROM_EMAIL", "") or settings.DEFAULT_FROM_EMAIL


def site_host() -> str:
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def subject(articles: list[DigestArticle]) -> str:
    """'Nyhedsbrev: »Newest title« og 4 andre nye artikler': the newest title says more in
    the inbox than a count alone, and the prefix tells the newsletter from other mail."""
    if not articles:
        return f"Nyhedsbrev fra {settings.SITE_NAME}"
    title = one_line(articles[0].title)
    if len(title) > SUBJECT_TITLE_CHARS:
        title = title[: SUBJECT_TITLE_CHARS - 1].rstrip() + "…"
    others = len(articles) - 1
    if others == 0:
        return f"Nyhedsbrev: »{title}«"
    if others == 1:
        return f"Nyhedsbrev: »{title}« og 1 anden ny artikel"
    return f"Nyhedsbrev: »{title}« og {others} andre nye artikler"


def preheader(articles: list[DigestArticle]) -> str:
    """The line an inbox shows after the subject: the other titles (the subject has the
    first), or the only article's lead."""
    if len(articles) == 1:
        return one_line(articles[0].lead)
    return "Også: " + " · ".join(one_line(article.title) for article in articles[1:4])


def intro(subscriber, articles: list[DigestArticle]) -> str:
    count = len(articles)
    what = "1 ny artikel" if count == 1 else f"{count} nye artikler"
    if subscriber.everything:
        return f"Her er {what} fra {settings.SITE_NAME} siden sidste nyhedsbrev."
    return f"Her er {what} om de emner, du følger, siden sidste nyhedsbrev."


def danish_long_date(value) -> str:
    """'4. december 2026' in Danish time."""
    local = timezone.localtime(value)
    return f"{local.day}. {DANISH_MONTHS[local.month - 1]} {local.year}"


def one_line(text: str) -> str:
    return " ".join(str(text).split())
