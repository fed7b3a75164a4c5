"""Corrections ("Rettelser", issue 22): journalists propose, only editors publish, through the
workflow; a published correction shows at once on its article, at /rettelser/ and its feed,
on the front page, in the article's JSON-LD, on its cards and in readers' lists; withdrawn, it
leaves a dated note."""

import json
import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.caching import store
from articles.models import ArticleEvent, EditorialMail
from corrections.models import Correction
from newsroom import workflow

from .factories import UserFactory
from .test_reading_list import add
from .test_workflow import own_draft

pytestmark = pytest.mark.django_db

RULING = "https://www.pressenaevnet.dk/kendelse/2026-123"


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def article(journalist, editor):
    article = own_draft(journalist, title="Huslejen stiger i Aarhus")
    workflow.publish(article, editor)
    store.forget_versions()
    return article


def corrections_url(article):
    return reverse("admin:articles_article_corrections", args=[article.pk])


def jsonld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_a_journalist_proposes_and_only_an_editor_publishes(article, journalist, editor):
    correction = workflow.propose_correction(
        article, journalist, "rettelse", "Huslejen stiger med 3 pct., ikke 5 pct."
    )
    assert correction.state == "proposed"
    with pytest.raises(workflow.TransitionRefused):
        workflow.publish_correction(correction, journalist)
    with pytest.raises(workflow.TransitionRefused):
        workflow.propose_correction(article, journalist, "rettelse", "Nej", publish=True)
    other = UserFactory(username="anden", groups=["Journalist"])
    with pytest.raises(workflow.TransitionRefused):
        workflow.propose_correction(article, other, "rettelse", "Ikke min artikel.")
    # Not shown while proposed.
    assert "3 pct., ikke 5 pct." not in Client().get(article.get_absolute_url()).content.decode()

    workflow.publish_correction(correction, editor)
    correction.refresh_from_db()
    assert correction.state == "published" and correction.published_by == editor
    assert list(
        ArticleEvent.objects.filter(article=article).values_list("action", flat=True)[:2]
    ) == ["correction_published", "correction_proposed"]
    assert Version.objects.get_for_object(correction).exists()


def test_a_published_correction_shows_everywhere_at_once(article, editor, committed):
    reader = Client()
    add(reader, article)  # on a reader's list before it was corrected
    urls = [article.get_absolute_url(), "/", "/rettelser/", "/rettelser/feed/", "/artikler/"]
    for url in urls:
        reader.get(url)
        assert reader.get(url)["X-Page-Cache"] == "hit", url

    with committed():
        workflow.propose_correction(
            article, editor, "rettelse", "Huslejen stiger med 3 pct., ikke 5 pct.", publish=True
        )

    page = reader.get(article.get_absolute_url()).content.decode()
    assert "Artiklen er rettet" in page and "3 pct., ikke 5 pct." in page
    data = jsonld(page)
    assert data["correction"][0]["@type"] == "CorrectionComment"
    assert "3 pct., ikke 5 pct." in data["correction"][0]["text"]
    assert data["dateModified"] >= data["correction"][0]["datePublished"][:19]
    stream = reader.get("/rettelser/").content.decode()
    assert "Huslejen stiger i Aarhus" in stream and "3 pct., ikke 5 pct." in stream
    feed = reader.get("/rettelser/feed/").content.decode()
    assert "Rettelse: Huslejen stiger i Aarhus" in feed
    front = reader.get("/").content.decode()
    assert 'class="front-corrections"' in front and "Huslejen stiger i Aarhus" in front
    assert "card__corrected" in reader.get("/artikler/").content.decode()
    assert "Rettet" in reader.get("/laeseliste/").content.decode()


def test_a_proposal_retires_nothing(article, journalist, committed):
    reader = Client()
    reader.get(article.get_absolute_url())
    with committed():
        workflow.propose_correction(article, journalist, "praecisering", "Et forslag.")
    assert reader.get(article.get_absolute_url())["X-Page-Cache"] == "hit"


def test_withdrawing_leaves_a_dated_note_with_its_reason(article, editor, committed):
    with committed():
        correction = workflow.propose_correction(
            article, editor, "opdatering", "Mødet er flyttet til torsdag.", publish=True
        )
    with pytest.raises(Exception, match="Skriv, hvorfor"):
        workflow.withdraw_correction(correction, editor, "  ")
    with committed():
        workflow.withdraw_correction(correction, editor, "Mødet blev alligevel holdt tirsdag.")
    page = Client().get(article.get_absolute_url()).content.decode()
    assert "Rettelsen er trukket tilbage" in page and "alligevel holdt tirsdag" in page
    assert "Mødet er flyttet til torsdag." not in page
    assert "correction" not in jsonld(page)  # a withdrawn correction corrects nothing
    assert Correction.objects.filter(pk=correction.pk).exists()


def test_a_withdrawn_proposal_was_never_shown(article, journalist, editor):
    correction = workflow.propose_correction(article, journalist, "rettelse", "Et forslag.")
    workflow.withdraw_correction(correction, editor, "Ikke en fejl.")
    assert not Correction.objects.shown().exists()
    assert "Ikke en fejl." not in Client().get("/rettelser/").content.decode()


def test_a_ruling_needs_its_link_and_stands_first(article, editor):
    with pytest.raises(Exception, match="link til kendelsen"):
        workflow.propose_correction(article, editor, "kendelse", "Nævnet kritiserer.")
    workflow.propose_correction(article, editor, "rettelse", "En lille rettelse.", publish=True)
    workflow.propose_correction(
        article, editor, "kendelse", "Pressenævnet kritiserer artiklen.", RULING, publish=True
    )
    page = Client().get(article.get_absolute_url()).content.decode()
    assert page.index("Pressenævnet kritiserer artiklen.") < page.index("En lille rettelse.")
    assert f'href="{RULING}"' in page and "Artiklen er rettet 2 gange" in page


def test_only_a_published_article_is_corrected_publicly(journalist, editor):
    draft = own_draft(journalist)
    with pytest.raises(workflow.TransitionRefused):
        workflow.propose_correction(draft, editor, "rettelse", "Tekst.", publish=True)


def test_the_writers_hear_of_a_published_correction_and_editors_of_a_proposal(
    article, journalist, editor, committed
):
    journalist.email, editor.email = "jette@example.org", "rikke@example.org"
    journalist.save()
    editor.save()
    EditorialMail.objects.all().delete()  # the publication's own
    with committed():
        correction = workflow.propose_correction(article, journalist, "rettelse", "Forkert tal.")
    assert [m.to for m in EditorialMail.objects.all()] == [["rikke@example.org"]]
    EditorialMail.objects.all().delete()
    with committed():
        workflow.publish_correction(correction, editor)
    (mail,) = EditorialMail.objects.all()
    assert mail.to == ["jette@example.org"] and mail.subject.startswith("Rettelse udgivet")


def test_the_front_page_lists_a_correction_for_a_few_days(article, editor):
    correction = workflow.propose_correction(
        article, editor, "rettelse", "Forkert tal.", publish=True
    )
    assert list(Correction.objects.for_front_page()) == [correction]
    Correction.objects.filter(pk=correction.pk).update(
        published_at=timezone.now() - timedelta(days=4)
    )
    assert not Correction.objects.for_front_page().exists()
    # /rettelser/ keeps it for good.
    assert "Forkert tal." in Client().get("/rettelser/").content.decode()


# --- The newsroom's page -------------------------------------------------------------------


def test_the_admin_page_takes_a_journalists_proposal_and_an_editors_publication(
    article, journalist, editor
):
    client = Client(enforce_csrf_checks=False)
    client.force_login(journalist)
    url = corrections_url(article)
    change_page = client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert url in change_page.content.decode()

    response = client.post(url, {"_add": "1", "kind": "kendelse", "text": "Kritik."})
    assert response.status_code == 200
    assert "link til kendelsen" in response.content.decode()
    assert "Kritik." in response.content.decode()  # what was typed is kept
    response = client.post(url, {"_add": "1", "kind": "rettelse", "text": "Forkert årstal."})
    assert response.status_code == 302
    correction = Correction.objects.get()
    assert correction.state == "proposed"
    # A journalist's POST of "publish" is refused by the workflow.
    response = client.post(url, {"_publish": "1", "correction": correction.pk})
    assert "Kun en redaktør" in response.content.decode()

    client.force_login(editor)
    assert "Forkert årstal." in client.get("/admin/").content.decode()  # on the desk
    assert client.post(url, {"_publish": "1", "correction": correction.pk}).status_code == 302
    assert Correction.objects.get().state == "published"


def test_the_admin_page_needs_csrf(article, editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.post(
        corrections_url(article), {"_add": "1", "kind": "rettelse", "text": "Uden token."}
    )
    assert response.status_code == 403
    assert not Correction.objects.exists()


def test_the_demo_has_corrections_of_each_kind(client):
    from django.core.management import call_command

    call_command("seed_demo", articles=30, images=1)
    kinds = set(Correction.objects.shown().values_list("kind", flat=True))
    assert kinds == set(Correction.Kind.values)
    assert Correction.objects.filter(state="withdrawn").exists()
    page = client.get("/rettelser/").content.decode()
    assert "Pressenævnets kendelse" in page and "Rettelsen er trukket tilbage" in page
    corrected = Correction.objects.filter(state="published").first().article
    assert "Artiklen er rettet" in client.get(corrected.get_absolute_url()).content.decode()
    call_command("seed_demo", articles=30, images=1)  # idempotent
    assert Correction.objects.count() == 6


def test_an_article_page_offers_the_right_of_reply(article):
    page = Client().get(article.get_absolute_url()).content.decode()
    assert "Bed om genmæle" in page
    assert f"/genmaele/?artikel={article.get_absolute_url()}" in page
