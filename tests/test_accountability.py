"""Accountable journalism (issue 22, items 2-4): the kolofon at /om/, the complaints guide at
/klagevejledning/ and the genmæle form at /genmaele/, with its requests on the editors' desk
and in the admin, and its receipt through the newsroom's mail queue."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accountability.models import GenmaeleRequest, Kolofon, arrived_in_time
from articles.caching import store
from articles.models import EditorialMail
from newsletter import ratelimit as newsletter_ratelimit

from .factories import ArticleFactory, AuthorFactory, GoalFactory, GoalProgrammeFactory

pytestmark = pytest.mark.django_db

DANISH = ZoneInfo("Europe/Copenhagen")
FORM_URL = "/genmaele/"
DESK_URL = reverse("admin:index")
KOLOFON = {
    "medium": "Almene Nyheder",
    "about": "Nyheder om den almene sektor.",
    "publisher": "Foreningen Almene Medier",
    "address": "Eksempelvej 12\n2400 København NV",
    "cvr": "",
    "editor": "Jonas Brøndum Lauridsen",
    "email": "redaktion@almene-nyheder.example",
    "phone": "+45 12 34 56 78",
    "registered_with_pressenaevnet": True,
}


@pytest.fixture(autouse=True)
def fresh_counters():
    newsletter_ratelimit.forget()
    yield
    newsletter_ratelimit.forget()


@pytest.fixture
def kolofon():
    return Kolofon.objects.create(**KOLOFON)


def danish_days_ago(days: int) -> datetime:
    """Noon in Denmark ``days`` calendar days ago: the desk counts days by the Danish date,
    and ``now - timedelta(days=60)`` late in the evening is a day less across a change to or
    from summer time (as on a December evening, 60 days after early October)."""
    today = timezone.localdate(timezone=DANISH)
    return datetime.combine(today - timedelta(days=days), datetime.min.time(), DANISH).replace(
        hour=12
    )


@pytest.fixture
def article():
    return ArticleFactory(
        title="Beboerne fik ikke budgettet",
        slug="beboerne-fik-ikke-budgettet",
        published_at=danish_days_ago(3),
    )


def kolofon_form(**changes) -> dict:
    data = {**KOLOFON, **changes}
    data["registered_with_pressenaevnet"] = "on" if data["registered_with_pressenaevnet"] else ""
    data["registered_on"] = ""
    return data


def request_data(**changes) -> dict:
    return {
        "artikel": "/artikler/beboerne-fik-ikke-budgettet/",
        "genmaele": "Bestyrelsen fik budgettet på mødet den 3. marts og stemte om det.",
        "navn": "Birthe Kjærgaard",
        "email": "birthe@example.org",
        "telefon": "12 34 56 78",
        **changes,
    }


def text_of(response) -> str:
    return response.content.decode()


# --- The kolofon ------------------------------------------------------------------------------


def test_the_kolofon_shows_what_the_editors_keep_in_the_admin(client, editor):
    client.force_login(editor)
    changelist = reverse("admin:accountability_kolofon_changelist")
    assert client.get(changelist).status_code == 200
    response = client.post(
        reverse("admin:accountability_kolofon_add"),
        kolofon_form(editor="Anne Redaktørsen", publisher="Foreningen Boligmedier"),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    kolofon = Kolofon.objects.get()
    assert kolofon.updated_by == editor
    # One kolofon: no second can be added, and the one cannot be deleted.
    assert "Kolofon for Almene Nyheder" in text_of(client.get(changelist))
    assert client.get(reverse("admin:accountability_kolofon_add")).status_code == 403
    assert client.get(reverse("admin:accountability_kolofon_delete", args=[1])).status_code == 403

    page = text_of(Client().get("/om/"))
    for expected in [
        "Anne Redaktørsen",
        "Ansvarshavende redaktør",
        "Foreningen Boligmedier",
        "Eksempelvej 12<br>2400 København NV",
        'href="mailto:redaktion@almene-nyheder.example"',
        'href="tel:+4512345678"',
        "anmeldt til Pressenævnet efter medieansvarslovens § 8",
    ]:
        assert expected in page, expected


def test_journalists_may_not_change_the_kolofon(client, journalist, kolofon):
    client.force_login(journalist)
    url = reverse("admin:accountability_kolofon_change", args=[1])
    assert client.post(url, kolofon_form(editor="Nogen Andens")).status_code == 403
    assert Kolofon.objects.get().editor == KOLOFON["editor"]


def test_without_a_kolofon_the_page_says_so(client):
    page = text_of(client.get("/om/"))
    assert "Redaktionen har endnu ikke udfyldt kolofonen." in page


def test_every_kind_of_page_links_the_kolofon_and_the_guide_in_its_footer(client):
    section_article = ArticleFactory(tags=["Renovering"])
    author = AuthorFactory()
    ArticleFactory(authors=[author])
    goal = GoalFactory(programme=GoalProgrammeFactory(is_current=True))
    urls = [
        "/",
        "/artikler/",
        section_article.get_absolute_url(),
        section_article.section.get_absolute_url(),
        "/emner/renovering/",
        author.get_absolute_url(),
        "/almene-maal/",
        goal.get_absolute_url(),
        "/soeg/?q=almene",
        "/laeseliste/",
        "/nyhedsbrev/",
        "/om/",
        "/klagevejledning/",
        FORM_URL,
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        footer = text_of(response).split('<footer class="site-footer">', 1)[1]
        assert 'href="/om/"' in footer and 'href="/klagevejledning/"' in footer, url
    missing = client.get("/artikler/findes-ikke/")
    assert missing.status_code == 404 and 'href="/om/"' in text_of(missing)


@pytest.mark.parametrize("url", ["/om/", "/klagevejledning/"])
def test_a_kolofon_change_shows_at_once_on_a_cached_page(
    client, editor, kolofon, committed, settings, url
):
    settings.PAGE_CACHE_SECONDS = 600
    store.forget_versions()
    reader = Client()
    reader.get(url)
    cached = reader.get(url)
    assert cached["X-Page-Cache"] == "hit"
    assert "Jonas Brøndum Lauridsen" in text_of(cached)

    client.force_login(editor)
    with committed():
        response = client.post(
            reverse("admin:accountability_kolofon_change", args=[1]),
            kolofon_form(editor="Anne Redaktørsen"),
        )
    assert response.status_code == 302

    after = reader.get(url)
    assert after["X-Page-Cache"] != "hit"
    page = text_of(after)
    assert "Anne Redaktørsen" in page and "Jonas Brøndum Lauridsen" not in page
    assert reader.get(url)["X-Page-Cache"] == "hit"  # and kept again


# --- The complaints guide ---------------------------------------------------------------------


def test_the_guide_gives_the_deadlines_the_addresses_and_the_form(client, kolofon):
    page = " ".join(text_of(client.get("/klagevejledning/")).split())
    for expected in [
        "Skriv først til redaktionen",
        "Jonas Brøndum Lauridsen",
        'href="mailto:redaktion@almene-nyheder.example"',
        "Pressenævnet</strong><br> Bredgade 35<br> 1260 København K",
        'href="https://www.pressenaevnet.dk"',
        'href="mailto:info@pressenaevnet.dk"',
        "senest 12 uger efter, at artiklen blev offentliggjort",
        "medieansvarslovens § 36",
        "skriftligt hos den ansvarshavende redaktør senest 4 uger efter",
        'href="/genmaele/"',
    ]:
        assert expected in page, expected


# --- Four weeks -------------------------------------------------------------------------------


def danish(*args) -> datetime:
    return datetime(*args, tzinfo=DANISH)


@pytest.mark.parametrize(
    ("published", "received", "in_time"),
    [
        # Published on a Friday late in the evening: the whole Friday four weeks on counts.
        (danish(2024, 3, 1, 23, 30), danish(2024, 3, 29, 23, 59, 59), True),
        (danish(2024, 3, 1, 23, 30), danish(2024, 3, 30, 0, 0, 30), False),
        # Exactly 28 × 24 hours after, to the second.
        (danish(2024, 3, 1, 10, 0), danish(2024, 3, 29, 10, 0), True),
        # Over the change to summer time (31 March): the days are Danish days.
        (danish(2024, 3, 10, 0, 30), danish(2024, 4, 7, 23, 30), True),
        (danish(2024, 3, 10, 0, 30), danish(2024, 4, 8, 0, 10), False),
        # Published just after midnight Danish time, which is the day before in UTC.
        (danish(2024, 6, 3, 0, 15), danish(2024, 7, 1, 23, 0), True),
        (danish(2024, 6, 3, 0, 15), danish(2024, 7, 2, 0, 5), False),
        (danish(2024, 6, 3, 0, 15), danish(2024, 6, 3, 9, 0), True),
    ],
)
def test_within_four_weeks_is_counted_in_danish_days(published, received, in_time):
    utc = ZoneInfo("UTC")
    assert arrived_in_time(published.astimezone(utc), received.astimezone(utc)) is in_time


def test_without_a_publication_it_is_not_known():
    assert arrived_in_time(None, timezone.now()) is None


# --- Sending a request ------------------------------------------------------------------------


def test_a_request_is_stored_put_on_the_desk_and_its_receipt_mailed(
    client, editor, kolofon, article, smtp_server, committed
):
    with committed():
        response = client.post(FORM_URL, request_data())
    assert response.status_code == 302 and response.url == "/genmaele/sendt/"
    request = GenmaeleRequest.objects.get()
    assert request.article == article
    assert request.article_published_at == article.published_at
    assert request.status == GenmaeleRequest.Status.OPEN
    assert (request.name, request.email, request.phone) == (
        "Birthe Kjærgaard",
        "birthe@example.org",
        "12 34 56 78",
    )
    assert request.in_time is True

    sent = text_of(client.get(response.url))
    assert "Tak, vi har modtaget din anmodning" in sent

    [(recipients, message)] = smtp_server.messages
    assert recipients == ["birthe@example.org"]
    assert message["Subject"].strip().startswith("Vi har modtaget din anmodning om genmæle")
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert "»Beboerne fik ikke budgettet«" in body
    assert "inden for fire uger" in body and "Jonas Brøndum Lauridsen" in body
    assert "/klagevejledning/" in body
    # What the reader typed is not carried to the address they typed.
    assert "stemte om det" not in body
    assert EditorialMail.objects.get().sent_at is not None

    client.force_login(editor)
    desk = text_of(client.get(DESK_URL))
    section = desk.split('id="genmaeler"', 1)[1].split("</section>", 1)[0]
    assert "Beboerne fik ikke budgettet" in section and "Birthe Kjærgaard" in section
    assert "Ja" in section and "(3 dage efter)" in section


def test_a_request_waits_for_a_mail_server_that_is_down(
    client, editor, kolofon, article, smtp_server, committed
):
    smtp_server.stop()
    with committed():
        response = client.post(FORM_URL, request_data())
    assert response.status_code == 302
    request = GenmaeleRequest.objects.get()
    mail = request.receipt
    mail.refresh_from_db()
    assert mail.sent_at is None and mail.attempts == 1 and mail.to == ["birthe@example.org"]

    client.force_login(editor)
    assert "Beboerne fik ikke budgettet" in text_of(client.get(DESK_URL)).split('id="genmaeler"')[1]
    change = text_of(
        client.get(reverse("admin:accountability_genmaelerequest_change", args=[request.pk]))
    )
    assert "Ikke sendt endnu (1 forsøg; prøves igen)" in change

    smtp_server.start()
    call_command("send_editorial_mail")
    [(recipients, _)] = smtp_server.messages
    assert recipients == ["birthe@example.org"]
    mail.refresh_from_db()
    assert mail.sent_at is not None


@pytest.mark.parametrize(
    "typed",
    [
        "/artikler/beboerne-fik-ikke-budgettet/",
        "http://testserver/artikler/beboerne-fik-ikke-budgettet/",
        "https://www.testserver/artikler/beboerne-fik-ikke-budgettet",
        "artikler/beboerne-fik-ikke-budgettet",
        "Beboerne fik ikke budgettet",
        "  »beboerne fik IKKE budgettet«  ",
        "fik ikke budgettet",
        "/artikler/den-gamle-adresse/",
    ],
)
def test_the_article_is_found_by_its_address_or_its_title(client, article, typed):
    from articles.models import ArticleSlugRedirect

    ArticleSlugRedirect.objects.create(old_slug="den-gamle-adresse", article=article)
    assert client.post(FORM_URL, request_data(artikel=typed)).status_code == 302
    assert GenmaeleRequest.objects.get().article == article


def test_an_article_that_cannot_be_found_is_said_so_and_nothing_typed_is_lost(client, article):
    ArticleFactory(title="Hemmelig kladde", slug="hemmelig-kladde", draft=True)
    for typed, message in [
        ("/artikler/findes-ikke/", "Vi kan ikke finde en udgivet artikel"),
        ("/artikler/hemmelig-kladde/", "Vi kan ikke finde en udgivet artikel"),
        ("Hemmelig kladde", "Vi kan ikke finde en udgivet artikel"),
        ("https://eksempel.dk/artikler/beboerne-fik-ikke-budgettet/", "er ikke en adresse på"),
    ]:
        data = request_data(artikel=typed)
        response = client.post(FORM_URL, data)
        assert response.status_code == 200
        page = text_of(response)
        assert message in page, typed
        assert "Din anmodning er ikke sendt endnu" in page
        assert 'aria-invalid="true"' in page
        for value in [typed, "Birthe Kjærgaard", "birthe@example.org", "12 34 56 78"]:
            assert f'value="{value}"' in page, value
        assert "stemte om det.</textarea>" in page
        assert "Send anmodningen alligevel" in page
    assert not GenmaeleRequest.objects.exists()

    # Sent all the same: stored as typed, for the editors to find.
    response = client.post(
        FORM_URL, request_data(artikel="/artikler/findes-ikke/", send_alligevel="on")
    )
    assert response.status_code == 302
    request = GenmaeleRequest.objects.get()
    assert request.article is None and request.article_text == "/artikler/findes-ikke/"
    assert request.in_time is None


def test_titles_that_fit_more_than_one_article_are_not_guessed(client):
    ArticleFactory(title="Ny formand i boligforeningen Nord")
    ArticleFactory(title="Ny formand i boligforeningen Syd")
    response = client.post(FORM_URL, request_data(artikel="formand i boligforeningen"))
    assert "Flere artikler passer på det, du skrev." in text_of(response)
    assert not GenmaeleRequest.objects.exists()


def test_bad_input_gets_danish_errors_and_keeps_what_was_typed(client, article):
    response = client.post(FORM_URL, {"artikel": "", "genmaele": "", "navn": "", "email": ""})
    page = text_of(response)
    for message in [
        "Skriv artiklens adresse eller titel.",
        "Skriv dit genmæle: det, du ønsker offentliggjort.",
        "Skriv dit navn.",
        "Skriv din e-mailadresse, så redaktøren kan svare dig.",
    ]:
        assert message in page, message
    assert "<title>Fejl: Bed om genmæle" in page

    response = client.post(
        FORM_URL, request_data(email="birthe@[127.0.0.1]", telefon="ring til mig")
    )
    page = text_of(response)
    assert "En IP-adresse kan ikke bruges." in page
    assert "Skriv telefonnummeret med cifre" in page
    assert 'value="birthe@[127.0.0.1]"' in page and 'value="ring til mig"' in page
    assert 'value="/artikler/beboerne-fik-ikke-budgettet/"' in page
    # The summary links each error to its field.
    assert 'href="#id_email"' in page and 'href="#id_telefon"' in page
    assert not GenmaeleRequest.objects.exists()


def test_too_many_requests_from_one_client_are_refused_in_danish(client, article, settings):
    settings.GENMAELE_REQUESTS_PER_CLIENT = 3
    settings.GENMAELE_REQUESTS_PER_ADDRESS = 10
    for number in range(3):
        response = client.post(FORM_URL, request_data(email=f"laeser{number}@example.org"))
        assert response.status_code == 302
    response = client.post(FORM_URL, request_data(email="laeser9@example.org"))
    assert response.status_code == 429
    page = text_of(response)
    assert "Der er sendt mange anmodninger herfra på kort tid" in page
    assert 'value="laeser9@example.org"' in page and "stemte om det.</textarea>" in page
    assert GenmaeleRequest.objects.count() == 3
    # Another client is not held up.
    other = Client(REMOTE_ADDR="192.0.2.7")
    assert other.post(FORM_URL, request_data(email="anden@example.org")).status_code == 302


def test_too_many_requests_for_one_address_are_refused(client, article, settings):
    settings.GENMAELE_REQUESTS_PER_CLIENT = 100
    settings.GENMAELE_REQUESTS_PER_ADDRESS = 2
    statuses = [
        Client(REMOTE_ADDR=f"192.0.2.{n}").post(FORM_URL, request_data()).status_code
        for n in range(1, 4)
    ]
    assert statuses == [302, 302, 429]
    assert GenmaeleRequest.objects.count() == 2


def test_the_form_needs_its_csrf_token(article):
    browser = Client(enforce_csrf_checks=True)
    assert browser.post(FORM_URL, request_data()).status_code == 403
    assert not GenmaeleRequest.objects.exists()
    page = text_of(browser.get(FORM_URL))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
    assert browser.post(FORM_URL, request_data(csrfmiddlewaretoken=token)).status_code == 302
    assert GenmaeleRequest.objects.count() == 1


def test_the_form_is_never_cached_and_the_guides_are_public(client, article, settings):
    settings.PAGE_CACHE_SECONDS = 600
    store.forget_versions()
    for url in [FORM_URL, "/genmaele/sendt/"]:
        for _ in range(2):
            response = client.get(url)
            assert "X-Page-Cache" not in response, url
            cache_control = response["Cache-Control"]
            assert "no-cache" in cache_control and "no-store" in cache_control
            assert "private" in cache_control
            assert "public" not in cache_control
    error = client.post(FORM_URL, request_data(artikel="findes ikke"))
    assert "no-store" in error["Cache-Control"] and "X-Page-Cache" not in error
    # A link may name the article in advance.
    page = text_of(client.get(FORM_URL + "?artikel=/artikler/beboerne-fik-ikke-budgettet/"))
    assert 'value="/artikler/beboerne-fik-ikke-budgettet/"' in page
    for url in ["/om/", "/klagevejledning/"]:
        assert "public" in Client().get(url)["Cache-Control"]


# --- In the newsroom --------------------------------------------------------------------------


@pytest.fixture
def genmaele(article):
    return GenmaeleRequest.objects.create(
        article=article,
        article_text=article.get_absolute_url(),
        article_published_at=article.published_at,
        text="Mit genmæle.",
        name="Birthe Kjærgaard",
        email="birthe@example.org",
        phone="12 34 56 78",
    )


def test_journalists_see_no_requests_nor_the_readers_data(client, journalist, genmaele):
    client.force_login(journalist)
    changelist = reverse("admin:accountability_genmaelerequest_changelist")
    change = reverse("admin:accountability_genmaelerequest_change", args=[genmaele.pk])
    assert client.get(changelist).status_code == 403
    assert client.get(change).status_code == 403
    desk = text_of(client.get(DESK_URL))
    assert 'id="genmaeler"' not in desk and "Birthe" not in desk
    assert "Birthe" not in text_of(client.get(reverse("admin:apps")))
    # Not even when given the view permission by mistake: the data is for editors.
    journalist.user_permissions.add(
        Permission.objects.get(codename="view_genmaelerequest"),
        Permission.objects.get(codename="change_genmaelerequest"),
    )
    journalist = type(journalist).objects.get(pk=journalist.pk)  # no cached permissions
    client.force_login(journalist)
    assert client.get(changelist).status_code == 403
    assert client.get(change).status_code == 403
    assert "birthe@example.org" not in text_of(client.get(DESK_URL))


def test_editors_see_the_request_and_mark_it_answered_with_a_note(client, editor, genmaele):
    client.force_login(editor)
    changelist = text_of(client.get(reverse("admin:accountability_genmaelerequest_changelist")))
    assert "Birthe Kjærgaard" in changelist
    url = reverse("admin:accountability_genmaelerequest_change", args=[genmaele.pk])
    page = text_of(client.get(url))
    assert "birthe@example.org" in page and "Mit genmæle." in page
    assert "Ja (3 dage efter udgivelsen)" in page
    assert reverse("admin:accountability_genmaelerequest_add") not in page

    # Answered or rejected needs a note.
    data = {"article": genmaele.article_id, "status": "answered", "note": ""}
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Skriv en note: hvad blev svaret" in text_of(response)
    data["note"] = "Genmælet er bragt under artiklen."
    assert client.post(url, data).status_code == 302
    genmaele.refresh_from_db()
    assert genmaele.status == "answered" and genmaele.handled_by == editor
    assert genmaele.handled_at is not None
    # Handled: off the desk.
    assert "Birthe" not in text_of(client.get(DESK_URL)).split('id="genmaeler"')[1]

    rejected = GenmaeleRequest.objects.create(
        article_text="en artikel", text="x", name="Henrik", email="h@example.org"
    )
    url = reverse("admin:accountability_genmaelerequest_change", args=[rejected.pk])
    data = {"article": "", "status": "rejected", "note": "Ikke faktiske forhold."}
    assert client.post(url, data).status_code == 302
    assert GenmaeleRequest.objects.get(pk=rejected.pk).get_status_display() == "Afvist"


def test_an_editor_links_an_article_the_site_did_not_find(client, editor, article):
    request = GenmaeleRequest.objects.create(
        article_text="den om budgettet", text="x", name="Henrik", email="h@example.org"
    )
    client.force_login(editor)
    url = reverse("admin:accountability_genmaelerequest_change", args=[request.pk])
    assert (
        client.post(url, {"article": article.pk, "status": "open", "note": ""}).status_code == 302
    )
    request.refresh_from_db()
    assert request.article == article and request.article_published_at == article.published_at


def test_the_desk_shows_late_and_unknown_requests_oldest_first(client, editor):
    old = ArticleFactory(title="Gammel sag", published_at=danish_days_ago(60))
    GenmaeleRequest.objects.create(
        article=old,
        article_text="Gammel sag",
        article_published_at=old.published_at,
        text="x",
        name="Sen Læser",
        email="sen@example.org",
    )
    GenmaeleRequest.objects.create(
        article_text="noget om vand", text="x", name="Ukendt Læser", email="u@example.org"
    )
    client.force_login(editor)
    section = text_of(client.get(DESK_URL)).split('id="genmaeler"')[1].split("</section>")[0]
    assert section.index("Sen Læser") < section.index("Ukendt Læser")
    assert "<strong>Nej</strong>" in section and "(60 dage efter)" in section
    assert "Ikke fundet: »noget om vand«" in section and "Ukendt" in section


def test_erasing_a_request_erases_its_receipt(client, article, committed, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with committed():
        client.post(FORM_URL, request_data())
    request = GenmaeleRequest.objects.get()
    assert EditorialMail.objects.filter(pk=request.receipt_id).exists()
    request.delete()
    assert not EditorialMail.objects.filter(to=["birthe@example.org"]).exists()


def test_the_demo_has_a_kolofon_and_requests(client):
    call_command("seed_demo", articles=6, images=1)
    kolofon = Kolofon.objects.get()
    assert kolofon.editor == "Jonas Brøndum Lauridsen" and kolofon.publisher
    requests = list(GenmaeleRequest.objects.order_by("received_at"))
    assert len(requests) == 2 and all(r.article_id for r in requests)
    assert {r.in_time for r in requests} == {True, False}
    assert "Jonas Brøndum Lauridsen" in text_of(client.get("/om/"))
    call_command("seed_demo", articles=6, images=1)  # idempotent
    assert GenmaeleRequest.objects.count() == 2 and Kolofon.objects.count() == 1
