"""What sending the genmæle form does: the request is stored and its receipt queued, in one
transaction.

The receipt goes through the newsroom's mail queue (``newsroom.notifications.queue_mail``):
written as a row beside the request and sent once the transaction has committed. A mail
server that is down therefore never loses a request nor fails the form: the request is on
the editors' desk at once, the receipt stays queued, and ``manage.py send_editorial_mail``
(cron, every few minutes) sends it when the server is back.

The receipt holds nothing the reader typed but the article as we found it: anyone may type
any address in the form, so the mail must not carry someone else's words to a stranger's
inbox. It says when the request arrived (the four weeks are counted to then) and what
happens next.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from articles.models import Article
from newsroom.notifications import danish_time, queue_mail

from .models import GenmaeleRequest, Kolofon

RECEIPT_SUBJECT = "Vi har modtaget din anmodning om genmæle – {site_name}"


def submit(
    *, article: Article | None, article_text: str, text: str, name: str, email: str, phone: str
) -> GenmaeleRequest:
    """Store a reader's request and queue its receipt."""
    with transaction.atomic():
        request = GenmaeleRequest.objects.create(
            article=article,
            article_text=article_text,
            article_published_at=article.published_at if article is not None else None,
            text=text,
            name=name,
            email=email,
            phone=phone,
        )
        request.receipt = queue_receipt(request)
        request.save(update_fields=["receipt"])
    return request


def queue_receipt(request: GenmaeleRequest):
    with translation.override(settings.LANGUAGE_CODE), timezone.override(settings.TIME_ZONE):
        context = receipt_context(request)
        text = render_to_string("accountability/mail/receipt.txt", context).strip() + "\n"
    return queue_mail(request.email, context["subject"], text)


def receipt_context(request: GenmaeleRequest) -> dict:
    site_url = settings.SITE_URL.rstrip("/")
    kolofon = Kolofon.current()
    article = request.article
    return {
        "subject": RECEIPT_SUBJECT.format(site_name=settings.SITE_NAME),
        "site_name": settings.SITE_NAME,
        "received": danish_time(request.received_at),
        "article_title": " ".join(article.title.split()) if article else "",
        "article_url": site_url + article.get_absolute_url() if article else "",
        "published": danish_time(request.article_published_at)
        if request.article_published_at
        else "",
        "in_time": request.in_time,
        "editor": kolofon.editor if kolofon else "",
        "editor_email": kolofon.email if kolofon else "",
        "guide_url": site_url + reverse("accountability:klagevejledning"),
    }
