"""Proof of consent for the newsletter, and one subscriber's data exported and erased
(issue 22, item 5; GDPR art. 7(1), 15, 17 and 20).

Sign-ups go through the real form and the real double opt-in (mails to the test's SMTP
server, ``smtp_server``); exports and erasures through the admin as an editor."""

from __future__ import annotations

import importlib
import json
import logging
import re
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from articles.models import Tag
from newsletter import consent, privacy, ratelimit, sending, suppression
from newsletter.models import (
    Consent,
    ConsentText,
    Delivery,
    PrivacyLogEntry,
    Subscriber,
    Suppression,
    TopicChange,
)
from newsletter.subscriptions import ERASED, handle_request

from .factories import (
    ArticleFactory,
    AuthorFactory,
    GoalFactory,
    GoalProgrammeFactory,
    SectionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

State = Subscriber.State
ADDRESS = "lone.berg@example.org"
OTHER = "anden.person@example.org"
# The paragraph above the form's button before consent texts were versioned.
FIRST_WORDING = (
    "Vi sender dig en mail med et link, som du skal klikke på for at bekræfte. Vi gemmer kun din "
    "e-mailadresse, dine valg og hvornår du tilmeldte dig. Bekræfter du ikke inden for 7 dage, "
    "sletter vi adressen igen."
)


@pytest.fixture(autouse=True)
def fresh_counters(settings):
    settings.SITE_URL = "https://almene.example.org"
    ratelimit.forget()
    yield
    ratelimit.forget()


@pytest.fixture
def topics():
    section = SectionFactory(name="Boligpolitik")
    author = AuthorFactory(name="Mette Holm")
    article = ArticleFactory(section=section, authors=[author], tags=["Biodiversitet"])
    goal = GoalFactory(programme=GoalProgrammeFactory(is_current=True), title="Grønne fællesskaber")
    article.goals.add(goal)
    return SimpleNamespace(
        section=section,
        tag=Tag.objects.get(name="Biodiversitet"),
        author=author,
        goal=goal,
        article=article,
    )


def hidden(page: str, name: str) -> str:
    found = re.search(rf'<input type="hidden" name="{name}" value="([^"]*)">', page)
    assert found, name
    return found[1]


def sign_up(client, committed, url="/nyhedsbrev/", referer=None, email=ADDRESS, **topics):
    """Open the form at ``url`` (coming from ``referer``) and send it as a browser would, with
    its hidden fields."""
    headers = {"HTTP_REFERER": referer} if referer else {}
    page = client.get(url, **headers).content.decode()
    data = {name: hidden(page, name) for name in ("samtykke", "kilde", "fra")}
    with committed():
        response = client.post("/nyhedsbrev/", {"email": email, **data, **topics})
    assert response.status_code == 302, response.content.decode()[:2000]
    return page


def confirm_link(smtp_server) -> str:
    text = smtp_server.messages[-1][1].get_body(("plain",)).get_content()
    return re.search(r"https://almene\.example\.org(/nyhedsbrev/bekraeft/\S+?/)\s", text)[1]


def confirmed(client, committed, smtp_server, email=ADDRESS, **kwargs) -> Subscriber:
    sign_up(client, committed, email=email, **kwargs)
    client.post(confirm_link(smtp_server))
    return Subscriber.objects.get(email=email)


# --- What a sign-up records ---------------------------------------------------------------------


def test_a_sign_up_records_the_wording_times_topics_and_source(
    client, committed, smtp_server, topics
):
    current = consent.current_text()
    came_from = topics.section.get_absolute_url()
    page = sign_up(
        client,
        committed,
        url=f"/nyhedsbrev/?sektion={topics.section.slug}",
        referer=f"http://testserver{came_from}?side=2",
        sektioner=[topics.section.slug],
        emner=[topics.tag.slug],
    )
    # The form shows the current wording and says which version it is.
    assert f'<p class="newsletter-form__note">{current.text}</p>' in page
    assert hidden(page, "samtykke") == str(current.number)
    assert hidden(page, "kilde") == "sektion" and hidden(page, "fra") == came_from

    person = Subscriber.objects.get(email=ADDRESS)
    [record] = person.consents.all()
    assert record.wording.number == current.number and record.wording.text == current.text
    assert record.requested_at is not None and record.confirmed_at is None
    assert abs(record.requested_at - person.created_at) < timedelta(seconds=5)
    assert record.source == Consent.Source.SECTION_LINK
    assert record.referrer == came_from  # the path, without its query
    assert record.topics == {
        "alt": False,
        "sektioner": [{"id": topics.section.pk, "navn": "Boligpolitik"}],
        "emner": [{"id": topics.tag.pk, "navn": "Biodiversitet"}],
        "skribenter": [],
        "maal": [],
    }

    # The double opt-in's confirmation dates it.
    client.post(confirm_link(smtp_server))
    record.refresh_from_db()
    person.refresh_from_db()
    assert person.state == State.CONFIRMED
    assert record.confirmed_at == person.confirmed_at and record.withdrawn_at is None
    # A renamed topic leaves the record as it was agreed to.
    topics.section.name = "Bolig og politik"
    topics.section.save()
    record.refresh_from_db()
    assert record.topics["sektioner"] == [{"id": topics.section.pk, "navn": "Boligpolitik"}]


@pytest.mark.parametrize(
    "url, source",
    [
        ("/nyhedsbrev/", "tilmeldingsside"),
        ("/nyhedsbrev/?emne=biodiversitet", "emne"),
        ("/nyhedsbrev/?skribent=mette-holm", "skribent"),
        ("/nyhedsbrev/?kilde=artikel", "artikel"),
        ("/nyhedsbrev/?kilde=sidefod&sektion=boligpolitik", "sidefod"),
        ("/nyhedsbrev/?kilde=<script>", "tilmeldingsside"),
        ("/nyhedsbrev/?kilde=ukendt", "tilmeldingsside"),
    ],
)
def test_the_source_is_one_of_the_known_ones(client, topics, url, source):
    page = client.get(url).content.decode()
    assert hidden(page, "kilde") == source


@pytest.mark.parametrize(
    "posted, referer, source, referrer",
    [
        # A hidden field sent with anything: only known values, only pages of this site.
        ({"kilde": "<script>", "fra": "https://ond.example/side/"}, None, "ukendt", ""),
        ({"kilde": "sidefod", "fra": "//ond.example/"}, None, "sidefod", ""),
        ({"kilde": "artikel", "fra": "/findes/ikke/her/"}, None, "artikel", ""),
        ({"fra": "/" + "a" * 300}, None, "ukendt", ""),
        # A subscriber's own page holds their secret: never kept.
        (
            {"kilde": "tilmeldingsside", "fra": "/nyhedsbrev/indstillinger/hemmelig/"},
            None,
            "tilmeldingsside",
            "",
        ),
        # A form elsewhere on the site (a footer's, an article's) without "fra": the page it
        # was sent from, if it is on this site.
        ({"kilde": "sidefod"}, "http://testserver{article}", "sidefod", "{article}"),
        ({"kilde": "artikel"}, "https://ond.example{article}", "artikel", ""),
        ({"kilde": "tilmeldingsside"}, "http://testserver/nyhedsbrev/?x=1", "tilmeldingsside", ""),
    ],
)
def test_source_and_referrer_are_checked_not_trusted(
    client, committed, smtp_server, topics, posted, referer, source, referrer
):
    article = topics.article.get_absolute_url()
    data = {key: value.format(article=article) for key, value in posted.items()}
    headers = {"HTTP_REFERER": referer.format(article=article)} if referer else {}
    with committed():
        response = client.post("/nyhedsbrev/", {"email": ADDRESS, "alt": "on", **data}, **headers)
    assert response.status_code == 302
    [record] = Consent.objects.all()
    assert (record.source, record.referrer) == (source, referrer.format(article=article))
    # No version named: the current one.
    assert record.wording.number == consent.current_text().number


def test_a_new_consent_text_is_a_new_version_and_old_subscriptions_keep_theirs(
    client, committed, smtp_server, topics
):
    before = consent.current_text()
    early = confirmed(client, committed, smtp_server, alt="on")
    # A form opened now, sent after the wording changes, recorded as the wording it showed.
    open_form = client.get("/nyhedsbrev/").content.decode()

    new = ConsentText.objects.create(text="Ny ordlyd: vi gemmer også, hvor du tilmeldte dig.")
    assert new.number == before.number + 1
    assert consent.current_text() == consent.Wording(new.number, new.text)
    page = client.get("/nyhedsbrev/").content.decode()
    assert new.text in page and hidden(page, "samtykke") == str(new.number)

    late = confirmed(client, committed, smtp_server, email=OTHER, alt="on")
    assert early.consents.get().wording.number == before.number
    assert late.consents.get().wording.number == new.number

    with committed():
        client.post(
            "/nyhedsbrev/",
            {"email": "tredje@example.org", "alt": "on", "samtykke": hidden(open_form, "samtykke")},
        )
    assert Consent.objects.get(subscriber__email="tredje@example.org").wording.number == (
        before.number
    )

    # A version someone agreed to is never changed; a new one is made instead.
    used = ConsentText.objects.get(number=before.number)
    used.text = "Noget andet"
    with pytest.raises(ValueError):
        used.save()
    assert ConsentText.objects.get(number=before.number).text == before.text


def test_version_one_is_the_wording_the_form_showed_before(topics):
    assert ConsentText.objects.get(number=1).text == FIRST_WORDING
    assert consent.current_text().number >= 2


def test_a_change_of_topics_is_recorded(client, committed, smtp_server, topics):
    person = confirmed(client, committed, smtp_server, sektioner=[topics.section.slug])
    client.post(person.preferences_url(), {"emner": [topics.tag.slug], "alt": "on"})
    [change] = person.topic_changes.all()
    assert change.via == TopicChange.Via.PREFERENCES
    assert change.added == {"alt": True, "emner": [{"id": topics.tag.pk, "navn": "Biodiversitet"}]}
    assert change.removed == {"sektioner": [{"id": topics.section.pk, "navn": "Boligpolitik"}]}
    assert change.changed_at is not None
    # Saving the same topics again changes nothing, and records nothing.
    client.post(person.preferences_url(), {"emner": [topics.tag.slug], "alt": "on"})
    assert person.topic_changes.count() == 1

    # The unsubscribe removes the topics, dates the withdrawal, keeps the consent.
    client.post(person.unsubscribe_url())
    person.refresh_from_db()
    last = person.topic_changes.last()
    assert last.via == TopicChange.Via.UNSUBSCRIBE and last.removed["alt"] is True
    [record] = person.consents.all()
    assert record.withdrawn_at == person.unsubscribed_at and record.confirmed_at is not None


def test_a_returning_subscriber_has_a_consent_for_each_subscription(
    client, committed, smtp_server, topics
):
    person = confirmed(client, committed, smtp_server, alt="on")
    client.post(person.unsubscribe_url())
    # Asked again, twice, then confirmed: one new record (the unconfirmed first is replaced).
    sign_up(client, committed, sektioner=[topics.section.slug])
    sign_up(client, committed, emner=[topics.tag.slug])
    assert person.consents.count() == 2
    client.post(confirm_link(smtp_server))
    first, second = person.consents.order_by("requested_at")
    assert first.withdrawn_at is not None and first.topics["alt"] is True
    assert second.confirmed_at is not None and second.withdrawn_at is None
    assert second.topics["emner"] == [{"id": topics.tag.pk, "navn": "Biodiversitet"}]


def test_a_subscription_from_before_consents_were_kept_gets_one_when_confirmed(client, topics):
    """Asked for before this release (no consent record): its confirmation records one, with
    version 1 and a note saying so."""
    from newsletter.confirmation import confirm_path

    person = Subscriber.objects.create(email=ADDRESS, state=State.PENDING, everything=True)
    client.post(confirm_path(person))
    record = Subscriber.objects.get(email=ADDRESS).consents.get()
    assert record.wording.number == 1 and record.source == Consent.Source.UNKNOWN
    assert record.confirmed_at is not None and "før samtykker blev registreret" in record.note


def test_the_data_migration_records_a_consent_for_existing_subscriptions(topics):
    from django.apps import apps

    migration = importlib.import_module("newsletter.migrations.0004_consent_texts_and_editors")
    now = timezone.now()
    current = Subscriber.objects.create(
        email="tilmeldt@example.org",
        state=State.CONFIRMED,
        created_at=now - timedelta(days=40),
        confirmed_at=now - timedelta(days=39),
    )
    current.sections.set([topics.section])
    gone = Subscriber.objects.create(
        email="afmeldt@example.org",
        state=State.UNSUBSCRIBED,
        created_at=now - timedelta(days=40),
        confirmed_at=now - timedelta(days=39),
        unsubscribed_at=now - timedelta(days=2),
    )
    waiting = Subscriber.objects.create(email="venter@example.org", state=State.PENDING)
    migration.record_consents(apps, None)
    record = current.consents.get()
    assert record.wording.text == FIRST_WORDING and record.withdrawn_at is None
    assert record.topics["sektioner"] == [{"id": topics.section.pk, "navn": "Boligpolitik"}]
    record = gone.consents.get()
    assert record.withdrawn_at == gone.unsubscribed_at and "kendes ikke" in record.note
    assert waiting.consents.get().confirmed_at is None


# --- Export and erasure in the admin ------------------------------------------------------------


@pytest.fixture
def two_subscribers(client, committed, smtp_server, topics, settings):
    """Two confirmed subscribers, the first with a topic change and a digest mailed to them."""
    person = confirmed(
        client, committed, smtp_server, sektioner=[topics.section.slug], kilde="sidefod"
    )
    client.post(person.preferences_url(), {"emner": [topics.tag.slug]})
    other = confirmed(client, committed, smtp_server, email=OTHER, alt="on")
    Subscriber.objects.filter(pk=other.pk).update(everything=False)  # no digest for them
    other.tags.clear()
    local = timezone.localtime(timezone.now())
    settings.NEWSLETTER_WEEKDAY, settings.NEWSLETTER_HOUR = local.weekday(), local.hour
    mailed = ArticleFactory(
        title="Biodiversitet i gårdene",
        tags=[topics.tag],
        published_at=sending.due_at(timezone.now()) - timedelta(hours=1),
    )
    sending.send_due()
    assert Delivery.objects.get(subscriber=person).state == Delivery.State.SENT
    return SimpleNamespace(person=person, other=other, mailed=mailed)


def export_of(client, person):
    response = client.post(reverse("admin:newsletter_subscriber_export", args=[person.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == f'attachment; filename="abonnent-{person.pk}.json"'
    assert "no-store" in response["Cache-Control"]
    return response.content.decode()


def test_an_editor_exports_everything_about_one_subscriber_and_nothing_else(
    client, editor, two_subscribers, topics, caplog
):
    person = two_subscribers.person
    client.force_login(editor)
    page = client.get(reverse("admin:newsletter_subscriber_change", args=[person.pk]))
    text = page.content.decode()
    assert "Eksportér data (JSON)" in text and "Slet persondata" in text
    # The proof of consent on the subscriber's page.
    assert "Version " in text and "Formular i sidefoden" in text and "Indstillinger" in text

    with caplog.at_level(logging.INFO, logger="newsletter.privacy"):
        raw = export_of(client, person)
    data = json.loads(raw)
    person.refresh_from_db()
    subscriber = data["abonnent"]
    assert subscriber["e-mailadresse"] == ADDRESS and subscriber["tilstand"] == "Tilmeldt"
    assert subscriber["bekræftet"] == timezone.localtime(person.confirmed_at).isoformat()
    assert subscriber["emner_nu"]["emner"] == [{"id": topics.tag.pk, "navn": "Biodiversitet"}]
    [record] = data["samtykker"]
    wording = person.consents.get().wording
    assert record["tekst"] == wording.text and record["tekst_version"] == wording.number
    assert record["kilde"] == "sidefod" and record["bekræftet"] is not None
    assert record["emner"]["sektioner"] == [{"id": topics.section.pk, "navn": "Boligpolitik"}]
    [change] = data["ændringer_af_emner"]
    assert change["tilføjet"]["emner"][0]["navn"] == "Biodiversitet"
    [mail] = data["nyhedsbreve"]
    assert mail["nummer"] == 1 and mail["tilstand"] == "Sendt" and mail["sendt"]
    delivery = Delivery.objects.get(subscriber=person)
    assert [article["id"] for article in mail["artikler"]] == delivery.article_ids
    assert {
        "id": two_subscribers.mailed.pk,
        "titel": "Biodiversitet i gårdene",
        "adresse": "https://almene.example.org" + two_subscribers.mailed.get_absolute_url(),
    } in mail["artikler"]
    # Nothing of the other subscriber.
    assert OTHER not in raw and two_subscribers.other.token not in raw
    assert data["abonnent"]["nummer"] == person.pk

    # Logged: who and when, no address.
    [entry] = PrivacyLogEntry.objects.all()
    assert entry.action == PrivacyLogEntry.Action.EXPORT
    assert (entry.subscriber_number, entry.done_by, entry.done_by_name) == (
        person.pk,
        editor,
        "redaktoer",
    )
    assert ADDRESS not in str(entry.__dict__)
    assert caplog.records and all(ADDRESS not in record.getMessage() for record in caplog.records)


def test_an_export_lists_the_queued_requests_and_mails_that_name_the_subscriber(
    client, committed, smtp_server, topics, settings, editor
):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    with committed():
        client.post("/nyhedsbrev/", {"email": ADDRESS, "alt": "on"})
    person = Subscriber.objects.create(email=ADDRESS, state=State.PENDING)
    data = privacy.export(person)
    [task] = data["opgaver_i_køen"]
    assert task["opgave"] == "tilmelding" and task["argumenter"]["args"][0] == ADDRESS


def test_an_editor_erases_a_subscriber_and_only_a_hash_stays(
    client, editor, two_subscribers, caplog
):
    person = two_subscribers.person
    client.force_login(editor)
    url = reverse("admin:newsletter_subscriber_erase", args=[person.pk])
    page = client.get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert ADDRESS in text and "Det bliver gemt" in text and "spærrelisten" in text
    assert Subscriber.objects.filter(pk=person.pk).exists()  # asking erases nothing

    with caplog.at_level(logging.INFO, logger="newsletter.privacy"):
        response = client.post(url, {"bekraeft": "ja"})
    assert response.status_code == 302
    assert not Subscriber.objects.filter(pk=person.pk).exists()
    assert not Consent.objects.filter(subscriber_id=person.pk).exists()
    assert not TopicChange.objects.filter(subscriber_id=person.pk).exists()
    assert not Delivery.objects.filter(subscriber_id=person.pk).exists()
    # The other subscriber is untouched.
    assert two_subscribers.other.consents.count() == 1

    [kept] = Suppression.objects.all()
    assert kept.address_hash == suppression.address_hash(ADDRESS)
    assert ADDRESS not in kept.address_hash and "lone" not in kept.address_hash
    assert suppression.erased_at(ADDRESS.upper()) == kept.erased_at

    [entry] = PrivacyLogEntry.objects.all()
    assert entry.action == PrivacyLogEntry.Action.ERASURE and entry.subscriber_number == person.pk
    assert entry.done_by == editor
    # No address in any log: ours, the logger's, or the admin's own history.
    assert not LogEntry.objects.filter(object_repr__icontains="lone").exists()
    assert all(ADDRESS not in record.getMessage() for record in caplog.records)
    # The admin's own delete page is the erasure's page.
    other = two_subscribers.other
    delete = client.get(reverse("admin:newsletter_subscriber_delete", args=[other.pk]))
    assert delete.status_code == 200 and "Det bliver gemt" in delete.content.decode()


def test_the_list_action_erases_after_asking(client, editor, two_subscribers):
    client.force_login(editor)
    url = reverse("admin:newsletter_subscriber_changelist")
    chosen = [two_subscribers.person.pk, two_subscribers.other.pk]
    asked = client.post(url, {"action": "erase_selected", "_selected_action": chosen})
    assert asked.status_code == 200 and "Det bliver slettet" in asked.content.decode()
    assert Subscriber.objects.count() == 2
    # Django's own "delete selected" is not offered: it would skip the list and the log.
    assert "delete_selected" not in client.get(url).content.decode()
    done = client.post(
        url, {"action": "erase_selected", "_selected_action": chosen, "bekraeft": "ja"}
    )
    assert done.status_code == 302 and not Subscriber.objects.exists()
    assert Suppression.objects.count() == 2
    assert PrivacyLogEntry.objects.filter(action="sletning").count() == 2


def test_only_staff_with_the_permission_export_or_erase(client, two_subscribers):
    person = two_subscribers.person
    export = reverse("admin:newsletter_subscriber_export", args=[person.pk])
    erase = reverse("admin:newsletter_subscriber_erase", args=[person.pk])
    # Anonymous: the admin's login.
    assert client.post(export).status_code == 302 and client.post(erase).status_code == 302
    reader = UserFactory(username="laeser")
    reader.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="newsletter", codename__in=["view_subscriber"]
        )
    )
    for user in (UserFactory(username="journalist", groups=["Journalist"]), reader):
        client.force_login(user)
        assert client.post(export).status_code == 403
        assert client.get(erase).status_code == 403
        assert client.post(erase, {"bekraeft": "ja"}).status_code == 403
    # The reader sees the subscriber, without the buttons.
    page = client.get(reverse("admin:newsletter_subscriber_change", args=[person.pk]))
    assert page.status_code == 200
    assert "Eksportér data" not in page.content.decode()
    assert "Slet persondata" not in page.content.decode()
    assert Subscriber.objects.filter(pk=person.pk).exists()
    assert not PrivacyLogEntry.objects.exists()
    # The export is a POST (it is logged): a GET does not export.
    client.force_login(UserFactory(username="chef", is_superuser=True))
    assert client.get(export).status_code == 405
    assert client.get(reverse("admin:newsletter_subscriber_export", args=["x"])).status_code == 404
    assert not PrivacyLogEntry.objects.exists()


# --- After an erasure ---------------------------------------------------------------------------


def test_a_request_queued_before_the_erasure_is_not_carried_out(
    client, committed, smtp_server, topics, editor, settings
):
    """The form answers at once and the worker makes the subscription later: a request that
    was waiting when the address was erased must not bring it back."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    person = Subscriber.objects.create(
        email=ADDRESS, state=State.CONFIRMED, confirmed_at=timezone.now()
    )
    with committed():
        client.post("/nyhedsbrev/", {"email": ADDRESS, "alt": "on"})
    queued = DBTaskResult.objects.get(task_path=handle_request.module_path)
    privacy.erase(person, editor)
    # The queue's copy of the address goes with the erasure.
    assert not DBTaskResult.objects.filter(pk=queued.pk).exists()
    # And a worker that had already taken it carries out nothing.
    args = queued.args_kwargs["args"]
    assert handle_request.call(*args) == ERASED
    assert not Subscriber.objects.exists() and not smtp_server.messages


def test_a_new_request_after_the_erasure_goes_through_the_double_opt_in(
    client, committed, smtp_server, topics, editor
):
    person = confirmed(client, committed, smtp_server, alt="on")
    privacy.erase(person, editor)
    mails_before = len(smtp_server.messages)
    sign_up(client, committed, sektioner=[topics.section.slug])
    back = Subscriber.objects.get(email=ADDRESS)
    assert back.state == State.PENDING and back.pk != person.pk
    assert len(smtp_server.messages) == mails_before + 1  # the confirmation mail
    assert Suppression.objects.exists()  # until they confirm
    client.post(confirm_link(smtp_server))
    back.refresh_from_db()
    assert back.state == State.CONFIRMED and back.consents.count() == 1
    assert not Suppression.objects.exists()  # their new consent replaces the erasure


def test_the_hash_follows_a_rotated_secret_key(settings):
    old = suppression.address_hash(ADDRESS)
    Suppression.objects.create(address_hash=old, erased_at=timezone.now())
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-secret-key-for-the-test-" + "x" * 30
    assert suppression.address_hash(ADDRESS) != old
    assert suppression.erased_at(ADDRESS) is not None
    settings.SECRET_KEY_FALLBACKS = []
    assert suppression.erased_at(ADDRESS) is None


def test_editors_write_a_new_consent_text_and_never_change_a_used_one(
    client, committed, smtp_server, editor, topics
):
    person = confirmed(client, committed, smtp_server, alt="on")
    used = person.consents.get().wording
    client.force_login(editor)
    listing = client.get(reverse("admin:newsletter_consenttext_changelist"))
    assert listing.status_code == 200 and f"Samtykketekst version {used.number}" in (
        listing.content.decode()
    )
    change = reverse("admin:newsletter_consenttext_change", args=[used.pk])
    page = client.get(change)
    assert page.status_code == 200 and 'name="text"' not in page.content.decode()  # read-only
    assert client.post(change, {"text": "Ændret"}).status_code == 403
    response = client.post(
        reverse("admin:newsletter_consenttext_add"), {"text": "Version fra redaktionen."}
    )
    assert response.status_code == 302
    assert consent.current_text() == consent.Wording(used.number + 1, "Version fra redaktionen.")
    assert ConsentText.objects.get(pk=used.pk).text == used.text
    # The log of exports and erasures is there to read, not to edit.
    privacy.export_json(person, editor)
    log = client.get(reverse("admin:newsletter_privacylogentry_changelist"))
    assert log.status_code == 200 and "Eksport" in log.content.decode()
    assert ADDRESS not in log.content.decode()
    entry = PrivacyLogEntry.objects.get()
    assert (
        client.get(reverse("admin:newsletter_privacylogentry_delete", args=[entry.pk])).status_code
        == 403
    )
