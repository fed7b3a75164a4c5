"""Subscribing to the newsletter (issue 14): the form and the links into it, the double
opt-in, answers that tell nothing about an address (neither by their page nor by the work
they do, issue 19), the addresses taken (issue 19), rate limits, the preferences page, the
one-click unsubscribe and the purge of unconfirmed subscriptions.

Mails go through Django's SMTP backend to a real SMTP server in the test process
(``smtp_server``); the tasks that handle a request and send its mail run at once
(ImmediateBackend) when the request's transaction commits (``committed``), or, with
``task_queue``, are queued in the database and run by the production worker (``work_off``).
"""

import logging
import re
from datetime import timedelta
from types import SimpleNamespace
from unittest import mock

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from articles.models import Tag
from newsletter import addresses, ratelimit
from newsletter.confirmation import confirm_path
from newsletter.models import CONFIRM_WITHIN, Subscriber
from newsletter.purge import purge_unconfirmed
from newsletter.worker import Worker

from .factories import (
    ArticleFactory,
    AuthorFactory,
    GoalFactory,
    GoalProgrammeFactory,
    SectionFactory,
    TagFactory,
)

pytestmark = pytest.mark.django_db

State = Subscriber.State
ADDRESS = "lone.berg@example.org"
SENT = "/nyhedsbrev/tjek-din-indbakke/"
CSRF_INPUT = re.compile(r'<input type="hidden" name="csrfmiddlewaretoken" value="[^"]+">')


@pytest.fixture(autouse=True)
def fresh_counters():
    """No rate-limit counts from an earlier test (the cache is emptied by conftest)."""
    ratelimit.forget()
    yield
    ratelimit.forget()


@pytest.fixture
def topics():
    section = SectionFactory(name="Boligpolitik")
    author = AuthorFactory(name="Mette Holm")
    article = ArticleFactory(section=section, authors=[author], tags=["Biodiversitet"])
    goal = GoalFactory(
        programme=GoalProgrammeFactory(is_current=True), title="Ambitiøse grønne fællesskaber"
    )
    article.goals.add(goal)
    return SimpleNamespace(
        section=section, tag=Tag.objects.get(name="Biodiversitet"), author=author, goal=goal
    )


@pytest.fixture
def task_queue(settings):
    """Tasks queued in the database, as in production, instead of run at once."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }


def work_off(committed) -> None:
    """Run every task that is due, with the production worker, until none is left (what a
    task leaves for after its commit, such as queueing a mail, runs as it would commit).

    The worker's check for stale connections is left out: a test runs in one transaction,
    which that check (made for a process that runs for weeks) would take for a broken
    connection and close."""
    while DBTaskResult.objects.ready().exists():
        with committed(), mock.patch.object(db_worker, "close_old_connections", lambda: None):
            Worker(
                queue_names=["default"],
                interval=0,
                batch=True,
                backend_name="default",
                startup_delay=False,
                max_tasks=None,
                worker_id="test-worker",
                excluded_queue_names=[],
            ).run()


def subscribe(client, committed, email=ADDRESS, **data):
    """Send the subscribe form; what it leaves for after the commit (the mail) runs."""
    with committed():
        return client.post("/nyhedsbrev/", {"email": email, **data})


def subscriber(email=ADDRESS) -> Subscriber:
    return Subscriber.objects.get(email=email)


def confirmed_subscriber(email=ADDRESS, **topics) -> Subscriber:
    person = Subscriber.objects.create(
        email=email, state=State.CONFIRMED, confirmed_at=timezone.now() - timedelta(days=30)
    )
    for name, values in topics.items():
        getattr(person, name).set(values)
    return person


def mails(smtp_server):
    return [message for _, message in smtp_server.messages]


def text_of(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def html_of(message) -> str:
    return message.get_body(preferencelist=("html",)).get_content()


def confirm_link(message, settings) -> str:
    """The path of the confirmation link in a mail (its text part)."""
    found = re.search(
        re.escape(settings.SITE_URL) + r"(/nyhedsbrev/bekraeft/[^/\s]+/)", text_of(message)
    )
    assert found, text_of(message)
    return found.group(1)


def csrf_token_of(response) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode())[1]


def page(response, status=200) -> str:
    assert response.status_code == status, response.status_code
    text = response.content.decode()
    assert '<html lang="da">' in text
    return text


def is_never_cached(response) -> bool:
    return "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def checked(text: str, name: str, value: str) -> bool:
    """Whether the form's box ``name=value`` is ticked."""
    box = re.search(rf'<input type="checkbox" name="{name}" value="{re.escape(value)}"[^>]*>', text)
    assert box, f"no box {name}={value}"
    return " checked" in box[0]


# --- The form and the links into it ---------------------------------------------------------------


def test_the_form_works_without_javascript_and_is_never_cached(client, topics):
    response = client.get("/nyhedsbrev/")
    text = page(response)
    assert is_never_cached(response)
    form = re.search(
        r'<form class="newsletter-form" method="post" action="/nyhedsbrev/".*?</form>', text, re.S
    )[0]
    assert CSRF_INPUT.search(form) and '<button type="submit"' in form
    assert '<label for="id_email">Din e-mailadresse</label>' in form
    assert 'type="email" name="email" id="id_email"' in form and 'autocomplete="email"' in form
    # One fieldset an axis, each with its legend, and a label for every box.
    for legend in (
        "Hvad vil du have nyhedsbrev om?",
        "Sektioner",
        "Emner",
        "Skribenter",
        "Almene mål",
    ):
        assert f">{legend}</legend>" in form
    assert '<label for="id_alt">Alt</label>' in form
    for name, value, label in [
        ("sektioner", topics.section.slug, "Boligpolitik"),
        ("emner", topics.tag.slug, "Biodiversitet"),
        ("skribenter", topics.author.slug, "Mette Holm"),
        ("maal", topics.goal.slug, "Ambitiøse grønne fællesskaber"),
    ]:
        assert not checked(form, name, value)
        box_id = re.search(rf'name="{name}" value="{value}" id="([^"]+)"', form)[1]
        assert f'<label for="{box_id}">{label}</label>' in form
    # Nothing on the page needs a script of its own (the site-wide ones aside): plain HTML.
    for site_wide in ("reading-list.js", "offline.js"):
        text = text.replace(f'<script src="/static/js/{site_wide}" defer></script>', "")
    assert "<script" not in text


def test_only_public_topics_are_offered(client, topics):
    TagFactory(name="Hemmeligt emne")  # on no published article
    ArticleFactory(tags=["Kladdeemne"], draft=True)
    AuthorFactory(name="Uden artikler")
    GoalFactory(programme=GoalProgrammeFactory(is_current=False), title="Gammelt mål")
    text = page(client.get("/nyhedsbrev/"))
    for hidden in ("Hemmeligt emne", "Kladdeemne", "Uden artikler", "Gammelt mål"):
        assert hidden not in text


def test_a_long_tag_list_folds_away_and_opens_for_a_chosen_tag(client, topics):
    ArticleFactory(tags=[f"Emne {n:02d}" for n in range(20)])
    text = page(client.get("/nyhedsbrev/"))
    assert (
        '<details class="topics__more">' in text and "<summary>Vis alle 21 emner</summary>" in text
    )
    text = page(client.get("/nyhedsbrev/?emne=emne-07"))
    assert '<details class="topics__more" open>' in text and checked(text, "emner", "emne-07")


def test_the_form_costs_a_query_an_axis_however_many_topics(
    client, topics, django_assert_num_queries
):
    for n in range(30):
        ArticleFactory(tags=[f"Emne {n}"], authors=[AuthorFactory()])
    client.get("/nyhedsbrev/")  # the site's own remembered values (the header's sections)
    with django_assert_num_queries(4):
        page(client.get(f"/nyhedsbrev/?emne={topics.tag.slug}"))


@pytest.mark.parametrize(
    "parameter, name",
    [("sektion", "sektioner"), ("emne", "emner"), ("skribent", "skribenter"), ("maal", "maal")],
)
def test_a_link_preselects_its_topic(client, topics, parameter, name):
    slug = {
        "sektion": topics.section.slug,
        "emne": topics.tag.slug,
        "skribent": topics.author.slug,
        "maal": topics.goal.slug,
    }[parameter]
    text = page(client.get(f"/nyhedsbrev/?{parameter}={slug}"))
    assert checked(text, name, slug)
    assert "Du har valgt: <strong>" in text


@pytest.mark.parametrize(
    "query",
    [
        "sektion=findes-ikke",
        "emne=%ff",
        "skribent=" + "x" * 5000,
        "maal=<script>",
        "sektion=&emne=",
        "foo=bar",
    ],
)
def test_unknown_or_hostile_slugs_are_ignored(client, topics, query):
    text = page(client.get(f"/nyhedsbrev/?{query}"))
    assert " checked" not in text and "Du har valgt" not in text and "<script>" not in text


def test_every_listing_page_and_the_footer_link_to_the_form(client, topics):
    pages = {
        topics.section.get_absolute_url(): (
            "sektion",
            topics.section.slug,
            "sektioner",
            "Boligpolitik",
        ),
        topics.tag.get_absolute_url(): ("emne", topics.tag.slug, "emner", "biodiversitet"),
        topics.author.get_absolute_url(): (
            "skribent",
            topics.author.slug,
            "skribenter",
            "artikler af Mette Holm",
        ),
        topics.goal.get_absolute_url(): (
            "maal",
            topics.goal.slug,
            "maal",
            "Ambitiøse grønne fællesskaber",
        ),
    }
    for url, (parameter, slug, name, words) in pages.items():
        text = page(client.get(url))
        href = f"/nyhedsbrev/?{parameter}={slug}"
        assert f'<a href="{href}">Få nyhedsbrev om {words}</a>' in text, url
        assert checked(page(client.get(href)), name, slug), href
    assert '<a href="/nyhedsbrev/">Nyhedsbrev</a>' in page(client.get("/"))


# --- Double opt-in --------------------------------------------------------------------------------


def test_subscribing_makes_a_pending_subscriber_and_sends_one_confirmation_mail(
    client, committed, smtp_server, settings, topics
):
    response = subscribe(
        client,
        committed,
        email="  Lone.Berg@Example.ORG ",
        sektioner=[topics.section.slug],
        emner=[topics.tag.slug],
    )
    assert response.status_code == 302 and response["Location"] == SENT
    person = subscriber()
    assert person.state == State.PENDING and person.confirmed_at is None
    assert list(person.sections.all()) == [topics.section] and list(person.tags.all()) == [
        topics.tag
    ]
    assert not person.everything

    [(recipients, message)] = smtp_server.messages
    assert recipients == [ADDRESS] and message["To"] == ADDRESS
    assert message["Subject"] == "Bekræft dit abonnement på Almene Nyheder"
    assert message["Auto-Submitted"] == "auto-generated"
    path = confirm_link(message, settings)
    text, html = text_of(message), html_of(message)
    assert "Linket virker i 7 dage." in text and "Boligpolitik" in text and "Biodiversitet" in text
    preferences = settings.SITE_URL + person.preferences_url()
    assert preferences in text and preferences in html
    assert settings.SITE_URL + path in html and '<html lang="da">' in html
    # In the site's mail layout (templates/mail/layout.html), its footer saying why it came.
    assert " · nyhedsbrev</td>" in html and "fordi nogen har tilmeldt adressen" in html

    confirm_page = page(client.get(path))
    assert is_never_cached(client.get(path))
    assert "<h1>Bekræft din tilmelding</h1>" in confirm_page
    assert f'<form method="post" action="{path}">' in confirm_page
    assert '<button type="submit" class="button">Bekræft</button>' in confirm_page


def test_a_scanner_opening_the_link_confirms_nothing_only_the_button_does(
    client, committed, smtp_server, settings, topics
):
    subscribe(client, committed, alt="on")
    path = confirm_link(mails(smtp_server)[0], settings)
    for _ in range(3):
        assert client.get(path).status_code == 200
        assert client.head(path).status_code == 200
    assert subscriber().state == State.PENDING and subscriber().confirmed_at is None

    browser = Client(enforce_csrf_checks=True)
    token = csrf_token_of(browser.get(path))
    assert browser.post(path).status_code == 403  # no CSRF token: no confirmation
    assert subscriber().state == State.PENDING
    text = page(browser.post(path, {"csrfmiddlewaretoken": token}))
    assert "<h1>Du er tilmeldt</h1>" in text
    person = subscriber()
    assert person.state == State.CONFIRMED and person.confirmed_at is not None
    assert f'href="{person.preferences_url()}"' in text

    # Used again: nothing changes, the consent keeps its date.
    consented = person.confirmed_at
    assert "<h1>Du er tilmeldt</h1>" in page(browser.post(path, {"csrfmiddlewaretoken": token}))
    assert "<h1>Du er tilmeldt</h1>" in page(client.get(path))
    assert subscriber().confirmed_at == consented
    assert len(smtp_server.messages) == 1


def test_an_expired_link_offers_a_new_one(client, committed, smtp_server, settings, topics):
    subscribe(client, committed, alt="on")
    person = subscriber()
    old = confirm_path(person, at=timezone.now() - timedelta(days=8))
    text = page(client.get(old))
    assert "<h1>Linket er udløbet</h1>" in text
    resend_form = re.search(
        r'<form method="post" action="/nyhedsbrev/nyt-link/">.*?</form>', text, re.S
    )[0]
    assert CSRF_INPUT.search(resend_form)
    token_value = re.search(r'name="token" value="([^"]+)"', resend_form)[1]
    # The old link confirms nothing, not even by POST.
    assert "<h1>Linket er udløbet</h1>" in page(client.post(old))
    assert subscriber().state == State.PENDING

    with committed():
        response = client.post("/nyhedsbrev/nyt-link/", {"token": token_value})
    assert response.status_code == 302 and response["Location"] == SENT
    assert len(smtp_server.messages) == 2
    fresh = confirm_link(mails(smtp_server)[1], settings)
    assert "<h1>Bekræft din tilmelding</h1>" in page(client.get(fresh))
    client.post(fresh)
    assert subscriber().state == State.CONFIRMED


def test_a_link_six_days_old_still_works(client, topics):
    person = Subscriber.objects.create(email=ADDRESS, state=State.PENDING, everything=True)
    path = confirm_path(person, at=timezone.now() - CONFIRM_WITHIN + timedelta(hours=1))
    client.post(path)
    assert subscriber().state == State.CONFIRMED


def test_a_tampered_or_unknown_link_is_not_found(client, committed, smtp_server, settings, topics):
    subscribe(client, committed, alt="on")
    path = confirm_link(mails(smtp_server)[0], settings)
    value = path.split("/")[-2]
    token, stamp, signature = value.split(".")
    forged = [
        f"{token[:-1]}{'A' if token[-1] != 'A' else 'B'}.{stamp}.{signature}",  # another token
        f"{token}.{stamp}.{signature[:-2]}xx",
        f"{token}.{stamp}",
        "ikke-et-link",
    ]
    for bad in forged:
        url = f"/nyhedsbrev/bekraeft/{bad}/"
        text = page(client.get(url), status=404)
        assert "<h1>Linket virker ikke</h1>" in text, bad
        assert client.post(url).status_code == 404
        assert client.post("/nyhedsbrev/nyt-link/", {"token": bad}).status_code == 404
    assert subscriber().state == State.PENDING and len(smtp_server.messages) == 1
    # A genuine link whose subscription was deleted (purged) leads nowhere either.
    subscriber().delete()
    assert client.get(path).status_code == 404


def test_a_link_to_an_ended_subscription_does_not_bring_it_back(client, topics):
    person = confirmed_subscriber(sections=[topics.section])
    path = confirm_path(person)
    client.post(person.unsubscribe_url())
    assert client.post(path).status_code == 404
    assert subscriber().state == State.UNSUBSCRIBED


# --- The same answer for every address ------------------------------------------------------------


def test_the_same_address_again_is_one_subscription_and_one_mail_each_time(
    client, committed, smtp_server, settings, topics
):
    subscribe(client, committed, sektioner=[topics.section.slug])
    subscribe(client, committed, email="LONE.BERG@example.org", maal=[topics.goal.slug])
    assert Subscriber.objects.count() == 1
    person = subscriber()
    assert person.state == State.PENDING
    assert list(person.goals.all()) == [topics.goal] and not person.sections.exists()
    assert len(smtp_server.messages) == 2
    assert all(message["Subject"].startswith("Bekræft") for message in mails(smtp_server))
    # Either mail's link confirms the one subscription.
    client.post(confirm_link(mails(smtp_server)[0], settings))
    assert subscriber().state == State.CONFIRMED


def test_a_subscribed_address_keeps_its_topics_and_its_owner_is_told(
    client, committed, smtp_server, settings, topics
):
    person = confirmed_subscriber(sections=[topics.section])
    response = subscribe(client, committed, alt="on", emner=[topics.tag.slug])
    assert response.status_code == 302 and response["Location"] == SENT
    person.refresh_from_db()
    assert person.state == State.CONFIRMED and not person.everything
    assert list(person.sections.all()) == [topics.section] and not person.tags.exists()
    [message] = mails(smtp_server)
    assert message["Subject"] == "Du er allerede tilmeldt nyhedsbrevet fra Almene Nyheder"
    text = text_of(message)
    assert "allerede tilmeldt" in text and "/nyhedsbrev/bekraeft/" not in text
    assert settings.SITE_URL + person.preferences_url() in text
    assert settings.SITE_URL + person.preferences_url() in html_of(message)


def test_an_unsubscribed_address_starts_a_new_opt_in(
    client, committed, smtp_server, settings, topics
):
    person = confirmed_subscriber()
    client.post(person.unsubscribe_url())
    unsubscribed_at = subscriber().unsubscribed_at
    subscribe(client, committed, skribenter=[topics.author.slug])
    person = subscriber()
    assert person.state == State.PENDING and list(person.authors.all()) == [topics.author]
    # The proof of the earlier unsubscribe is kept until the new consent.
    assert person.unsubscribed_at == unsubscribed_at
    client.post(confirm_link(mails(smtp_server)[0], settings))
    person = subscriber()
    assert person.state == State.CONFIRMED and person.unsubscribed_at is None


def test_the_answer_is_the_same_whatever_the_address_is(client, committed, smtp_server, topics):
    """No probing: new, pending, subscribed and unsubscribed addresses get the same answer,
    byte for byte (the form's pages differ only in their CSRF token)."""
    confirmed_subscriber("tilmeldt@example.org", sections=[topics.section])
    Subscriber.objects.create(email="venter@example.org", state=State.PENDING, everything=True)
    Subscriber.objects.create(email="afmeldt@example.org", state=State.UNSUBSCRIBED)
    answers = []
    for address in [
        "ny@example.org",
        "venter@example.org",
        "tilmeldt@example.org",
        "afmeldt@example.org",
    ]:
        form_page = client.get("/nyhedsbrev/?sektion=" + topics.section.slug)
        with committed():
            response = client.post(
                "/nyhedsbrev/", {"email": address, "sektioner": [topics.section.slug]}
            )
        followed = client.get(response["Location"])
        answers.append(
            (
                CSRF_INPUT.sub("", form_page.content.decode()),
                response.status_code,
                response["Location"],
                response["Cache-Control"],
                response.content,
                sorted(response.cookies),
                followed.status_code,
                followed.content,
            )
        )
    assert all(answer == answers[0] for answer in answers[1:])
    assert answers[0][1:3] == (302, SENT)
    text = answers[0][-1].decode()
    assert "<h1>Tjek din indbakke</h1>" in text and "@" not in re.sub(
        r"<footer.*</footer>", "", text, flags=re.S
    )
    assert len(smtp_server.messages) == 4


def shape(sql: str) -> str:
    """A statement without its values: what it does, not to whom."""
    return re.sub(r"'(?:[^']|'')*'|\b\d+(?:\.\d+)?\b", "?", sql)


def test_every_address_costs_the_form_the_same_work_and_gets_one_mail(
    client, committed, smtp_server, settings, topics, task_queue
):
    """No probing by timing either (issue 19: a new address answered in 63 ms, a subscribed
    one in 36): the request does the same statements for every address (it queues one
    task), and what depends on the address is done by that task, in the worker. Each
    address then gets its one mail: a confirmation, or word that it is already subscribed."""
    subscribed = confirmed_subscriber("tilmeldt@example.org", sections=[topics.section])
    Subscriber.objects.create(email="venter@example.org", state=State.PENDING, everything=True)
    Subscriber.objects.create(email="afmeldt@example.org", state=State.UNSUBSCRIBED)
    addresses_typed = [
        "ny@example.org",
        "venter@example.org",
        "tilmeldt@example.org",
        "afmeldt@example.org",
    ]
    work, answers = [], []
    client.get("/nyhedsbrev/")  # the site's remembered values, as on any busy day
    for address in addresses_typed:
        with CaptureQueriesContext(connection) as queries, committed():
            response = client.post(
                "/nyhedsbrev/", {"email": address, "sektioner": [topics.section.slug]}
            )
        work.append([shape(query["sql"]) for query in queries.captured_queries])
        answers.append((response.status_code, response["Location"], response.content))
    assert all(statements == work[0] for statements in work[1:]), work
    assert all(answer == answers[0] for answer in answers[1:])
    assert answers[0][:2] == (302, SENT)
    # Nothing about the addresses is written by the request: one task each, queued.
    assert not Subscriber.objects.filter(email="ny@example.org").exists()
    assert (
        list(DBTaskResult.objects.values_list("task_path", flat=True))
        == ["newsletter.subscriptions.handle_request"] * 4
    )
    assert not smtp_server.messages

    work_off(committed)
    received = {recipients[0]: message for recipients, message in smtp_server.messages}
    assert len(smtp_server.messages) == 4 and set(received) == set(addresses_typed)
    for address in ("ny@example.org", "venter@example.org", "afmeldt@example.org"):
        assert received[address]["Subject"] == "Bekræft dit abonnement på Almene Nyheder"
        assert subscriber(address).state == State.PENDING
    told = received["tilmeldt@example.org"]
    assert told["Subject"] == "Du er allerede tilmeldt nyhedsbrevet fra Almene Nyheder"
    text = text_of(told)
    assert "Adressen er allerede tilmeldt, så vi har ikke ændret noget." in text
    assert settings.SITE_URL + subscribed.preferences_url() in text
    assert settings.SITE_URL + subscribed.preferences_url() in html_of(told)
    assert "/nyhedsbrev/bekraeft/" not in text
    assert list(subscriber("tilmeldt@example.org").sections.all()) == [topics.section]
    assert subscriber("tilmeldt@example.org").state == State.CONFIRMED
    # The confirmation links work, and the topics of the form were kept.
    client.post(confirm_link(received["ny@example.org"], settings))
    assert subscriber("ny@example.org").state == State.CONFIRMED
    assert list(subscriber("ny@example.org").sections.all()) == [topics.section]


# --- The addresses taken --------------------------------------------------------------------------

LONGEST_DOMAIN_PART = "c" * 63 + "." + "d" * 63 + "." + "e" * 58 + ".dk"  # 189 octets
ONE_TOO_LONG_DOMAIN_PART = "c" * 63 + "." + "d" * 63 + "." + "e" * 59 + ".dk"  # 190 octets

GOOD_ADDRESSES = [
    "navn@eksempel.dk",
    "Lone.Berg+nyhedsbrev@Example.ORG",
    "o'hara_k@post.example.ie",
    "a" * 64 + "@example.org",  # the longest local part
    "x@" + "b" * 63 + ".dk",  # the longest label
    "a" * 64 + "@" + LONGEST_DOMAIN_PART,  # 254 octets: the longest address
    "lise@ærø.dk",  # a Danish domain name, xn--r-1ga8b.dk on the wire
]

BAD_ADDRESSES = [
    pytest.param("x@[127.0.0.1]", addresses.LITERAL, id="ipv4-literal"),
    pytest.param("x@[IPv6:2001:db8::1]", addresses.LITERAL, id="ipv6-literal"),
    pytest.param("x@[::1]", addresses.LITERAL, id="bare-ipv6-literal"),
    pytest.param("x@127.0.0.1", addresses.LITERAL, id="ip-without-brackets"),
    pytest.param(
        "a" * 240 + "@example.org",
        "Delen før @ er for lang: den må højst være på 64 tegn, men er på 240.",
        id="local-part-240",
    ),
    pytest.param(
        "a" * 65 + "@example.org",
        "Delen før @ er for lang: den må højst være på 64 tegn, men er på 65.",
        id="local-part-65",
    ),
    pytest.param(
        "x@" + "b" * 64 + ".dk",
        "Hver del af domænet mellem punktummerne må højst være på 63 tegn. "
        "»bbbbbbbbbbbbbbbbbbbb…« er for lang.",
        id="label-64",
    ),
    pytest.param(
        # 60 letters, but 66 octets as the domain goes over the wire
        "x@" + "æ" * 60 + ".dk",
        "Hver del af domænet mellem punktummerne må højst være på 63 tegn. "
        "»ææææææææææææææææææææ…« er for lang.",
        id="danish-label-66-octets",
    ),
    pytest.param(
        "x@" + ".".join(["c" * 60] * 4) + ".eksempel.dk",
        "Domænet efter @ er for langt: det må højst være på 253 tegn, men er på 255.",
        id="domain-255",
    ),
    pytest.param(
        "a" * 64 + "@" + ONE_TOO_LONG_DOMAIN_PART,
        "Adressen er for lang: den må højst være på 254 tegn, men er på 255.",
        id="address-255",
    ),
    pytest.param("x@localhost", addresses.INVALID, id="localhost"),
    pytest.param("x@eksempel", addresses.INVALID, id="no-top-level-domain"),
    pytest.param("a..b@example.org", addresses.INVALID, id="two-dots"),
    pytest.param(".a@example.org", addresses.INVALID, id="leading-dot"),
    pytest.param("x@-eksempel.dk", addresses.INVALID, id="label-starts-with-hyphen"),
    pytest.param("x@eksempel..dk", addresses.INVALID, id="empty-label"),
    pytest.param('"a\x07b"@example.org', addresses.INVALID, id="control-character-quoted"),
    pytest.param("navn@eksempel.dk@eksempel.dk", addresses.INVALID, id="two-ats"),
    pytest.param("navn", addresses.INVALID, id="no-at"),
]


@pytest.mark.parametrize(
    "address",
    GOOD_ADDRESSES,
    ids=["plain", "plus-and-capitals", "apostrophe", "local-64", "label-63", "254", "danish"],
)
def test_addresses_the_rfcs_allow_are_taken_and_mailed(client, committed, smtp_server, address):
    response = subscribe(client, committed, email=address, alt="on")
    assert response.status_code == 302 and response["Location"] == SENT
    assert subscriber(address.lower()).state == State.PENDING
    assert len(smtp_server.messages) == 1


@pytest.mark.parametrize("address, error", BAD_ADDRESSES)
def test_address_literals_and_what_the_rfcs_do_not_allow_are_refused_in_danish(
    client, committed, smtp_server, address, error
):
    text = page(subscribe(client, committed, email=address, alt="on"))
    assert f'<a href="#id_email">{error}</a>' in text  # the summary, linking the field
    assert f'<p class="field-error" id="email-fejl">{error}</p>' in text
    assert not Subscriber.objects.exists() and not smtp_server.messages


def test_an_address_stored_before_these_rules_is_never_mailed(client, committed, smtp_server):
    person = Subscriber.objects.create(email="x@[127.0.0.1]", state=State.PENDING, everything=True)
    with committed():
        client.post("/nyhedsbrev/nyt-link/", {"token": confirm_path(person).split("/")[-2]})
    assert not smtp_server.messages


# --- Rate limits ----------------------------------------------------------------------------------


def test_mails_to_one_address_are_limited(client, committed, smtp_server, settings, topics, caplog):
    settings.NEWSLETTER_MAILS_PER_ADDRESS = 2
    with caplog.at_level(logging.WARNING, logger="newsletter.ratelimit"):
        responses = [subscribe(client, committed, alt="on") for _ in range(4)]
    assert {(r.status_code, r["Location"]) for r in responses} == {(302, SENT)}
    assert len(smtp_server.messages) == 2
    refusals = [r for r in caplog.records if "over its limit" in r.getMessage()]
    assert len(refusals) == 2 and ADDRESS not in caplog.text
    # Another address from the same client is not held back by it.
    subscribe(client, committed, email="anden@example.org", alt="on")
    assert len(smtp_server.messages) == 3


def test_mails_from_one_client_are_limited(
    client, committed, smtp_server, settings, topics, caplog
):
    settings.NEWSLETTER_MAILS_PER_CLIENT = 2
    machine = Client(REMOTE_ADDR="203.0.113.7")
    with caplog.at_level(logging.WARNING, logger="newsletter.ratelimit"):
        for n in range(3):
            assert (
                subscribe(machine, committed, email=f"person{n}@example.org", alt="on")["Location"]
                == SENT
            )
    assert len(smtp_server.messages) == 2
    # Over the limit nothing is written either: no subscription waits for the third address.
    assert not Subscriber.objects.filter(email="person2@example.org").exists()
    assert "client 203.0.113.7 is over its limit" in caplog.text
    subscribe(Client(REMOTE_ADDR="198.51.100.4"), committed, email="person2@example.org", alt="on")
    assert len(smtp_server.messages) == 3


def test_behind_the_local_proxy_each_forwarded_client_is_counted(
    client, committed, smtp_server, settings, topics
):
    settings.NEWSLETTER_MAILS_PER_CLIENT = 1
    proxy = Client(REMOTE_ADDR="127.0.0.1")
    for n, forwarded in enumerate(["203.0.113.7", "spoofed, 203.0.113.8", "203.0.113.7"]):
        with committed():
            proxy.post(
                "/nyhedsbrev/",
                {"email": f"p{n}@example.org", "alt": "on"},
                HTTP_X_FORWARDED_FOR=forwarded,
            )
    assert len(smtp_server.messages) == 2  # the third is 203.0.113.7's second


def test_an_ipv6_client_counts_by_its_network(rf):
    one = rf.get("/", REMOTE_ADDR="2001:db8:1:2::10")
    other = rf.get("/", REMOTE_ADDR="2001:db8:1:2:ffff::1")
    assert ratelimit.client_address(one) == ratelimit.client_address(other) == "2001:db8:1:2::/64"
    assert ratelimit.client_address(rf.get("/", REMOTE_ADDR="::ffff:192.0.2.1")) == "192.0.2.1"


def test_asking_for_new_links_is_limited_too(client, committed, smtp_server, settings, topics):
    settings.NEWSLETTER_MAILS_PER_ADDRESS = 2
    subscribe(client, committed, alt="on")
    old = confirm_path(subscriber(), at=timezone.now() - timedelta(days=8)).split("/")[-2]
    for _ in range(3):
        with committed():
            assert client.post("/nyhedsbrev/nyt-link/", {"token": old})["Location"] == SENT
    assert len(smtp_server.messages) == 2


def test_a_dead_cache_neither_blocks_subscribing_nor_lifts_the_limit(
    client, committed, smtp_server, settings, topics, monkeypatch, caplog
):
    """With the cache down each process counts for itself: mail still goes, within the limit."""
    settings.NEWSLETTER_MAILS_PER_ADDRESS = 2

    def down(*args, **kwargs):
        raise ConnectionError("the cache is down")

    backend = type(caches["default"])
    for method in ("add", "incr", "get", "set"):
        monkeypatch.setattr(backend, method, down)
    for _ in range(4):
        assert subscribe(client, committed, alt="on")["Location"] == SENT
    assert len(smtp_server.messages) == 2
    assert subscriber().state == State.PENDING


def test_a_mail_server_that_is_down_does_not_fail_the_form(
    client, committed, smtp_server, topics, caplog
):
    smtp_server.stop()
    with caplog.at_level(logging.WARNING, logger="newsletter.confirmation"):
        response = subscribe(client, committed, alt="on")
    assert response.status_code == 302 and response["Location"] == SENT
    assert subscriber().state == State.PENDING
    assert "mail to subscriber" in caplog.text


# --- Errors in the form ---------------------------------------------------------------------------


def test_errors_are_danish_and_tied_to_their_fields(client, committed, smtp_server, topics):
    text = page(subscribe(client, committed, email="ikke en adresse"))
    assert '<div class="notice notice--error error-summary" role="alert">' in text
    assert '<a href="#id_email">Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.</a>' in text
    assert 'aria-invalid="true" aria-describedby="email-fejl"' in text
    assert '<p class="field-error" id="email-fejl">' in text
    assert '<fieldset class="topics" id="emnevalg" aria-describedby="emnevalg-fejl">' in text
    assert (
        '<p class="field-error" id="emnevalg-fejl">Vælg mindst ét emne, eller vælg „Alt“.</p>'
        in text
    )
    assert 'value="ikke en adresse"' in text
    text = page(subscribe(client, committed, email="", sektioner=["findes-ikke"]))
    assert "Skriv din e-mailadresse." in text
    assert 'aria-describedby="sektioner-fejl"' in text and "findes-ikke" in text
    assert not Subscriber.objects.exists() and not smtp_server.messages


# --- Preferences ----------------------------------------------------------------------------------


def test_preferences_need_no_login_and_change_topics(client, topics):
    person = confirmed_subscriber(sections=[topics.section], goals=[topics.goal])
    url = person.preferences_url()
    response = client.get(url)
    text = page(response)
    assert is_never_cached(response) and ADDRESS in text
    assert checked(text, "sektioner", topics.section.slug) and checked(
        text, "maal", topics.goal.slug
    )
    assert not checked(text, "emner", topics.tag.slug)
    assert f'<form method="post" action="{person.unsubscribe_url()}">' in text

    browser = Client(enforce_csrf_checks=True)
    token = csrf_token_of(browser.get(url))
    assert browser.post(url, {"emner": [topics.tag.slug]}).status_code == 403
    response = browser.post(url, {"csrfmiddlewaretoken": token, "emner": [topics.tag.slug]})
    assert response.status_code == 302 and response["Location"] == url + "?gemt=emner"
    assert "Dine emner er gemt." in page(browser.get(response["Location"]))
    person.refresh_from_db()
    assert list(person.tags.all()) == [topics.tag] and not person.sections.exists()
    assert person.state == State.CONFIRMED and not person.goals.exists()

    text = page(browser.post(url, {"csrfmiddlewaretoken": token}))
    assert "Vælg mindst ét emne" in text and list(subscriber().tags.all()) == [topics.tag]


def test_preferences_pause_and_resume(client, topics):
    person = confirmed_subscriber(sections=[topics.section])
    url = person.preferences_url()
    assert "Sæt på pause</button>" in page(client.get(url))
    client.post(url, {"handling": "pause"})
    assert subscriber().paused and Subscriber.objects.receiving().count() == 0
    text = page(client.get(url + "?gemt=pause"))
    assert "Genoptag</button>" in text and "sat på pause" in text
    client.post(url, {"handling": "genoptag"})
    assert not subscriber().paused and Subscriber.objects.receiving().count() == 1


def test_a_topic_no_longer_offered_stays_on_the_subscribers_page(client, topics):
    old_goal = GoalFactory(programme=GoalProgrammeFactory(is_current=False), title="Gammelt mål")
    person = confirmed_subscriber(goals=[old_goal])
    text = page(client.get(person.preferences_url()))
    assert checked(text, "maal", old_goal.slug)
    client.post(person.preferences_url(), {"maal": [old_goal.slug, topics.goal.slug]})
    assert set(subscriber().goals.all()) == {old_goal, topics.goal}


def test_an_unknown_token_is_not_found(client):
    for url in ["/nyhedsbrev/indstillinger/findes-ikke/", "/nyhedsbrev/afmeld/findes-ikke/"]:
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404


def test_an_unsubscribed_address_cannot_be_changed_from_its_page(client, topics):
    person = confirmed_subscriber(sections=[topics.section])
    client.post(person.unsubscribe_url())
    text = page(client.get(person.preferences_url()))
    assert "Tilmeld dig igen" in text and "<fieldset" not in text
    client.post(person.preferences_url(), {"alt": "on"})
    assert not subscriber().everything and subscriber().state == State.UNSUBSCRIBED


# --- Unsubscribing --------------------------------------------------------------------------------


def test_one_click_unsubscribe_needs_no_csrf_token_and_clears_the_topics(client, topics):
    person = confirmed_subscriber(
        sections=[topics.section], tags=[topics.tag], authors=[topics.author]
    )
    Subscriber.objects.filter(pk=person.pk).update(everything=True, paused=True)
    consented = person.confirmed_at
    url = person.unsubscribe_url()
    # A scanner's GET and HEAD change nothing; the page has the button.
    text = page(client.get(url))
    assert client.head(url).status_code == 200
    assert f'<form method="post" action="{url}">' in text and ">Afmeld</button>" in text
    assert subscriber().state == State.CONFIRMED

    mail_client = Client(enforce_csrf_checks=True)
    response = mail_client.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    text = page(response)
    assert is_never_cached(response) and "<h1>Du er afmeldt</h1>" in text
    person = subscriber()
    assert person.state == State.UNSUBSCRIBED and person.unsubscribed_at is not None
    assert person.confirmed_at == consented and person.email == ADDRESS
    assert not person.everything and not person.paused
    for axis in ("sections", "tags", "authors", "goals"):
        assert not getattr(person, axis).exists()

    # Again (a mail client retrying): the same answer, the first date kept.
    first = person.unsubscribed_at
    assert (
        mail_client.post(
            url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
        ).status_code
        == 200
    )
    assert subscriber().unsubscribed_at == first


def test_unsubscribing_a_subscription_not_yet_confirmed(client, committed, smtp_server, topics):
    subscribe(client, committed, alt="on")
    person = subscriber()
    client.post(person.unsubscribe_url())
    person = subscriber()
    assert (
        person.state == State.UNSUBSCRIBED and not person.everything and person.confirmed_at is None
    )


# --- Purging unconfirmed subscriptions ------------------------------------------------------------


def test_purge_removes_only_subscriptions_unconfirmed_for_seven_days(topics):
    now = timezone.now()
    old, recent = (
        now - CONFIRM_WITHIN - timedelta(minutes=1),
        now - CONFIRM_WITHIN + timedelta(minutes=1),
    )
    Subscriber.objects.create(email="gammel@example.org", state=State.PENDING, created_at=old)
    Subscriber.objects.create(email="ny@example.org", state=State.PENDING, created_at=recent)
    confirmed_subscriber("tilmeldt@example.org").__class__.objects.filter(
        email="tilmeldt@example.org"
    ).update(created_at=old)
    Subscriber.objects.create(
        email="afmeldt@example.org", state=State.UNSUBSCRIBED, created_at=old, unsubscribed_at=old
    )
    # Unsubscribed, then asked again without confirming: back to its unsubscribe, not deleted.
    returning = Subscriber.objects.create(
        email="tilbage@example.org",
        state=State.PENDING,
        created_at=old,
        confirmed_at=old - timedelta(days=60),
        unsubscribed_at=old - timedelta(days=30),
        everything=True,
    )
    returning.sections.set([topics.section])

    assert purge_unconfirmed(now) == 2
    assert set(Subscriber.objects.values_list("email", flat=True)) == {
        "ny@example.org",
        "tilmeldt@example.org",
        "afmeldt@example.org",
        "tilbage@example.org",
    }
    returning.refresh_from_db()
    assert returning.state == State.UNSUBSCRIBED and not returning.everything
    assert not returning.sections.exists() and returning.unsubscribed_at is not None
    assert purge_unconfirmed(now) == 0


def test_requests_to_subscribe_leave_the_task_queue_with_the_purge(
    client, committed, smtp_server, task_queue
):
    """A request is a task holding the address typed: it goes 7 days after it ran, as an
    unconfirmed subscription does; the mail's task (which holds no address) stays."""
    subscribe(client, committed, alt="on")
    work_off(committed)
    request = DBTaskResult.objects.get(task_path="newsletter.subscriptions.handle_request")
    assert ADDRESS in str(request.args_kwargs) and request.status == "SUCCESSFUL"
    purge_unconfirmed(request.finished_at + CONFIRM_WITHIN - timedelta(minutes=1))
    assert DBTaskResult.objects.filter(pk=request.pk).exists()
    purge_unconfirmed(request.finished_at + CONFIRM_WITHIN + timedelta(minutes=1))
    assert not DBTaskResult.objects.filter(pk=request.pk).exists()
    assert not any(ADDRESS in str(task.args_kwargs) for task in DBTaskResult.objects.all())
    assert DBTaskResult.objects.filter(task_path__endswith="send_subscriber_mail").count() == 1


def test_the_purge_command(capsys):
    Subscriber.objects.create(
        email="gammel@example.org",
        state=State.PENDING,
        created_at=timezone.now() - timedelta(days=8),
    )
    call_command("purge_subscribers")
    assert "1 ubekræftede tilmeldinger fjernet." in capsys.readouterr().out
    assert not Subscriber.objects.exists()


# --- Every page -----------------------------------------------------------------------------------


def test_every_page_is_danish_and_personal_pages_are_not_indexed(
    client, committed, smtp_server, settings, topics
):
    subscribe(client, committed, alt="on")
    person = subscriber()
    path = confirm_link(mails(smtp_server)[0], settings)
    expired = confirm_path(person, at=timezone.now() - timedelta(days=8))
    for url, status in [
        ("/nyhedsbrev/", 200),
        (SENT, 200),
        (path, 200),
        (expired, 200),
        ("/nyhedsbrev/bekraeft/forkert/", 404),
        (person.preferences_url(), 200),
        (person.unsubscribe_url(), 200),
    ]:
        response = client.get(url)
        text = page(response, status)
        assert is_never_cached(response), url
        if url != "/nyhedsbrev/":
            assert '<meta name="robots" content="noindex, nofollow">' in text, url
    assert "noindex" not in client.get("/nyhedsbrev/").content.decode()
    text = page(client.post(person.unsubscribe_url()))
    assert "<h1>Du er afmeldt</h1>" in text
