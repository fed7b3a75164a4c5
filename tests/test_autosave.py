"""The article change form saves itself (issue #21, item 1): the autosave address saves
content through the change form's own path, never a status or a publication, refuses what
the permission rules refuse, never overwrites what changed elsewhere, floods no history,
and costs readers nothing."""

import re
from datetime import timedelta

import pytest
from django.contrib.admin.models import LogEntry
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from reversion.models import Revision, Version

from articles.caching import store
from articles.models import Article, ArticleEvent, PendingChange, Tag
from newsroom import autosave, workflow

from . import test_cache_scope
from .factories import ArticleFactory, AuthorFactory, SectionFactory, UserFactory
from .test_admin import ADD_URL, article_post, change_url, form_errors, shown
from .test_cache_scope import content_number, still_hits

reader_pages = test_cache_scope.reader_pages  # the front page and an article's, stored

pytestmark = pytest.mark.django_db

ADD_AUTOSAVE_URL = reverse("admin:articles_article_autosave_add")


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600


def store_again(reader, urls):
    """The readers' pages stored again after what a test made first (a section, an article),
    as that commit would have them: each a hit from its second view."""
    store.forget_versions()
    for url in urls:
        reader.get(url)
        assert reader.get(url)["X-Page-Cache"] == "hit", url


def autosave_url(article):
    return reverse("admin:articles_article_autosave", args=[article.pk])


def own_draft(user, **kwargs):
    kwargs.setdefault("draft", True)
    return ArticleFactory(created_by=user, **kwargs)


def autosave_post(article, **fields):
    """The change form's fields as the page's autosave sends them: no button pressed."""
    return article_post(article, **fields)


def test_an_autosave_saves_the_content_and_answers_the_time(client, journalist):
    draft = own_draft(journalist, title="Første titel")
    client.force_login(journalist)
    before = timezone.localtime()
    response = client.post(
        autosave_url(draft),
        autosave_post(
            draft,
            title="Varmeregningen falder",
            lead="Ny manchet.",
            body="<p>Skrevet og gemt af sig selv.</p>",
            hero_caption="En billedtekst",
        ),
    )
    assert response.status_code == 200, response.content
    answer = response.json()
    assert re.fullmatch(r"\d{2}\.\d{2}", answer["saved_at"])
    after = timezone.localtime()
    assert answer["saved_at"] in {before.strftime("%H.%M"), after.strftime("%H.%M")}
    draft.refresh_from_db()
    assert (draft.title, draft.lead, draft.hero_caption) == (
        "Varmeregningen falder",
        "Ny manchet.",
        "En billedtekst",
    )
    assert draft.body == "<p>Skrevet og gemt af sig selv.</p>"
    # The new token is what the change form now holds: a manual save after it goes through.
    assert answer["shown"].partition(":")[0] == workflow.content_token(draft)
    response = client.post(
        change_url(draft), article_post(draft, shown=answer["shown"], lead="Gemt med Gem.")
    )
    assert response.status_code == 302, form_errors(response)
    draft.refresh_from_db()
    assert draft.lead == "Gemt med Gem."


def test_an_autosave_never_changes_the_status_nor_the_publication_time(client, editor):
    draft = ArticleFactory(draft=True, with_image=True, title="Klar til udgivelse")
    client.force_login(editor)
    events = ArticleEvent.objects.count()
    later = timezone.now() + timedelta(days=2)
    for button in ("_publish", "_submit_for_review", "_save", "_continue", "_saveasnew"):
        response = client.post(
            autosave_url(draft),
            autosave_post(draft, button=button, published_at=later, lead=f"Manchet {button}"),
        )
        assert response.status_code == 200, response.content
        draft.refresh_from_db()
        assert draft.status == Article.Status.DRAFT
        assert draft.published_at is None
        assert draft.lead == f"Manchet {button}"
    assert Article.objects.count() == 1  # "Gem som ny" made no copy
    assert ArticleEvent.objects.count() == events
    # Nor did it say anything to show on the next page ("… blev ændret").
    assert list(client.get(change_url(draft)).context["messages"]) == []


def test_an_article_in_review_autosaves_for_its_own_journalist(client, journalist):
    article = own_draft(journalist, draft=False, review=True)
    client.force_login(journalist)
    response = client.post(autosave_url(article), autosave_post(article, lead="Rettet manchet"))
    assert response.status_code == 200, response.content
    article.refresh_from_db()
    assert (article.status, article.lead) == (Article.Status.REVIEW, "Rettet manchet")


def test_other_peoples_articles_are_refused_as_the_change_form_refuses_them(client, journalist):
    colleague = UserFactory(username="kollega", groups=["Journalist"])
    theirs = own_draft(colleague, title="Kollegaens kladde")
    client.force_login(journalist)
    assert client.post(change_url(theirs), article_post(theirs)).status_code == 403
    response = client.post(autosave_url(theirs), autosave_post(theirs, title="Overskrevet"))
    assert response.status_code == 403
    assert "ikke ret" in response.json()["message"]
    theirs.refresh_from_db()
    assert theirs.title == "Kollegaens kladde"


def test_a_user_without_the_admin_is_sent_to_log_in(client):
    draft = ArticleFactory(draft=True, title="Urørt")
    response = client.post(autosave_url(draft), autosave_post(draft, title="Anonym"))
    assert response.status_code == 302 and "/admin/login/" in response.url
    reader = UserFactory(username="laeser", is_staff=False)
    client.force_login(reader)
    response = client.post(autosave_url(draft), autosave_post(draft, title="Læser"))
    assert response.status_code == 302 and "/admin/login/" in response.url
    staff_without_a_role = UserFactory(username="uden-rolle")
    client.force_login(staff_without_a_role)
    response = client.post(autosave_url(draft), autosave_post(draft, title="Uden rolle"))
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.title == "Urørt"


def test_an_autosave_needs_the_csrf_token(journalist):
    draft = own_draft(journalist, title="Urørt")
    client = Client(enforce_csrf_checks=True)
    client.force_login(journalist)
    response = client.post(autosave_url(draft), autosave_post(draft, title="Uden token"))
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.title == "Urørt"
    # With the token the change form carries, it goes through.
    page = client.get(change_url(draft))
    token = page.context["csrf_token"]
    response = client.post(
        autosave_url(draft),
        autosave_post(draft, title="Med token", csrfmiddlewaretoken=token),
    )
    assert response.status_code == 200, response.content
    assert client.get(autosave_url(draft)).status_code == 405


def test_a_stale_token_is_refused_and_nothing_is_overwritten(client, journalist, editor):
    draft = own_draft(journalist, title="Kladde", lead="Skrevet af skribenten.")
    page_shown = shown(draft)  # what the journalist's page showed
    # Meanwhile an editor saves the article in another browser.
    other = Client()
    other.force_login(editor)
    response = other.post(change_url(draft), article_post(draft, lead="Rettet af redaktøren."))
    assert response.status_code == 302, form_errors(response)

    client.force_login(journalist)
    response = client.post(
        autosave_url(draft),
        autosave_post(draft, shown=page_shown, lead="Skribentens nye manchet."),
    )
    assert response.status_code == 409
    assert "ændret et andet sted" in response.json()["message"]
    draft.refresh_from_db()
    assert draft.lead == "Rettet af redaktøren."


def test_invalid_input_answers_the_errors_in_danish_and_saves_nothing(client, journalist):
    draft = own_draft(journalist, title="Kladden", lead="Manchetten")
    client.force_login(journalist)
    response = client.post(
        autosave_url(draft), autosave_post(draft, title="", lead="Ny manchet") | {"section": 999999}
    )
    assert response.status_code == 400
    answer = response.json()
    assert answer["errors"]["title"] == ["Dette felt er påkrævet."]
    assert answer["errors"]["section"]
    assert "Titel: Dette felt er påkrævet." in answer["message"]
    draft.refresh_from_db()
    assert (draft.title, draft.lead) == ("Kladden", "Manchetten")


def test_an_editors_published_article_is_not_autosaved(client, editor, reader_pages, committed):
    reader, urls, public = reader_pages
    page_before = reader.get(public.get_absolute_url()).content
    client.force_login(editor)
    with committed():
        response = client.post(autosave_url(public), autosave_post(public, title="Live nu?"))
    assert response.status_code == 409
    answer = response.json()
    assert (answer["mode"], answer["message"]) == ("local", "Ikke gemt endnu – gem for at udgive")
    public.refresh_from_db()
    assert public.title == "Læsernes artikel"
    assert still_hits(reader, urls) == []
    assert reader.get(public.get_absolute_url()).content == page_before
    # The change form says so before anything is sent.
    assert client.get(change_url(public)).context["autosave"]["mode"] == "local"


def test_a_journalists_published_article_autosaves_only_the_change_waiting_for_approval(
    client, journalist, editor, reader_pages, committed
):
    reader, urls, _ = reader_pages
    mine = ArticleFactory(created_by=journalist, title="Min udgivne", with_image=True)
    urls = [*urls, mine.get_absolute_url()]
    store_again(reader, urls)
    page_before = reader.get(mine.get_absolute_url()).content
    client.force_login(journalist)

    # No change sent yet: typing sends nothing to the editors.
    response = client.post(autosave_url(mine), autosave_post(mine, lead="Et første udkast"))
    assert response.status_code == 409
    assert response.json()["mode"] == "local"
    assert not PendingChange.objects.exists()

    # Sent for approval with the button; then the journalist goes on writing.
    response = client.post(change_url(mine), article_post(mine, lead="Sendt til godkendelse"))
    assert response.status_code == 302, form_errors(response)
    change = PendingChange.objects.get()
    page = client.get(change_url(mine))
    assert page.context["autosave"]["mode"] == "propose"
    token = page.context["autosave"]["proposal"]
    events, mails = ArticleEvent.objects.count(), len(_mails())
    before = content_number()
    with committed():
        response = client.post(
            autosave_url(mine), autosave_post(mine, shown=token, lead="Skrevet videre på")
        )
    assert response.status_code == 200, response.content
    change.refresh_from_db()
    assert change.content["lead"] == "Skrevet videre på"
    assert change.state == PendingChange.State.PENDING
    assert response.json()["shown"] == workflow.proposal_token(change)
    # The live article, its page and every cached page are untouched; nobody is told again.
    mine.refresh_from_db()
    assert mine.lead != "Skrevet videre på"
    assert content_number() == before
    assert still_hits(reader, urls) == []
    assert reader.get(mine.get_absolute_url()).content == page_before
    assert (ArticleEvent.objects.count(), len(_mails())) == (events, mails)

    # A second tab's page, which saved the change as it was before, is refused.
    response = client.post(autosave_url(mine), autosave_post(mine, shown=token, lead="Fra tab 2"))
    assert response.status_code == 409
    change.refresh_from_db()
    assert change.content["lead"] == "Skrevet videre på"

    # Once an editor has sent it back, the journalist's next autosave saves nothing.
    workflow.return_change(change, editor, "Ikke endnu.")
    token = workflow.proposal_token(change)
    response = client.post(autosave_url(mine), autosave_post(mine, shown=token, lead="Efter"))
    assert response.status_code == 409
    assert PendingChange.objects.filter(state=PendingChange.State.PENDING).count() == 0


def _mails():
    from articles.models import EditorialMail

    return list(EditorialMail.objects.all())


def test_autosaves_do_not_flood_the_history(client, journalist):
    draft = own_draft(journalist, title="Kladde")
    client.force_login(journalist)
    response = client.post(change_url(draft), article_post(draft, lead="Gemt med Gem"))
    assert response.status_code == 302, form_errors(response)
    assert Version.objects.get_for_object(draft).count() == 1
    logged = LogEntry.objects.count()
    token = shown(draft)
    for number in range(20):
        response = client.post(
            autosave_url(draft), autosave_post(draft, shown=token, body=f"<p>Udkast {number}</p>")
        )
        assert response.status_code == 200, response.content
        token = response.json()["shown"]
    # The latest version is only minutes old: none of the twenty made another, nor a log line.
    assert Version.objects.get_for_object(draft).count() == 1
    assert LogEntry.objects.count() == logged

    # Ten minutes on, the next autosave keeps one version, saying what it was.
    Revision.objects.update(date_created=timezone.now() - autosave.VERSION_EVERY)
    for number in range(3):
        response = client.post(
            autosave_url(draft), autosave_post(draft, shown=token, body=f"<p>Senere {number}</p>")
        )
        assert response.status_code == 200, response.content
        token = response.json()["shown"]
    versions = Version.objects.get_for_object(draft).select_related("revision")
    assert versions.count() == 2
    newest = versions.first()
    assert newest.revision.comment == "Gemt automatisk"
    assert newest.revision.user == journalist
    assert newest.field_dict["body"] == "<p>Senere 0</p>"
    # Its id is in the token, so a conflict later is shown from it.
    assert token.endswith(f":{newest.pk}")


def test_a_hundred_autosaves_of_a_draft_keep_readers_pages_cached(
    reader_pages, client, committed, journalist
):
    reader, urls, _ = reader_pages
    draft = own_draft(journalist, title="Kladde", section=SectionFactory(name="Nyheder"))
    draft.tags.add("Et emne kun kladden har")
    store_again(reader, urls)
    before = content_number()
    client.force_login(journalist)
    token = shown(draft)
    for number in range(100):
        with committed():
            response = client.post(
                autosave_url(draft),
                autosave_post(draft, shown=token, body=f"<p>Udkast nummer {number}.</p>"),
            )
        assert response.status_code == 200, response.content
        token = response.json()["shown"]
    draft.refresh_from_db()
    assert draft.body == "<p>Udkast nummer 99.</p>"
    assert content_number() == before
    assert still_hits(reader, urls) == []


def test_rows_an_autosave_adds_get_their_ids_and_are_not_added_twice(client, journalist):
    draft = own_draft(journalist)
    tag = Tag.objects.create(name="Fjernvarme")
    client.force_login(journalist)
    data = autosave_post(draft)
    data.update(
        {
            "tagged_items-TOTAL_FORMS": "1",
            "tagged_items-0-tag": tag.pk,
            "bylines-TOTAL_FORMS": "2",
            "bylines-1-author": AuthorFactory(name="Ny Medskribent").pk,
            "bylines-1-position": "1",
        }
    )
    response = client.post(autosave_url(draft), data)
    assert response.status_code == 200, response.content
    rows = response.json()["inlines"]
    tagged = draft.tagged_items.get()
    assert rows["tagged_items"]["ids"] == {"0": tagged.pk}
    assert set(rows["bylines"]["ids"]) == {"0", "1"}
    # The page puts the ids in and counts the rows as saved (static/js/admin-autosave.js).
    data.update(
        {
            "shown": response.json()["shown"],
            "tagged_items-INITIAL_FORMS": "1",
            "tagged_items-0-id": tagged.pk,
            "bylines-INITIAL_FORMS": "2",
            "bylines-1-id": rows["bylines"]["ids"]["1"],
        }
    )
    response = client.post(autosave_url(draft), data)
    assert response.status_code == 200, response.content
    assert draft.tagged_items.count() == 1
    assert draft.bylines.count() == 2


def test_a_new_article_is_created_as_a_draft_by_its_first_autosave(client, journalist):
    client.force_login(journalist)
    page = client.get(ADD_URL)
    assert page.context["autosave"]["mode"] == "create"
    assert page.context["autosave"]["url"] == ADD_AUTOSAVE_URL
    # Not yet: without a title nothing is made.
    response = client.post(ADD_AUTOSAVE_URL, article_post(title=""))
    assert response.status_code == 400
    assert not Article.objects.exists()
    response = client.post(ADD_AUTOSAVE_URL, article_post(title="Ny artikel om varme"))
    assert response.status_code == 200, response.content
    article = Article.objects.get()
    assert (article.status, article.created_by, article.published_at) == (
        Article.Status.DRAFT,
        journalist,
        None,
    )
    answer = response.json()
    assert answer["change_url"] == change_url(article)
    assert answer["url"] == autosave_url(article)
    assert answer["key"] == f"almene-autosave:{journalist.pk}:{article.pk}"
    assert article.events.get().action == ArticleEvent.Action.CREATED
    assert Version.objects.get_for_object(article).count() == 1


def test_the_form_says_how_it_saves_itself(client, journalist, editor):
    draft = own_draft(journalist)
    client.force_login(journalist)
    response = client.post(change_url(draft), article_post(draft, lead="Med en version"))
    assert response.status_code == 302, form_errors(response)
    page = client.get(change_url(draft))
    assert page.context["autosave"]["mode"] == "save"
    html = page.content.decode()
    assert 'id="autosave-status" role="status"' in html
    assert "js/admin-autosave.js" in html
    # An old version being restored does not save itself: "Gem" restores it.
    version = Version.objects.get_for_object(draft).get()
    page = client.get(reverse("admin:articles_article_revision", args=[draft.pk, version.pk]))
    assert page.status_code == 200
    assert "admin-autosave.js" not in page.content.decode()
    # Nor does an article the user may only read.
    client.force_login(UserFactory(username="kollega", groups=["Journalist"]))
    page = client.get(change_url(draft))
    assert page.status_code == 200
    assert page.context["autosave"] is None
    assert "admin-autosave.js" not in page.content.decode()
