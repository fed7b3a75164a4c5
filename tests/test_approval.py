"""An editor's approval publishes exactly what that editor was shown (issue 19, promise 1).

Every control that makes text public carries the token of the content its page showed; when
a journalist's change lands after the editor's page was rendered, nothing is published from
that page, and the editor is shown the new difference. The pages are driven as a browser
would: each form is posted back as the page rendered it (tests/html_forms.py)."""

import re
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.models import Article, ArticleEvent, PendingChange
from newsroom import workflow
from newsroom.versions import word_diff

from .factories import ArticleFactory, AuthorFactory, GoalFactory, UserFactory, image_file
from .html_forms import form_data
from .test_admin import change_url, form_errors

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:articles_article_changelist")
UNSEEN = "Skribentens usete tekst"


@pytest.fixture
def journalist():
    user = UserFactory(username="j1", first_name="Jonas", groups=["Journalist"])
    AuthorFactory(name="Jonas Journalist", user=user)
    return user


@pytest.fixture
def editor():
    return UserFactory(username="ed", first_name="Eva", groups=["Redaktør"])


def as_user(client, user):
    client.force_login(user)
    return client


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def own_article(journalist, **kwargs):
    return ArticleFactory(
        created_by=journalist, authors=[journalist.author_profile], with_image=True, **kwargs
    )


def journalist_saves(client, journalist, article, **fields):
    """The journalist saves their article from its change form: for a published article,
    a change proposed for approval; otherwise an edit of the article itself."""
    form = form_data(page(as_user(client, journalist), change_url(article)), form_id="article_form")
    form.update(
        {name: value if isinstance(value, list) else [value] for name, value in fields.items()}
    )
    form["_save"] = ["1"]
    response = client.post(change_url(article), form)
    assert response.status_code == 302, form_errors(response)


def public_text(client, article) -> str:
    client.logout()
    response = client.get(reverse("articles:detail", kwargs={"slug": article.slug}))
    return response.content.decode() if response.status_code == 200 else ""


def review_url(article):
    return reverse("admin:articles_article_review_change", args=[article.pk])


def revision_url(article, version):
    return reverse("admin:articles_article_revision", args=[article.pk, version.pk])


# --- Finding 1: a journalist's restore of their published article ------------------------------


@pytest.mark.parametrize(
    ("old", "new", "shown"),
    [
        (
            "Huslejen stiger i år",
            "Huslejen falder i år",
            "Huslejen <del>stiger</del> <ins>falder</ins> i år",
        ),
        ("Huslejen stiger", "Huslejen stiger nu", "Huslejen stiger<ins> nu</ins>"),
        ("a <b> & c", "a <i> & c", "a <del>&lt;b&gt;</del> <ins>&lt;i&gt;</ins> &amp; c"),
    ],
)
def test_the_word_diff_sets_a_replaced_word_apart_and_escapes_everything(old, new, shown):
    assert word_diff(old, new) == shown


def test_a_journalist_restoring_an_old_version_of_their_published_article_only_proposes_it(
    client, journalist, editor
):
    article = own_article(journalist, draft=True, body="<p>Skribentens første udkast.</p>")
    workflow.submit_for_review(article, journalist)  # version 1: the journalist's text
    first_version = Version.objects.get_for_object(article).get()

    # The editor rewrites the body and publishes it from the change form.
    form = form_data(page(as_user(client, editor), change_url(article)), form_id="article_form")
    form["body"] = ["<p>Redaktørens godkendte tekst.</p>"]
    form["_publish"] = ["1"]
    assert client.post(change_url(article), form).status_code == 302
    assert "Redaktørens godkendte tekst" in public_text(client, article)

    # The journalist opens the old version and posts its form back unchanged.
    restore_page = page(as_user(client, journalist), revision_url(article, first_version))
    assert "Skribentens første udkast" in restore_page
    assert "Send ændringer til godkendelse" in restore_page  # not "Gem"
    form = form_data(restore_page, form_id="article_form")
    form["_save"] = ["1"]
    response = client.post(revision_url(article, first_version), form)
    assert response.status_code == 302, form_errors(response)

    live = Article.objects.get(pk=article.pk)
    assert live.body == "<p>Redaktørens godkendte tekst.</p>" and live.is_published
    text = public_text(client, article)
    assert "Redaktørens godkendte tekst" in text and "Skribentens første udkast" not in text
    proposal = PendingChange.objects.get(article=article, state=PendingChange.State.PENDING)
    assert "Skribentens første udkast" in proposal.content["body"]
    actions = list(article.events.filter(actor=journalist).values_list("action", flat=True))
    assert ArticleEvent.Action.RESTORED not in actions
    assert actions[0] == ArticleEvent.Action.CHANGE_PROPOSED


def test_the_workflow_refuses_a_journalists_restore_of_a_published_article(journalist, editor):
    article = own_article(journalist, body="<p>Udgivet.</p>")
    workflow.set_publication_time(article, editor, article.published_at - timedelta(minutes=1))
    version = Version.objects.get_for_object(article).first()
    with pytest.raises(workflow.TransitionRefused):
        workflow.restore_version(version, journalist)
    assert Article.objects.get(pk=article.pk).body == "<p>Udgivet.</p>"


# --- Finding 2: approving a pending change that moved on -------------------------------------


def test_approval_publishes_only_the_change_the_editor_was_shown(client, journalist, editor):
    article = own_article(journalist, title="Den udgivne rubrik")
    journalist_saves(client, journalist, article, title="Ændring A")
    review = page(as_user(client, editor), review_url(article))
    assert "Ændring A" in review
    approve = form_data(review, form_class="review-change__form--approve")

    journalist_saves(client, journalist, article, title=UNSEEN)
    response = as_user(client, editor).post(review_url(article), approve | {"_approve": ["1"]})

    assert response.status_code == 200
    answer = response.content.decode()
    assert "er ændret, siden du åbnede dem" in answer and UNSEEN in answer  # the new difference
    live = Article.objects.get(pk=article.pk)
    assert live.title == "Den udgivne rubrik"
    assert UNSEEN not in public_text(client, article)
    assert PendingChange.objects.get(article=article).state == PendingChange.State.PENDING

    # Having seen it, the editor approves what the page now shows.
    again = form_data(answer, form_class="review-change__form--approve")
    response = as_user(client, editor).post(review_url(article), again | {"_approve": ["1"]})
    assert response.status_code == 302
    assert Article.objects.get(pk=article.pk).title == UNSEEN


def test_approval_is_refused_when_the_live_article_moved_on(client, journalist, editor):
    article = own_article(journalist, title="Den udgivne rubrik", lead="Gammel manchet.")
    journalist_saves(client, journalist, article, title="Ændring A")
    approve = form_data(
        page(as_user(client, editor), review_url(article)),
        form_class="review-change__form--approve",
    )
    other_editor = UserFactory(groups=["Redaktør"])
    form = form_data(
        page(as_user(client, other_editor), change_url(article)), form_id="article_form"
    )
    form["lead"] = ["En anden redaktørs manchet."]
    form["_save"] = ["1"]
    assert client.post(change_url(article), form).status_code == 302

    response = as_user(client, editor).post(review_url(article), approve | {"_approve": ["1"]})
    assert response.status_code == 200
    assert Article.objects.get(pk=article.pk).title == "Den udgivne rubrik"


# --- Finding 3: bulk publish of an article changed after the list was shown -------------------


def test_bulk_publish_leaves_an_article_changed_since_the_list_was_shown(
    client, journalist, editor
):
    changed = own_article(journalist, review=True, title="Til redigering")
    untouched = own_article(journalist, review=True, title="Uændret til redigering")
    listing = page(as_user(client, editor), CHANGELIST)
    action = form_data(listing, form_id="changelist-form")

    journalist_saves(client, journalist, changed, body=f"<p>{UNSEEN}</p>")  # allowed in review
    action.update(
        action=["publish_selected"], _selected_action=[str(changed.pk), str(untouched.pk)]
    )
    response = as_user(client, editor).post(CHANGELIST, action, follow=True)

    assert not Article.objects.get(pk=changed.pk).is_published
    assert Article.objects.get(pk=untouched.pk).is_published
    messages = [str(message) for message in response.context["messages"]]
    assert any(
        "Til redigering" in text and "ændret, siden du åbnede den" in text for text in messages
    )
    assert any(change_url(changed) in text for text in messages)  # the article to read again
    assert UNSEEN not in public_text(client, changed)


def test_bulk_publish_of_rows_the_list_never_showed_publishes_nothing(client, editor):
    article = ArticleFactory(review=True, with_image=True)
    data = {"action": "publish_selected", "_selected_action": [article.pk]}  # no token
    as_user(client, editor).post(CHANGELIST, data)
    assert not Article.objects.get(pk=article.pk).is_published


# --- Finding 4: the review shows every change a reader would see -------------------------------


def review_of(client, journalist, editor, article, **fields) -> str:
    journalist_saves(client, journalist, article, **fields)
    return page(as_user(client, editor), review_url(article))


def test_a_changed_link_target_is_shown(client, journalist, editor):
    article = own_article(
        journalist, body='<p>Læs <a href="https://bl.dk/vejledning">vejledningen</a>.</p>'
    )
    review = review_of(
        client,
        journalist,
        editor,
        article,
        body='<p>Læs <a href="https://evil.example/phish">vejledningen</a>.</p>',
    )
    assert "de samme som den udgivne artikel" not in review
    assert "Links i brødteksten" in review
    assert "<ins>https://evil.example/phish</ins>" in review
    assert "<del>https://bl.dk/vejledning</del>" in review


def test_a_new_picture_is_shown_as_both_pictures(client, journalist, editor):
    article = own_article(journalist)
    old_url = article.hero_image.url
    as_user(client, journalist)
    form = form_data(page(client, change_url(article)), form_id="article_form")
    form["_save"] = ["1"]
    form["hero_image"] = SimpleUploadedFile(
        "nyt.jpg", image_file(colour=(200, 40, 40)).read(), content_type="image/jpeg"
    )
    form["hero_alt"] = ["En ny beskrivelse"]
    form["hero_caption"] = ["Ny billedtekst"]
    form["hero_credit"] = ["Ny Fotograf"]
    assert client.post(change_url(article), form).status_code == 302
    new_name = PendingChange.objects.get(article=article).content["hero_image"]

    review = page(as_user(client, editor), review_url(article))
    assert f'src="{old_url}"' in review
    assert re.search(rf'<img src="[^"]*{re.escape(new_name)}"', review)
    for label in ("Alternativ tekst", "Billedtekst", "Fotograf"):
        assert f">{label}<" in review
    assert "<ins>Ny Fotograf</ins>" in review or "<ins>Ny</ins>" in review


def test_section_and_goals_are_shown_by_name(client, journalist, editor):
    article = own_article(journalist)
    goal = GoalFactory(title="Flere grønne boliger")
    other_section = article.section.__class__.objects.create(name="Alment Inside", slug="inside")
    review = review_of(
        client, journalist, editor, article, goals=[str(goal.pk)], section=str(other_section.pk)
    )
    assert "Almene mål" in review and "<ins>Flere grønne boliger</ins>" in review
    assert '<th scope="row">Sektion</th>' in review and "<ins>Alment</ins>" in review


def test_the_body_is_shown_rendered_side_by_side(client, journalist, editor):
    article = own_article(journalist, body="<h2>Før</h2><p>Den gamle tekst.</p>")
    review = review_of(
        client, journalist, editor, article, body="<h2>Efter</h2><p>Den nye tekst.</p>"
    )
    assert '<div class="version-diff__rendered"><h2>Før</h2><p>Den gamle tekst.</p></div>' in review
    assert '<div class="version-diff__rendered"><h2>Efter</h2><p>Den nye tekst.</p></div>' in review


def test_a_change_the_review_calls_the_same_cannot_be_approved(client, journalist, editor):
    article = own_article(journalist)
    review = review_of(client, journalist, editor, article)  # saved without a change
    assert "de samme som den udgivne artikel" in review
    assert "_approve" not in review
    response = client.post(review_url(article), {"_approve": "1", "shown": ""})
    assert response.status_code == 200
    assert PendingChange.objects.get(article=article).state == PendingChange.State.PENDING


def test_only_markup_that_changed_is_still_shown():
    from newsroom.versions import compare

    before = {"body": "<p>Tekst</p>"}
    after = {"body": "<p><strong>Tekst</strong></p>"}
    changes = compare(before, after)
    assert [change.label for change in changes] == ["Opmærkning i brødteksten"]


# --- The property: no path publishes what the editor was not shown ---------------------------


def prepare(client, journalist, editor, path):
    """The editor's page for ``path``, rendered before the journalist changes anything;
    returns the function that makes the editor's move from that page."""
    if path in ("change form", "schedule"):
        article = own_article(journalist, review=True)
        form = form_data(page(as_user(client, editor), change_url(article)), form_id="article_form")
        form["_publish"] = ["1"]
        if path == "schedule":
            later = timezone.localtime(timezone.now() + timedelta(days=1))
            form["published_at_0"] = [later.strftime("%d.%m.%Y")]
            form["published_at_1"] = [later.strftime("%H:%M:%S")]

        def journalists_change():
            journalist_saves(client, journalist, article, body=f"<p>{UNSEEN}</p>")

        return article, journalists_change, lambda: client.post(change_url(article), form)

    if path == "review page":
        article = own_article(journalist)
        journalist_saves(client, journalist, article, title="Foreslået rubrik")
        review = page(as_user(client, editor), review_url(article))
        approve = form_data(review, form_class="review-change__form--approve")

        def journalists_change():
            journalist_saves(client, journalist, article, body=f"<p>{UNSEEN}</p>")

        return (
            article,
            journalists_change,
            lambda: client.post(review_url(article), approve | {"_approve": ["1"]}),
        )

    if path == "bulk action":
        article = own_article(journalist, review=True)
        action = form_data(page(as_user(client, editor), CHANGELIST), form_id="changelist-form")
        action.update(action=["publish_selected"], _selected_action=[str(article.pk)])

        def journalists_change():
            journalist_saves(client, journalist, article, body=f"<p>{UNSEEN}</p>")

        return article, journalists_change, lambda: client.post(CHANGELIST, action)

    if path == "history restore":
        article = own_article(journalist, review=True, body="<p>Første udgave.</p>")
        workflow.withdraw(article, journalist)
        version = Version.objects.get_for_object(article).first()
        form = form_data(
            page(as_user(client, editor), revision_url(article, version)), form_id="article_form"
        )
        form["_publish"] = ["1"]

        def journalists_change():
            workflow.submit_for_review(Article.objects.get(pk=article.pk), journalist)
            journalist_saves(client, journalist, article, body=f"<p>{UNSEEN}</p>")

        return (
            article,
            journalists_change,
            lambda: client.post(revision_url(article, version), form),
        )

    if path == "recover":
        article = own_article(journalist, review=True, body="<p>Slettet udgave.</p>")
        workflow.withdraw(article, journalist)
        version = Version.objects.get_for_object(article).first()
        Article.objects.get(pk=article.pk).delete()
        url = reverse("admin:articles_article_recover", args=[version.pk])
        form = form_data(page(as_user(client, editor), url), form_id="article_form")
        form["_publish"] = ["1"]

        def journalists_change():
            # The journalist recovers it first, and goes on writing in it.
            journalist_form = form_data(
                page(as_user(client, journalist), url), form_id="article_form"
            )
            journalist_form["_save"] = ["1"]
            assert client.post(url, journalist_form).status_code == 302
            journalist_saves(client, journalist, article, body=f"<p>{UNSEEN}</p>")

        return article, journalists_change, lambda: as_user(client, editor).post(url, form)

    assert path == "shell"
    article = own_article(journalist, review=True)
    held = Article.objects.get(pk=article.pk)

    def journalists_change():
        journalist_saves(client, journalist, article, body=f"<p>{UNSEEN}</p>")

    def publish_from_the_shell():
        with pytest.raises(workflow.ContentMovedOn):
            workflow.publish(held, editor)

    return article, journalists_change, publish_from_the_shell


@pytest.mark.parametrize(
    "path",
    [
        "change form",
        "schedule",
        "review page",
        "bulk action",
        "history restore",
        "recover",
        "shell",
    ],
)
def test_a_journalists_change_after_the_editors_page_never_goes_live_from_it(
    client, journalist, editor, path
):
    article, journalists_change, editors_move = prepare(client, journalist, editor, path)
    journalists_change()
    as_user(client, editor)
    editors_move()

    live = Article.objects.filter(pk=article.pk).first()
    assert live is not None
    assert UNSEEN in live.body or UNSEEN in str(
        PendingChange.objects.filter(article=article).values_list("content", flat=True)
    ), "the journalist's change is kept"
    if UNSEEN in live.body:
        assert not live.is_published and not live.is_scheduled, path
    assert UNSEEN not in public_text(client, live)
