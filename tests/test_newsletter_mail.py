"""The newsletter's digest mail, its archive on the site and its admin (issue 14).

The mail is built by ``newsletter.mails.digest_message`` and sent through a real SMTP server
(the ``smtp_server`` fixture); what the server received is checked: Danish, a text and an
HTML part, the site's own thumbnails as its only remote resources, inline styles, plain links
to the site and the one-click unsubscribe headers."""

from __future__ import annotations

import re
from datetime import timedelta
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.core import mail as django_mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, state_change
from articles.templatetags.article_tags import danish_date
from newsletter import content
from newsletter.browser import mail_path
from newsletter.mails import digest_message, subject
from newsletter.models import Delivery, Digest, Subscriber

from .factories import (
    ArticleFactory,
    AuthorFactory,
    GoalFactory,
    GoalProgrammeFactory,
    SectionFactory,
    UserFactory,
)
from .test_queries import captured_queries, warm_queries

pytestmark = pytest.mark.django_db

SITE = "https://almene.example.org"


@pytest.fixture
def site_url(settings):
    settings.SITE_URL = SITE
    return SITE


def subscriber(email="laeser@example.org", state=Subscriber.State.CONFIRMED, **topics):
    everything = topics.pop("everything", False)
    person = Subscriber.objects.create(
        email=email,
        state=state,
        everything=everything,
        confirmed_at=timezone.now() if state != Subscriber.State.PENDING else None,
    )
    for name, values in topics.items():
        getattr(person, name).set(values)
    return person


def digest_of(number: int, articles=(), *, sent: int = 1, **states) -> Digest:
    """Digest ``number`` with ``articles``, ``sent`` deliveries marked sent and as many in
    each other state as ``states`` say (pending=2, failed=1, …)."""
    now = timezone.now()
    digest = Digest.objects.create(
        number=number,
        period=f"2026-U{number:02d}",
        starts_at=now - timedelta(days=7 * (60 - number) + 7),
        ends_at=now - timedelta(days=7 * (60 - number)),
    )
    digest.articles.set(articles)
    wanted = {Delivery.State.SENT: sent, **{Delivery.State(k): v for k, v in states.items()}}
    deliveries = []
    for state, count in wanted.items():
        for n in range(count):
            person = Subscriber.objects.create(
                email=f"d{number}-{state}-{n}@example.org", state=Subscriber.State.CONFIRMED
            )
            deliveries.append(Delivery(digest=digest, subscriber=person, state=state))
    Delivery.objects.bulk_create(deliveries)
    return digest


class Parts(HTMLParser):
    """What a mail's HTML holds that could reach out of it: images, links, styles, scripts."""

    def __init__(self):
        super().__init__()
        self.images, self.links, self.styles, self.tags = [], [], [], []
        self.link_texts: dict[str, list[str]] = {}
        self._style = self._link = None
        self._text = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "img":
            self.images.append(attributes)
        if tag == "a":
            self.links.append(attributes.get("href"))
            self._link, self._text = attributes.get("href"), []
        if tag == "style":
            self._style = []

    def handle_endtag(self, tag):
        if tag == "style" and self._style is not None:
            self.styles.append("".join(self._style))
            self._style = None
        if tag == "a" and self._link is not None:
            text = " ".join("".join(self._text).split())
            self.link_texts.setdefault(text, []).append(self._link)
            self._link = None

    def handle_data(self, data):
        if self._style is not None:
            self._style.append(data)
        if self._link is not None:
            self._text.append(data)


def parse(html: str) -> Parts:
    parts = Parts()
    parts.feed(html)
    return parts


# --- The mail ----------------------------------------------------------------------------------


@pytest.fixture
def week():
    """Three articles of the week in two sections, two with pictures, newest first, and a
    subscriber of one section and one tag."""
    housing, climate = SectionFactory(name="Boligpolitik"), SectionFactory(name="Klima")
    now = timezone.now()
    newest = ArticleFactory(
        section=housing,
        title="Beboerne i Gellerup stemmer ja & fejrer <det>",
        published_at=now - timedelta(hours=1),
        with_image=True,
    )
    middle = ArticleFactory(
        section=climate, tags=["Grønne tage"], published_at=now - timedelta(hours=5)
    )
    oldest = ArticleFactory(section=housing, published_at=now - timedelta(days=2), with_image=True)
    digest = digest_of(12, [newest, middle, oldest], sent=0)
    tag = middle.tags.get()
    person = subscriber(sections=[housing], tags=[tag])
    articles = content.articles_between(digest.starts_at, now)
    topics = content.topics_of([person.pk])[person.pk]
    chosen = content.select(articles, topics, None)
    assert [article.id for article in chosen] == [newest.pk, middle.pk, oldest.pk]
    return person, digest, chosen


def test_the_digest_mail_as_received_is_danish_plain_and_safe(smtp_server, site_url, week):
    person, digest, articles = week
    delivery = Delivery.objects.create(digest=digest, subscriber=person)
    sent = digest_message(person, digest, articles, delivery=delivery).send()
    assert sent == 1
    [(recipients, received)] = smtp_server.messages
    assert recipients == ["laeser@example.org"]
    assert received["To"] == "laeser@example.org"

    # Long headers are folded right after the colon by Python's email package (Django's mail);
    # unfolded, the fold's space stays in front, which mail programs drop as well.
    header = {name: str(value).strip() for name, value in received.items()}

    # Danish, and the newest article in the subject.
    assert header["Subject"] == (
        "Nyhedsbrev: »Beboerne i Gellerup stemmer ja & fejrer <det>« og 2 andre nye artikler"
    )

    # The one-click unsubscribe of RFC 8058: an https address, and the POST body it takes.
    unsubscribe = SITE + person.unsubscribe_url()
    assert unsubscribe.startswith("https://almene.example.org/nyhedsbrev/afmeld/")
    assert header["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert header["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # Bulk mail, not an automatic notice.
    assert header["Precedence"] == "bulk"
    assert "Auto-Submitted" not in header
    assert header["List-Id"] == "Almene Nyheder <nyhedsbrev.almene.example.org>"

    assert received.get_content_type() == "multipart/alternative"
    # As it came over SMTP: CRLF line ends.
    text = received.get_body(("plain",)).get_content().replace("\r\n", "\n")
    html = received.get_body(("html",)).get_content().replace("\r\n", "\n")
    # Issue 22: "Læs i browseren" opens this mail's own page (its delivery's, signed), not
    # the digest's archive page (tests/test_newsletter_browser_link.py).
    browser = SITE + mail_path(delivery.pk)
    preferences = SITE + person.preferences_url()

    # The text part: every article with its section, Danish date and address, and the links.
    for article in articles:
        assert article.title in text
        assert f"{article.section_name} · {danish_date(article.published_at)}" in text
        assert f"Læs artiklen: {article.url}" in text
    assert text.index(articles[0].title) < text.index(articles[1].title)
    assert text.index(articles[1].title) < text.index(articles[2].title)
    assert f"Læs i browseren:\n{browser}" in text
    assert f"Skift emner eller sæt på pause:\n{preferences}" in text
    assert f"Afmeld:\n{unsubscribe}" in text

    parts = parse(html)
    assert '<html lang="da">' in html

    # The only remote resources are the site's own card thumbnails, sized and described.
    assert len(parts.images) == 2
    for image in parts.images:
        assert image["src"].startswith(f"{SITE}/media/renditions/"), image
        assert re.search(r"/card-\d+\.jpg$", image["src"]), image
        assert image["width"] == "160" and image["height"] == "107"
        assert image["alt"] == "Beboere i gården foran en renoveret boligblok"
    assert {image["src"] for image in parts.images} == {
        article.thumbnail_url for article in articles if article.thumbnail
    }
    for tag, attributes in parts.tags:
        assert tag not in ("script", "link", "iframe", "object", "embed", "video", "audio"), tag
        assert "srcset" not in attributes and "background" not in attributes, (tag, attributes)
        assert "url(" not in (attributes.get("style") or ""), (tag, attributes)

    # Styles are inline; what is left in <style> is the phone layout's media query only.
    for style in parts.styles:
        assert not re.sub(r"@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}", "", style).strip(), style
    assert "url(" not in "".join(parts.styles)
    for tag, attributes in parts.tags:
        if tag in ("a", "p", "h2", "td") and attributes.get("class") != "stack":
            assert attributes.get("style"), (tag, attributes)
    # Layout is tables with widths, for Outlook.
    assert 'role="presentation"' in html and 'width="600"' in html

    # Every link goes straight to the site: no redirect, no tracking parameters.
    assert parts.links
    for href in parts.links:
        address = urlsplit(href)
        assert href.startswith(f"{SITE}/"), href
        assert not address.query and not address.fragment, href
    assert set(parts.links) == {
        f"{SITE}/",
        *(article.url for article in articles),
        browser,
        preferences,
        unsubscribe,
    }
    # Each title links to its article, escaped.
    assert parts.link_texts["Beboerne i Gellerup stemmer ja & fejrer <det>"] == [articles[0].url]
    assert "Beboerne i Gellerup stemmer ja &amp; fejrer &lt;det&gt;" in html
    # The footer: read in the browser (this mail's own page), preferences, unsubscribe.
    assert parts.link_texts["Læs i browseren"] == [browser]
    assert browser.startswith(f"{SITE}/nyhedsbrev/mail/")
    assert parts.link_texts["Skift emner eller sæt på pause"] == [preferences]
    assert parts.link_texts["Afmeld"] == [unsubscribe]
    # Danish dates and sections on every article.
    for article in articles:
        assert f"{article.section_name} · {danish_date(article.published_at)}" in html
    assert "Nyhedsbrev nr. 12 · " in html and "om de emner, du følger" in html


def test_read_in_the_browser_opens_the_mails_own_page_once_sent(client, site_url, week):
    """Issue 22 changed this: the link used to open the digest's archive page; it now opens
    the page of this mail (its delivery), with the articles the mail held."""
    person, digest, articles = week
    delivery = Delivery.objects.create(digest=digest, subscriber=person)
    message = digest_message(person, digest, articles, delivery=delivery)
    browser = parse(message.alternatives[0][0]).link_texts["Læs i browseren"][0]
    path = urlsplit(browser).path
    assert client.get(path).status_code == 404  # made, but not sent yet
    Delivery.objects.filter(pk=delivery.pk).update(
        state=Delivery.State.SENT,
        sent_at=timezone.now(),
        article_ids=[article.id for article in articles],
    )
    page = client.get(path).content.decode()
    assert "<h1>Dit nyhedsbrev nr. 12</h1>" in page
    for article in articles:
        assert article.path in page


def test_a_mail_without_a_delivery_has_no_browser_link(site_url, week):
    """The admin's preview builds a mail that is never sent: it has no page to link to."""
    person, digest, articles = week
    message = digest_message(person, digest, articles)
    assert "Læs i browseren" not in message.body
    assert "Læs i browseren" not in message.alternatives[0][0]


def test_building_a_digest_mail_asks_nothing_of_the_database(
    site_url, week, django_assert_num_queries
):
    person, digest, articles = week
    with django_assert_num_queries(0):
        message = digest_message(person, digest, articles)
        message.message().as_bytes()
    assert message.to == ["laeser@example.org"]


def test_the_subject_names_the_newest_article_and_counts_the_others(week):
    _, _, articles = week
    newest = "Beboerne i Gellerup stemmer ja & fejrer <det>"
    assert subject(articles[:1]) == f"Nyhedsbrev: »{newest}«"
    assert subject(articles[:2]) == f"Nyhedsbrev: »{newest}« og 1 anden ny artikel"
    assert subject(articles) == f"Nyhedsbrev: »{newest}« og 2 andre nye artikler"
    long = content.DigestArticle(**{**articles[0].__dict__, "title": "Ord " * 40})
    shortened = subject([long])
    assert shortened.endswith("…«") and len(shortened) < 100


def test_a_subscriber_of_everything_is_told_so_and_mails_go_to_each_alone(
    smtp_server, site_url, week
):
    _, digest, articles = week
    everything = subscriber("alt@example.org", everything=True)
    other = subscriber("anden@example.org", sections=[SectionFactory()])
    for person in (everything, other):
        digest_message(person, digest, articles).send()
    [(first, one), (second, two)] = smtp_server.messages
    assert (first, second) == (["alt@example.org"], ["anden@example.org"])
    assert "fra Almene Nyheder siden sidste nyhedsbrev" in one.get_body(("plain",)).get_content()
    assert "om de emner, du følger" in two.get_body(("plain",)).get_content()
    # Each mail carries its own subscriber's links.
    assert everything.token in one["List-Unsubscribe"] and other.token in two["List-Unsubscribe"]
    assert everything.token not in two.as_string()


def test_the_mail_uses_the_given_connection(site_url, week, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    from django.core.mail import get_connection

    person, digest, articles = week
    shared = get_connection()
    message = digest_message(person, digest, articles, connection=shared)
    assert message.connection is shared
    message.send()
    assert len(django_mail.outbox) == 1


# --- The archive -------------------------------------------------------------------------------


def test_the_archive_lists_the_sent_digests_newest_first(client):
    first = digest_of(1, [ArticleFactory(), ArticleFactory()])
    second = digest_of(2, [ArticleFactory()], sent=3)
    digest_of(3, [ArticleFactory()], sent=0, pending=5)  # made, not sent yet
    response = client.get("/nyhedsbrev/arkiv/")
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    page = response.content.decode()
    assert '<html lang="da">' in page and "<h1>Tidligere nyhedsbreve</h1>" in page
    assert "2 nyhedsbreve" in page
    assert page.index(second.get_absolute_url()) < page.index(first.get_absolute_url())
    assert "/nyhedsbrev/arkiv/3/" not in page
    assert "Nyhedsbrev nr. 2</a>" in page and "1 artikel<" in page and "2 artikler<" in page
    assert "Uge 2, 2026" in page
    assert reverse("newsletter:subscribe") in page


def test_the_archive_is_paginated_the_sites_way(client):
    for number in range(1, 23):
        digest_of(number)
    page_two = client.get("/nyhedsbrev/arkiv/?side=2").content.decode()
    assert "Nyhedsbrev nr. 2</a>" in page_two and "Nyhedsbrev nr. 3</a>" not in page_two
    assert "Side 2 af 2" in page_two
    for bad in ("abc", "0", "-1", "1e3", "٣"):
        response = client.get(f"/nyhedsbrev/arkiv/?side={bad}")
        assert response.status_code == 200, bad
        assert "Nyhedsbrev nr. 22</a>" in response.content.decode()
    assert client.get("/nyhedsbrev/arkiv/?side=3").status_code == 404
    assert client.get("/nyhedsbrev/arkiv/?side=99999999999999999999999").status_code == 404


def test_an_empty_archive_says_so(client):
    page = client.get("/nyhedsbrev/arkiv/").content.decode()
    assert "Der er ikke sendt nogen nyhedsbreve endnu." in page


def test_a_digest_page_shows_its_public_articles_as_cards(client):
    now = timezone.now()
    newer = ArticleFactory(published_at=now - timedelta(hours=2), with_image=True)
    older = ArticleFactory(published_at=now - timedelta(hours=9))
    withdrawn = ArticleFactory(published_at=now - timedelta(hours=5))
    digest = digest_of(7, [older, newer, withdrawn])
    with state_change():  # behind the workflow's back, on purpose
        Article.objects.filter(pk=withdrawn.pk).update(status=Article.Status.DRAFT)
    response = client.get("/nyhedsbrev/arkiv/7/")
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    page = response.content.decode()
    assert "<h1>Nyhedsbrev nr. 7</h1>" in page
    assert "<title>Nyhedsbrev nr. 7 – Almene Nyheder</title>" in page
    assert "Uge 7, 2026." in page and "2 artikler" in page
    assert page.index(newer.get_absolute_url()) < page.index(older.get_absolute_url())
    assert withdrawn.title not in page and withdrawn.get_absolute_url() not in page
    # The site's cards, with their reading-list buttons.
    assert page.count('<article class="card">') == 2
    assert page.count(">Læs senere<") == 2
    assert digest.number == 7 and '<a href="/nyhedsbrev/arkiv/">Alle nyhedsbreve</a>' in page


@pytest.mark.parametrize(
    "url",
    [
        "/nyhedsbrev/arkiv/8/",  # made, not sent
        "/nyhedsbrev/arkiv/9/",  # no such digest
        "/nyhedsbrev/arkiv/0/",
        "/nyhedsbrev/arkiv/99999999999999999999999/",
    ],
)
def test_unsent_and_unknown_digests_are_404(client, url):
    digest_of(8, [ArticleFactory()], sent=0, pending=1)
    response = client.get(url)
    assert response.status_code == 404


def queries_of(client, url: str, temperature: str) -> list[str]:
    from django.core.cache import cache, caches

    from articles.caching import forget_local_state

    if temperature == "cold":
        for each in (cache, caches["fragments"]):
            each.clear()
        forget_local_state()
        return captured_queries(client, url)
    return warm_queries(client, url)


# Cold: the clock of the next publication and the header's sections, and then the page's own
# queries; warm, only the page's own. The archive: the count of digests and a page of them,
# each with its article count (one query), and the sections of the page's digests (one query,
# issue 22: the archive says what each digest covered). A digest's page: the digest (with its
# count of articles), and its cards. Cold includes reading the content version and the
# articles changed since the structure did (once a second per process, two queries).
BUDGETS = {
    ("archive", "cold"): 7,
    ("archive", "warm"): 3,
    ("digest", "cold"): 6,
    ("digest", "warm"): 2,
}


@pytest.mark.parametrize("temperature", ["cold", "warm"])
@pytest.mark.parametrize("page", ["archive", "digest"])
def test_the_archive_pages_queries_do_not_grow(client, page, temperature):
    section, author, goal = SectionFactory(), AuthorFactory(), GoalFactory()

    def articles(count):
        made = []
        for _ in range(count):
            article = ArticleFactory(
                section=section, authors=[author, AuthorFactory()], tags=["Fælles"], with_image=True
            )
            article.goals.add(goal)
            made.append(article)
        return made

    digest = digest_of(1, articles(1))
    url = "/nyhedsbrev/arkiv/" if page == "archive" else digest.get_absolute_url()
    before = queries_of(client, url, temperature)
    digest.articles.add(*articles(6))
    for number in range(2, 8):
        digest_of(number, articles(2), sent=2, failed=1)
    after = queries_of(client, url, temperature)
    assert len(after) == len(before), "\n\n".join(after)
    assert len(after) <= BUDGETS[page, temperature], "\n\n".join(after)


# --- The admin ---------------------------------------------------------------------------------


@pytest.fixture
def superuser(client):
    user = UserFactory(username="chef", is_superuser=True)
    client.force_login(user)
    return user


def test_the_subscriber_admin_counts_states_and_topics_in_fixed_queries(client, superuser):
    housing, climate = SectionFactory(name="Boligpolitik"), SectionFactory(name="Klima")
    goal = GoalFactory(title="Grøn omstilling")
    subscriber("a@example.org", sections=[housing, climate], goals=[goal])
    subscriber("b@example.org", sections=[housing], everything=True)
    Subscriber.objects.filter(email="b@example.org").update(paused=True)
    subscriber("c@example.org", state=Subscriber.State.PENDING, sections=[climate])
    subscriber("d@example.org", state=Subscriber.State.UNSUBSCRIBED)
    url = reverse("admin:newsletter_subscriber_changelist")
    with CaptureQueriesContext(connection) as few:
        response = client.get(url)
    assert response.status_code == 200
    summary = response.context["summary"]
    assert summary["states"] == [("Afventer bekræftelse", 1), ("Tilmeldt", 2), ("Afmeldt", 1)]
    assert (summary["total"], summary["receiving"], summary["paused"]) == (4, 1, 1)
    axes = dict(summary["axes"])
    # Only confirmed subscribers count: the pending one's Klima is not.
    assert axes["Sektioner"] == [("Boligpolitik", 2), ("Klima", 1)]
    assert axes["Almene mål"] == [("Grøn omstilling", 1)]
    assert axes["Alt"] == [("Alle nye artikler", 1)]
    page = response.content.decode()
    assert "Overblik" in page and "Boligpolitik" in page
    # More topics and subscribers: the same number of queries.
    for n in range(6):
        subscriber(
            f"flere{n}@example.org",
            sections=[SectionFactory()],
            tags=[],
            authors=[AuthorFactory()],
            goals=[GoalFactory()],
        )
    with CaptureQueriesContext(connection) as more:
        assert client.get(url).status_code == 200
    assert len(more) == len(few)
    # Search by address, filter by state.
    found = client.get(url, {"q": "a@example"})
    assert [s.email for s in found.context["cl"].result_list] == ["a@example.org"]
    pending = client.get(url, {"state__exact": "pending"})
    assert [s.email for s in pending.context["cl"].result_list] == ["c@example.org"]


def test_staff_read_subscribers_but_neither_add_nor_edit_them(client, superuser):
    person = subscriber("a@example.org", sections=[SectionFactory(name="Klima")])
    change = reverse("admin:newsletter_subscriber_change", args=[person.pk])
    response = client.get(change)
    assert response.status_code == 200
    assert 'name="email"' not in response.content.decode()  # read-only
    assert "a@example.org" in response.content.decode()
    assert client.post(change, {"email": "ny@example.org"}).status_code == 403
    assert client.get(reverse("admin:newsletter_subscriber_add")).status_code == 403
    person.refresh_from_db()
    assert person.email == "a@example.org"


def test_the_digest_admin_counts_deliveries_by_state(client, superuser):
    digest = digest_of(3, [ArticleFactory(), ArticleFactory()], sent=4, failed=1, pending=2)
    digest_of(4, [ArticleFactory()], sent=0, sending=1, nothing=2)
    url = reverse("admin:newsletter_digest_changelist")
    with CaptureQueriesContext(connection) as few:
        response = client.get(url)
    assert response.status_code == 200
    rows = {d.number: d for d in response.context["cl"].result_list}
    assert (rows[3].n_articles, rows[3].n_sent, rows[3].n_failed, rows[3].n_pending) == (
        2,
        4,
        1,
        2,
    )
    assert (rows[4].n_sent, rows[4].n_pending, rows[4].n_nothing) == (0, 1, 2)
    page = response.content.decode()
    assert "Forhåndsvis næste nyhedsbrev" in page
    assert f"digest__id__exact={digest.pk}&amp;state__in=failed" in page
    for number in range(5, 9):
        digest_of(number, [ArticleFactory(), ArticleFactory()], sent=2, failed=1)
    with CaptureQueriesContext(connection) as more:
        assert client.get(url).status_code == 200
    assert len(more) == len(few)
    # The failed mails behind the count, with their errors.
    Delivery.objects.filter(digest=digest, state=Delivery.State.FAILED).update(
        last_error="550 No such user here"
    )
    failed = client.get(
        reverse("admin:newsletter_delivery_changelist"),
        {"digest__id__exact": digest.pk, "state__in": "failed"},
    )
    assert failed.status_code == 200
    assert "550 No such user here" in failed.content.decode()
    # Read-only, and never deleted: it is the send log.
    change = reverse("admin:newsletter_digest_change", args=[digest.pk])
    assert client.get(change).status_code == 200
    assert client.get(reverse("admin:newsletter_digest_add")).status_code == 403
    delete = reverse("admin:newsletter_digest_delete", args=[digest.pk])
    assert client.get(delete).status_code == 403


def test_the_preview_shows_the_next_digest_for_chosen_topics(client, superuser, site_url):
    housing, climate = SectionFactory(name="Boligpolitik"), SectionFactory(name="Klima")
    now = timezone.now()
    last = digest_of(5)
    Digest.objects.filter(pk=last.pk).update(ends_at=now - timedelta(days=3))
    ArticleFactory(section=housing, title="Gammel nyhed", published_at=now - timedelta(days=4))
    shown = ArticleFactory(section=housing, title="Ny helhedsplan", with_image=True)
    ArticleFactory(section=climate, title="Solceller på taget")
    url = reverse("admin:newsletter_digest_preview")
    response = client.get(url, {"sections": [housing.pk]})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Nyhedsbrev: »Ny helhedsplan«" in page
    assert "<iframe" in page and 'srcdoc="&lt;!DOCTYPE html&gt;' in page
    assert 'sandbox="allow-popups allow-popups-to-escape-sandbox"' in page
    # The HTML part in the frame is escaped: no live markup of the mail in the admin page.
    assert '<table role="presentation"' not in page.split("<iframe", 1)[1].split("</iframe>")[0]
    assert "Læs artiklen: " + SITE + shown.get_absolute_url() in page
    assert "Solceller på taget" not in page and "Gammel nyhed" not in page
    assert "Nyhedsbrev nr. 6" in page
    assert "List-Unsubscribe-Post" in page
    assert Digest.objects.count() == 1  # nothing made
    # A topic with nothing new: no mail; no topic at all: said so.
    goal = GoalFactory(programme=GoalProgrammeFactory(is_current=True))
    empty = client.get(url, {"goals": [goal.pk]}).content.decode()
    assert "Ingen nye artikler på de valgte emner." in empty
    assert "Vælg mindst ét emne" in client.get(url, {"everything": ""}).content.decode()
    everything = client.get(url, {"everything": "on"}).content.decode()
    assert "Solceller på taget" in everything and "Ny helhedsplan" in everything


def test_the_preview_needs_view_permission_on_digests(client):
    client.force_login(UserFactory(username="journalist", groups=["Journalist"]))
    assert client.get(reverse("admin:newsletter_digest_preview")).status_code == 403


def test_editors_open_every_newsletter_admin_page(client):
    """The "Redaktør" group reads the newsletter (migration 0002) and may erase a
    subscriber; staff with only the view permissions may not delete."""
    from django.contrib.auth.models import Permission

    editor = UserFactory(username="redaktoer", groups=["Redaktør"])
    client.force_login(editor)
    person = subscriber("a@example.org", sections=[SectionFactory()])
    digest = digest_of(2, [ArticleFactory()], sent=1, failed=1)
    delivery = Delivery.objects.filter(digest=digest).first()
    for url in [
        reverse("admin:newsletter_subscriber_changelist"),
        reverse("admin:newsletter_subscriber_change", args=[person.pk]),
        reverse("admin:newsletter_digest_changelist"),
        reverse("admin:newsletter_digest_change", args=[digest.pk]),
        reverse("admin:newsletter_digest_preview") + "?everything=on",
        reverse("admin:newsletter_delivery_changelist"),
        reverse("admin:newsletter_delivery_change", args=[delivery.pk]),
    ]:
        assert client.get(url).status_code == 200, url
    delete = reverse("admin:newsletter_subscriber_delete", args=[person.pk])
    assert client.get(delete).status_code == 200  # erasure on request
    # Viewing is not deleting.
    reader = UserFactory(username="laeser")
    reader.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="newsletter",
            codename__in=["view_subscriber", "view_digest", "view_delivery"],
        )
    )
    client.force_login(reader)
    assert client.get(reverse("admin:newsletter_subscriber_changelist")).status_code == 200
    assert client.get(delete).status_code == 403
