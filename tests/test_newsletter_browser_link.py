""" "Læs i browseren" shows what the mail showed (issue 22, item 6).

A new subscriber's first digest mails the articles of the last month, while the digest's
archive page shows its own week: the link in each mail must open exactly what that mail held,
for that subscriber. Mails are sent by the real sending engine (``sending.send_due``) through
a real SMTP server (``smtp_server``), and the link is taken from what the server received.
"""

from __future__ import annotations

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.core import signing
from django.utils import timezone

from articles.models import Article
from articles.templatetags.article_tags import danish_date, iso_datetime
from newsletter import browser, sending
from newsletter.models import Delivery, Subscriber
from newsroom import workflow

from .factories import ArticleFactory, SectionFactory, UserFactory

pytestmark = pytest.mark.django_db

SITE = "https://almene.example.org"
LINK = re.compile(re.escape(SITE) + r"(/nyhedsbrev/mail/[^/\s\"]+/)")


@pytest.fixture(autouse=True)
def site(settings):
    settings.SITE_URL = SITE


def due_now(settings):
    """The digest falls due from the start of this hour, today."""
    local = timezone.localtime(timezone.now())
    settings.NEWSLETTER_WEEKDAY, settings.NEWSLETTER_HOUR = local.weekday(), local.hour
    return sending.due_at(timezone.now())


def subscriber(email, *, everything=False, sections=()):
    person = Subscriber.objects.create(
        email=email,
        state=Subscriber.State.CONFIRMED,
        everything=everything,
        confirmed_at=timezone.now() - timedelta(days=1),
    )
    person.sections.set(sections)
    return person


def mail_to(smtp_server, address):
    [message] = [message for recipients, message in smtp_server.messages if address in recipients]
    return message


def text_of(message) -> str:
    return message.get_body(("plain",)).get_content()


def html_of(message) -> str:
    return message.get_body(("html",)).get_content()


def browser_link(message) -> str:
    """The path of the mail's "Læs i browseren" link: the same in its text and HTML parts."""
    in_text = re.search(r"Læs i browseren:\s*" + LINK.pattern, text_of(message))
    in_html = re.search(
        r'<a href="' + LINK.pattern + r'"[^>]*>Læs i browseren</a>', html_of(message)
    )
    assert in_text and in_html, text_of(message)
    assert in_text[1] == in_html[1]
    return in_text[1]


def titles_in_order(text: str, articles) -> list[int]:
    """The ids of ``articles`` in the order their titles first appear in ``text``."""
    found = [
        (text.index(article.title), article.pk) for article in articles if article.title in text
    ]
    return [pk for _, pk in sorted(found)]


def cards_in_order(page: str, articles) -> list[int]:
    """The ids of ``articles`` in the order their cards' links appear on the page."""
    found = [
        (page.index(f'class="card__title"><a href="{article.get_absolute_url()}"'), article.pk)
        for article in articles
        if f'class="card__title"><a href="{article.get_absolute_url()}"' in page
    ]
    return [pk for _, pk in sorted(found)]


@pytest.fixture
def a_month_of_news(settings):
    """The issue's case: one article in the digest's own week and four more in the month
    before it, in two sections; a new subscriber of everything and one of a section."""
    due = due_now(settings)
    housing, climate = SectionFactory(name="Boligpolitik"), SectionFactory(name="Klima")
    this_week = ArticleFactory(
        section=housing, title="Ugens nyhed om helhedsplaner", published_at=due - timedelta(hours=3)
    )
    older = [
        ArticleFactory(
            section=section,
            title=f"Ældre nyhed {days} dage",
            published_at=due - timedelta(days=days),
        )
        for days, section in ((10, climate), (15, housing), (20, climate), (25, housing))
    ]
    everything = subscriber("alt@example.org", everything=True)
    climate_only = subscriber("klima@example.org", sections=[climate])
    return {
        "articles": [this_week, *older],
        "this_week": this_week,
        "climate": [article for article in older if article.section == climate],
        "everything": everything,
        "climate_only": climate_only,
    }


def test_the_link_opens_exactly_the_articles_the_mail_held_in_its_order(
    client, smtp_server, a_month_of_news
):
    digest, outcome = sending.send_due()
    assert outcome.sent == 2
    articles = a_month_of_news["articles"]

    mail = mail_to(smtp_server, "alt@example.org")
    mailed = titles_in_order(text_of(mail), articles)
    assert len(mailed) == 5  # the new subscriber's first mail reaches a month back
    response = client.get(browser_link(mail))
    assert response.status_code == 200
    page = response.content.decode()
    assert cards_in_order(page, articles) == mailed
    assert page.count('<article class="card">') == 5
    assert "<h1>Dit nyhedsbrev nr. 1</h1>" in page and "5 artikler om de emner" in page
    assert "ikke længere tilgængelig" not in page

    # Another subscriber's link shows theirs: the climate articles only.
    other = mail_to(smtp_server, "klima@example.org")
    assert browser_link(other) != browser_link(mail)
    climate = [article.pk for article in a_month_of_news["climate"]]
    assert titles_in_order(text_of(other), articles) == climate
    other_page = client.get(browser_link(other)).content.decode()
    assert cards_in_order(other_page, articles) == climate
    assert a_month_of_news["this_week"].title not in other_page

    # The digest's public archive page is its own week, and says so.
    archive = client.get(digest.get_absolute_url()).content.decode()
    assert cards_in_order(archive, articles) == [a_month_of_news["this_week"].pk]


def test_the_page_keeps_the_order_the_delivery_recorded(client, smtp_server, a_month_of_news):
    """The page follows the mail's recorded order, not a date order of its own."""
    sending.send_due()
    link = browser_link(mail_to(smtp_server, "alt@example.org"))
    delivery = Delivery.objects.get(subscriber=a_month_of_news["everything"])
    # Neither newest nor oldest first: only the recorded order gives this.
    shuffled = delivery.article_ids[2:] + delivery.article_ids[:2]
    Delivery.objects.filter(pk=delivery.pk).update(article_ids=shuffled)
    page = client.get(link).content.decode()
    assert cards_in_order(page, a_month_of_news["articles"]) == shuffled


def test_the_delivery_records_the_mails_window(smtp_server, a_month_of_news):
    digest, _ = sending.send_due()
    delivery = Delivery.objects.get(subscriber=a_month_of_news["everything"])
    assert delivery.covers_from == digest.ends_at - sending.REACH
    assert delivery.sent_at is not None


def test_an_article_taken_down_since_is_left_out_and_counted(client, smtp_server, a_month_of_news):
    sending.send_due()
    link = browser_link(mail_to(smtp_server, "alt@example.org"))
    leaving = a_month_of_news["articles"][2]
    workflow.unpublish(Article.objects.get(pk=leaving.pk), UserFactory(groups=["Redaktør"]))
    page = client.get(link).content.decode()
    assert leaving.title not in page and leaving.get_absolute_url() not in page
    assert page.count('<article class="card">') == 4
    assert "1 artikel er ikke længere tilgængelig" in page

    Article.objects.filter(pk=a_month_of_news["articles"][3].pk).delete()
    page = client.get(link).content.decode()
    assert "2 artikler er ikke længere tilgængelige" in page
    assert page.count('<article class="card">') == 3


def test_the_page_is_personal_never_cached_nor_indexed(client, smtp_server, a_month_of_news):
    sending.send_due()
    response = client.get(browser_link(mail_to(smtp_server, "alt@example.org")))
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control
    assert "public" not in cache_control
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Referrer-Policy"] == "no-referrer"
    page = response.content.decode()
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert '<html lang="da">' in page
    # It names nobody: a forwarded link shows the articles, not the address.
    assert "alt@example.org" not in page


def test_a_tampered_or_foreign_token_is_not_found(client, smtp_server, a_month_of_news):
    sending.send_due()
    path = browser_link(mail_to(smtp_server, "alt@example.org"))
    token = path.rstrip("/").rsplit("/", 1)[1]
    value, signature = token.split(".")
    other = Delivery.objects.get(subscriber=a_month_of_news["climate_only"])
    forged = [
        f"{value}.{signature[:-1]}{'A' if signature[-1] != 'A' else 'B'}",  # altered signature
        f"{signing.b62_encode(other.pk)}.{signature}",  # another mail, this mail's signature
        value,
        f"{value}.",
        "ikke-et-link",
        "x" * 500,
        "%C3%A6%C3%B8%C3%A5.abc",  # (a NUL byte is refused site-wide, 400)
        # Signed with the right key but another salt (a confirmation link's, say).
        signing.Signer(salt="newsletter.confirm", sep=".").sign(value),
    ]
    for bad in forged:
        response = client.get(f"/nyhedsbrev/mail/{bad}/")
        assert response.status_code == 404, bad
    # A genuine link whose mail has not been sent, or is gone with its subscriber.
    pending = Delivery.objects.create(
        digest=other.digest, subscriber=subscriber("ny@example.org", everything=True)
    )
    assert client.get(browser.mail_path(pending.pk)).status_code == 404
    a_month_of_news["everything"].delete()
    assert client.get(path).status_code == 404
    assert client.post(browser.mail_path(other.pk)).status_code == 405


def test_the_tokens_are_signed_and_per_delivery():
    assert browser.delivery_id_of(browser.token_for(123)) == 123
    assert browser.token_for(123) != browser.token_for(124)
    assert browser.delivery_id_of(browser.token_for(123) + "x") is None


# --- The public archive says what each digest held ------------------------------------------


def test_the_archive_states_each_digests_period_sections_and_count(
    client, smtp_server, a_month_of_news
):
    digest, _ = sending.send_due()
    listing = client.get("/nyhedsbrev/arkiv/").content.decode()
    for moment in (digest.starts_at, digest.ends_at):
        assert f'<time datetime="{iso_datetime(moment)}">{danish_date(moment)}</time>' in listing
    assert "Artikler udgivet fra <time" in listing
    assert "I alt <strong>1 artikel</strong> i sektionen Boligpolitik." in listing
    assert "„Læs i browseren“ i mailen viser præcis din mail" in listing

    page = client.get(digest.get_absolute_url()).content.decode()
    assert "i sektionen Boligpolitik." in page and "I alt 1 artikel" in page
    assert "Hver abonnent fik dem om sine egne emner" in page


def test_the_archive_page_counts_what_left_the_site(client, smtp_server, a_month_of_news):
    digest, _ = sending.send_due()
    extra = ArticleFactory(section=SectionFactory(name="Klima"))
    digest.articles.add(extra)
    page = client.get(digest.get_absolute_url()).content.decode()
    assert "i sektionerne Boligpolitik, Klima." in page and "I alt 2 artikler" in page
    workflow.unpublish(Article.objects.get(pk=extra.pk), UserFactory(groups=["Redaktør"]))
    page = client.get(digest.get_absolute_url()).content.decode()
    assert "1 artikel fra nyhedsbrevet er ikke længere tilgængelig." in page
    assert "i sektionen Boligpolitik." in page
    listing = client.get("/nyhedsbrev/arkiv/").content.decode()
    assert "I alt <strong>1 artikel</strong> i sektionen Boligpolitik." in listing


def test_the_mail_link_is_plain_and_goes_straight_to_the_site(smtp_server, a_month_of_news):
    sending.send_due()
    path = browser_link(mail_to(smtp_server, "alt@example.org"))
    address = urlsplit(SITE + path)
    assert not address.query and not address.fragment
    # The token names the delivery, not the subscriber: no address or subscriber token in it.
    assert a_month_of_news["everything"].token not in path and "@" not in path
