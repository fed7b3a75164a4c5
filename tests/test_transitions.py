"""The workflow as one state machine (issue 12): every transition for every role, as a table;
every admin URL and action shown to change an article's state only through the workflow."""

from datetime import timedelta

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.models import Article, ArticleEvent, PendingChange, StateChangeOutsideWorkflow
from newsroom import workflow
from newsroom.admin import STATUS_BUTTONS

from .factories import ArticleFactory, AuthorFactory, UserFactory
from .test_admin import article_post, list_action

pytestmark = pytest.mark.django_db

DRAFT, REVIEW, PUBLISHED = Article.Status.DRAFT, Article.Status.REVIEW, Article.Status.PUBLISHED
SOON = timedelta(days=2)

# name: (status to start from, the call, the status it leads to, who may: editor, the
# article's own journalist, another journalist)
TRANSITIONS = {
    "submit": (DRAFT, lambda a, u: workflow.submit_for_review(a, u, "Klar."), REVIEW, "EO-"),
    "withdraw": (REVIEW, lambda a, u: workflow.withdraw(a, u), DRAFT, "EO-"),
    "return": (REVIEW, lambda a, u: workflow.return_to_author(a, u, "Ret det."), DRAFT, "E--"),
    "publish": (REVIEW, lambda a, u: workflow.publish(a, u), PUBLISHED, "E--"),
    "schedule": (
        DRAFT,
        lambda a, u: workflow.publish(a, u, at=timezone.now() + SOON),
        PUBLISHED,
        "E--",
    ),
    "reschedule": (
        PUBLISHED,
        lambda a, u: workflow.set_publication_time(a, u, timezone.now() + SOON),
        PUBLISHED,
        "E--",
    ),
    "unpublish": (PUBLISHED, lambda a, u: workflow.unpublish(a, u), DRAFT, "E--"),
    "propose": (
        PUBLISHED,
        lambda a, u: workflow.propose_change(a, u, workflow.content_of(a, [])),
        PUBLISHED,
        "-O-",
    ),
}
EXPECTED_EVENT = {
    "submit": "submitted",
    "withdraw": "withdrawn",
    "return": "returned",
    "publish": "published",
    "schedule": "scheduled",
    "reschedule": "scheduled",
    "unpublish": "unpublished",
    "propose": "change_proposed",
}
ROLES = {"E": "editor", "O": "own journalist", "-": None}


@pytest.fixture
def people():
    journalist = UserFactory(username="jette", groups=["Journalist"])
    AuthorFactory(name="Jette Journalist", user=journalist)
    return {
        "editor": UserFactory(username="rikke", groups=["Redaktør"]),
        "own journalist": journalist,
        "other journalist": UserFactory(username="anden", groups=["Journalist"]),
    }


def article_in(status, journalist):
    return ArticleFactory(
        created_by=journalist,
        authors=[journalist.author_profile],
        with_image=True,
        status=status,
        published_at=timezone.now() - timedelta(hours=1) if status == PUBLISHED else None,
    )


@pytest.mark.parametrize("role", ["editor", "own journalist", "other journalist"])
@pytest.mark.parametrize("name", list(TRANSITIONS))
def test_every_transition_for_every_role(people, name, role):
    start, call, end, who = TRANSITIONS[name]
    allowed = role in {ROLES[letter] for letter in who}
    actor = people[role]
    article = article_in(start, people["own journalist"])
    versions_before = Version.objects.get_for_object(article).count()

    if not allowed:
        with pytest.raises(workflow.TransitionRefused):
            call(article, actor)
        fresh = Article.objects.get(pk=article.pk)
        assert fresh.status == start
        assert not ArticleEvent.objects.filter(article=article).exists()
        assert not PendingChange.objects.exists()
        return

    call(article, actor)
    fresh = Article.objects.get(pk=article.pk)
    assert fresh.status == end
    event = ArticleEvent.objects.get(article=article)
    assert (event.action, event.actor, event.from_status, event.to_status) == (
        EXPECTED_EVENT[name],
        actor,
        start,
        end,
    )
    if name != "propose":  # a proposal leaves the article itself as it was
        assert Version.objects.get_for_object(article).count() == versions_before + 1
        assert Version.objects.get_for_object(article)[0].revision.user == actor


@pytest.mark.parametrize("role", ["editor", "own journalist", "other journalist"])
def test_deciding_on_a_pending_change(people, role):
    article = article_in(PUBLISHED, people["own journalist"])
    change = workflow.propose_change(
        article, people["own journalist"], workflow.content_of(article, []) | {"title": "Ny"}
    )
    if role != "editor":
        for decide in (
            lambda: workflow.approve_change(change, people[role]),
            lambda: workflow.return_change(change, people[role], "Nej."),
        ):
            with pytest.raises(workflow.TransitionRefused):
                decide()
        assert PendingChange.objects.get().state == "pending"
        return
    workflow.return_change(change, people[role], "Kortere, tak.")
    assert PendingChange.objects.get().state == "returned"
    second = workflow.propose_change(
        article, people["own journalist"], workflow.content_of(article, []) | {"title": "Nyere"}
    )
    workflow.approve_change(second, people[role])
    assert PendingChange.objects.get(pk=second.pk).state == "approved"
    assert list(ArticleEvent.objects.filter(article=article).values_list("action", flat=True)) == [
        "change_approved",
        "change_proposed",
        "change_returned",
        "change_proposed",
    ]


def test_the_shell_cannot_change_state_around_the_workflow():
    article = ArticleFactory(draft=True)
    article.status = PUBLISHED
    with pytest.raises(StateChangeOutsideWorkflow):
        article.save()
    article = Article.objects.get(pk=article.pk)
    article.published_at = timezone.now()
    with pytest.raises(StateChangeOutsideWorkflow):
        article.save()
    assert Article.objects.get(pk=article.pk).status == DRAFT


def test_a_bulk_update_cannot_change_state_around_the_workflow():
    """``update()`` and ``bulk_update()`` send no signal: around the workflow they would
    publish or take down with no editor, no log and no retired page."""
    draft, published = ArticleFactory(draft=True), ArticleFactory()
    with pytest.raises(StateChangeOutsideWorkflow):
        Article.objects.filter(pk=draft.pk).update(status=PUBLISHED, published_at=timezone.now())
    with pytest.raises(StateChangeOutsideWorkflow):
        Article.objects.filter(pk=published.pk).update(published_at=None)
    published.status = DRAFT
    with pytest.raises(StateChangeOutsideWorkflow):
        Article.objects.bulk_update([published], ["status"])
    assert Article.objects.get(pk=draft.pk).status == DRAFT
    assert Article.objects.get(pk=published.pk).status == PUBLISHED
    # Nor the front page or the trash: where an article stands is an editor's logged choice.
    for field, value in [("front_page", "top"), ("front_page_order", 3), ("trashed_at", None)]:
        with pytest.raises(StateChangeOutsideWorkflow):
            Article.objects.filter(pk=published.pk).update(
                **{field: timezone.now() if field == "trashed_at" else value}
            )
    published = Article.objects.get(pk=published.pk)
    published.front_page = "top"
    with pytest.raises(StateChangeOutsideWorkflow):
        published.save()
    # Anything else may still be updated in bulk.
    assert Article.objects.filter(pk=draft.pk).update(title="Ny titel") == 1


# --- Every admin URL and action ---------------------------------------------------------------

ADMIN = admin.site._registry[Article]


def admin_requests(article, version, deleted_version):
    """Each of the article admin's URLs, by name, as a path for ``article``: a URL added
    later fails the test below until it is listed here."""
    pk = article.pk
    return {
        "articles_article_changelist": reverse("admin:articles_article_changelist"),
        "articles_article_add": reverse("admin:articles_article_add"),
        "articles_article_change": reverse("admin:articles_article_change", args=[pk]),
        "articles_article_delete": reverse("admin:articles_article_delete", args=[pk]),
        "articles_article_history": reverse("admin:articles_article_history", args=[pk]),
        "articles_article_revision": reverse(
            "admin:articles_article_revision", args=[pk, version.pk]
        ),
        "articles_article_recoverlist": reverse("admin:articles_article_recoverlist"),
        "articles_article_recover": reverse(
            "admin:articles_article_recover", args=[deleted_version.pk]
        ),
        "articles_article_preview": reverse("admin:articles_article_preview", args=[pk]),
        "articles_article_compare": reverse("admin:articles_article_compare", args=[pk]),
        "articles_article_review_change": reverse(
            "admin:articles_article_review_change", args=[pk]
        ),
        "articles_article_corrections": reverse("admin:articles_article_corrections", args=[pk]),
        "articles_article_quote_checks": reverse("admin:articles_article_quote_checks", args=[pk]),
        "articles_article_restore_from_trash": reverse(
            "admin:articles_article_restore_from_trash", args=[pk]
        ),
        "articles_article_autosave": reverse("admin:articles_article_autosave", args=[pk]),
        "articles_article_autosave_add": reverse("admin:articles_article_autosave_add"),
    }


@pytest.mark.parametrize("role", ["editor", "own journalist"])
def test_no_admin_url_or_action_changes_state_but_through_the_workflow(client, people, role):
    """Every URL and action of the article admin, sent every crafted state field and every
    status button: each state change that results must be one the workflow logged (a save
    around it would be refused by Article.save and answer 500)."""
    actor = people[role]
    client.force_login(actor)
    article = article_in(DRAFT, people["own journalist"])
    workflow.submit_for_review(article, people["own journalist"])
    version = Version.objects.get_for_object(article)[0]
    gone = article_in(PUBLISHED, people["own journalist"])
    gone_id = gone.pk
    with_versions = gone
    workflow.unpublish(with_versions, people["editor"])
    gone.delete()
    deleted_version = Version.objects.get_deleted(Article).get(object_id=str(gone_id))

    urls = admin_requests(article, version, deleted_version)
    named = {pattern.name for pattern in ADMIN.get_urls() if pattern.name}
    assert named == set(urls), "list every URL of the article admin in admin_requests()"

    crafted = {
        "status": "published",
        "front_page": "top",
        "published_at_0": "01.01.2020",
        "published_at_1": "12:00:00",
        "workflow_note": "Note.",
        "note": "Note.",
    }
    buttons = ["_save", "_approve", *STATUS_BUTTONS]

    fields = ("status", "published_at", "front_page", "front_page_order", "trashed_at")

    def state(pk):
        row = Article.objects.filter(pk=pk).values(*fields).first()
        return row and tuple(row[field] for field in fields)

    def check(before, label):
        for pk, was in before.items():
            now = state(pk)
            if now != was and now is not None:
                logged = ArticleEvent.objects.filter(article_id=pk, to_status=now[0])
                assert logged.exists(), f"{label} changed article {pk} without the workflow"
                ArticleEvent.objects.filter(article_id=pk).delete()  # each change its own

    for name, url in urls.items():
        for button in buttons:
            before = {pk: state(pk) for pk in (article.pk, gone_id)}
            data = article_post(article) | crafted | {button: "1"}
            response = client.post(url, data)
            assert response.status_code < 500, (name, button)
            check(before, f"POST {name} {button}")
        assert client.get(url).status_code < 500, name

    for action in ADMIN.get_actions(_request(actor)):
        before = {article.pk: state(article.pk)}
        response = client.post(
            urls["articles_article_changelist"],
            list_action(action, article),
        )
        assert response.status_code < 500, action
        check(before, f"action {action}")


def _request(user):
    from django.test import RequestFactory

    request = RequestFactory().get("/admin/")
    request.user = user
    return request
