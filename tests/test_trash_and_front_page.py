"""The trash ("Papirkurv") and the front page, both through the workflow (issue 21, item 5):
the admin's delete puts an article in the trash, from which it can be restored with its log
and versions; where an article stands on the front page is an editor's logged choice."""

import pytest
from django.db import connection, transaction
from django.urls import reverse
from reversion.models import Version

from articles.models import Article, ArticleEvent, PendingChange
from newsroom import workflow

from .concurrency import second_writer, until_another_waits_for_a_lock
from .factories import ArticleFactory, UserFactory
from .test_admin import article_post, delete_url, form_errors, list_action
from .test_workflow import own_draft

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/articles/article/"


def restore_url(article):
    return reverse("admin:articles_article_restore_from_trash", args=[article.pk])


def actions(article):
    return list(ArticleEvent.objects.filter(article=article).values_list("action", flat=True))


def published(editor, **kwargs):
    article = ArticleFactory(with_image=True, draft=True, **kwargs)
    workflow.publish(article, editor)
    return article


# --- The trash ------------------------------------------------------------------------------


def test_deleting_puts_a_draft_in_the_trash_and_it_comes_back_with_its_log(client, journalist):
    draft = own_draft(journalist, title="Kladde om varmepumper")
    workflow.submit_for_review(draft, journalist)
    workflow.withdraw(draft, journalist)
    versions = Version.objects.get_for_object(draft).count()
    client.force_login(journalist)

    page = client.get(delete_url(draft)).content.decode()
    assert "Læg »Kladde om varmepumper« i papirkurven?" in page
    assert client.post(delete_url(draft), {"post": "yes"}).status_code == 302

    trashed = Article.objects.get(pk=draft.pk)
    assert trashed.in_trash and trashed.status == Article.Status.DRAFT
    assert actions(draft)[0] == "trashed"
    assert Version.objects.get_for_object(draft).count() == versions + 1
    # Gone from the list and the desk, there under "Papirkurv".
    client.get(CHANGELIST)  # the message saying where it went
    assert "Kladde om varmepumper" not in client.get(CHANGELIST).content.decode()
    assert "Kladde om varmepumper" not in client.get("/admin/").content.decode()
    trash = client.get(CHANGELIST + "?status=papirkurv").content.decode()
    assert "Kladde om varmepumper" in trash and "I papirkurven" in trash

    # Read-only until restored: saving it changes nothing.
    data = article_post(trashed, title="Ændret i papirkurven", button="_save")
    client.post(reverse("admin:articles_article_change", args=[draft.pk]), data)
    assert Article.objects.get(pk=draft.pk).title == "Kladde om varmepumper"
    page = client.get(reverse("admin:articles_article_change", args=[draft.pk])).content.decode()
    assert "Artiklen ligger i papirkurven" in page and "Gendan fra papirkurven" in page

    assert client.post(restore_url(draft)).status_code == 302
    restored = Article.objects.get(pk=draft.pk)
    assert not restored.in_trash and restored.status == Article.Status.DRAFT
    assert actions(draft)[:2] == ["untrashed", "trashed"]
    assert "Kladde om varmepumper" in client.get(CHANGELIST).content.decode()


def test_an_editor_trashes_a_published_article_and_it_leaves_the_site_at_once(
    client, editor, committed
):
    article = published(editor, title="Udgivet og fjernet")
    workflow.place_on_front_page(article, editor, "top")
    assert client.get(article.get_absolute_url()).status_code == 200
    client.force_login(editor)

    with committed():
        assert client.post(delete_url(article), {"post": "yes"}).status_code == 302

    article.refresh_from_db()
    assert article.in_trash and article.status == Article.Status.DRAFT
    assert article.front_page == "" and article.front_page_order == 0
    client.logout()
    assert client.get(article.get_absolute_url()).status_code == 404
    assert "Udgivet og fjernet" not in client.get("/").content.decode()
    # Restored, it is a draft: only an editor's publish makes it public again.
    workflow.restore_from_trash(article, editor)
    assert article not in Article.objects.published()


def test_a_journalist_trashes_only_their_own_unpublished_articles(client, journalist, editor):
    mine = own_draft(journalist)
    someone_elses = ArticleFactory(draft=True)
    live = own_draft(journalist)
    workflow.publish(live, editor)
    client.force_login(journalist)

    assert client.post(delete_url(live), {"post": "yes"}).status_code == 403
    with pytest.raises(workflow.TransitionRefused):
        workflow.trash(live, journalist)
    with pytest.raises(workflow.TransitionRefused):
        workflow.trash(someone_elses, journalist)
    assert not Article.objects.filter(trashed_at__isnull=False).exists()

    # The bulk action takes what it may and says what it left.
    response = client.post(CHANGELIST, list_action("trash_selected", mine, live), follow=True)
    assert "1 artikel er lagt i papirkurven" in response.content.decode()
    assert Article.objects.get(pk=mine.pk).in_trash
    assert not Article.objects.get(pk=live.pk).in_trash


def test_the_list_offers_the_trash_instead_of_deleting_for_good(client, editor):
    article = ArticleFactory(draft=True)
    client.force_login(editor)
    page = client.get(CHANGELIST).content.decode()
    assert "Læg valgte i papirkurven" in page and "delete_selected" not in page
    client.post(CHANGELIST, list_action("delete_selected", article))
    assert Article.objects.filter(pk=article.pk).exists()

    client.post(CHANGELIST, list_action("trash_selected", article))
    assert Article.objects.get(pk=article.pk).in_trash
    # From the trash's own view, as its rows are only there.
    client.post(CHANGELIST + "?status=papirkurv", list_action("restore_selected", article))
    assert not Article.objects.get(pk=article.pk).in_trash


def test_a_trashed_article_cannot_be_published_or_changed_until_restored(editor, journalist):
    article = own_draft(journalist)
    workflow.trash(article, journalist)
    for step in (
        lambda: workflow.publish(article, editor),
        lambda: workflow.submit_for_review(article, journalist),
        lambda: workflow.place_on_front_page(article, editor, "pinned", 1),
        lambda: workflow.trash(article, editor),
    ):
        with pytest.raises(workflow.TransitionRefused):
            step()
    assert not workflow.may_edit(editor, article)
    other = UserFactory(username="anden", groups=["Journalist"])
    with pytest.raises(workflow.TransitionRefused):
        workflow.restore_from_trash(article, other)


def test_trashing_a_published_article_settles_its_pending_change(journalist, editor):
    article = own_draft(journalist)
    workflow.publish(article, editor)
    change = workflow.propose_change(
        article, journalist, workflow.content_of(article, []) | {"title": "Ny titel"}
    )
    workflow.trash(article, editor)
    change.refresh_from_db()
    assert change.state == PendingChange.State.RETURNED
    assert not workflow.may_propose(journalist, article)


# --- The front page -------------------------------------------------------------------------


def test_placing_on_the_front_page_is_an_editors_logged_choice(editor, journalist):
    first = published(editor, title="Første tophistorie")
    second = published(editor, title="Anden tophistorie")
    workflow.place_on_front_page(first, editor, "top")
    workflow.place_on_front_page(second, editor, "top")

    first.refresh_from_db()
    assert first.front_page == "" and Article.objects.get(front_page="top") == second
    (replaced,) = ArticleEvent.objects.filter(article=first, action="placed")[:1]
    assert "Afløst af »Anden tophistorie«" in replaced.note and replaced.actor == editor
    assert "Forsidens tophistorie" in ArticleEvent.objects.get(article=second, action="placed").note

    workflow.place_on_front_page(first, editor, "pinned", 2)
    first.refresh_from_db()
    assert (first.front_page, first.front_page_order) == ("pinned", 2)
    assert workflow.place_on_front_page(first, editor, "pinned", 2) is None  # nothing changed

    with pytest.raises(workflow.TransitionRefused):
        workflow.place_on_front_page(first, journalist, "top")
    with pytest.raises(workflow.TransitionRefused):
        workflow.place_on_front_page(ArticleFactory(draft=True), editor, "top")


def test_the_change_form_places_through_the_workflow_after_publishing(client, editor):
    draft = ArticleFactory(draft=True, with_image=True, title="Ny tophistorie")
    client.force_login(editor)
    data = article_post(draft, button="_publish", front_page="top")
    response = client.post(reverse("admin:articles_article_change", args=[draft.pk]), data)
    assert response.status_code == 302, form_errors(response)
    draft.refresh_from_db()
    assert draft.is_published and draft.front_page == "top"
    assert actions(draft)[:2] == ["placed", "published"]


def test_a_journalist_cannot_place_an_article_by_posting_the_field(client, journalist):
    draft = own_draft(journalist)
    client.force_login(journalist)
    data = article_post(draft, button="_save", front_page="pinned", front_page_order="1")
    response = client.post(reverse("admin:articles_article_change", args=[draft.pk]), data)
    assert response.status_code == 302, form_errors(response)
    draft.refresh_from_db()
    assert draft.front_page == "" and "placed" not in actions(draft)


# --- The form asks the workflow ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("button", "message"),
    [
        ("_return", "Du har ikke ret til at ændre artiklens status sådan."),
        ("_publish", "Du har ikke ret til at ændre artiklens status sådan."),
        ("_withdraw", "venter ikke på redigering"),
    ],
)
def test_the_form_refuses_with_the_workflows_own_words(client, journalist, button, message):
    draft = own_draft(journalist)
    client.force_login(journalist)
    data = article_post(draft, button=button, workflow_note="Note.")
    response = client.post(reverse("admin:articles_article_change", args=[draft.pk]), data)
    assert response.status_code == 200
    assert message in form_errors(response)
    assert Article.objects.get(pk=draft.pk).status == Article.Status.DRAFT
    with pytest.raises(workflow.TransitionRefused, match=message):
        workflow.check(journalist, draft, button.lstrip("_"), note="Note.")


def test_the_writers_hear_when_an_editor_trashes_their_article(journalist, editor, committed):
    from articles.models import EditorialMail

    journalist.email = "jette@example.org"
    journalist.save()
    article = own_draft(journalist, title="Papirkurvens artikel")
    with committed():
        workflow.trash(article, editor)
    (mail,) = EditorialMail.objects.all()
    assert mail.to == ["jette@example.org"]
    assert mail.subject.startswith("Lagt i papirkurven: »Papirkurvens artikel«")
    # Their own trashing tells no one.
    EditorialMail.objects.all().delete()
    workflow.restore_from_trash(article, journalist)
    workflow.trash(article, journalist)
    assert not EditorialMail.objects.exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="two editors at once need PostgreSQL's locks"
)
def test_two_editors_choosing_a_top_story_at_once_leave_one():
    """The second editor's choice waits for the first's, sees it and replaces it: never two
    top stories (each locking only the current top story would let both through)."""
    from articles.models import ContentVersion

    ContentVersion.objects.get_or_create(pk=1, defaults={"number": 1})
    editor = UserFactory(username="rikke", groups=["Redaktør"])
    first = ArticleFactory(with_image=True, title="Den ene")
    second = ArticleFactory(with_image=True, title="Den anden")

    def choose_the_other():
        workflow.place_on_front_page(Article.objects.get(pk=second.pk), editor, "top")

    with second_writer(choose_the_other) as go, transaction.atomic():
        workflow.place_on_front_page(first, editor, "top")
        go()
        until_another_waits_for_a_lock()  # the other editor, for this choice
    assert list(Article.objects.filter(front_page="top")) == [second]
