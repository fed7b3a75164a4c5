"""Only an editor makes anything public: every path that writes an article, including the
admin's history (revert) and recover views, keeps who can see it (issue 11, item 1), and a
journalist's published article is read-only to them (issue 11, policy)."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from reversion.models import Version

from articles.caching import store
from articles.models import Article, PendingChange, RelatedArticle
from newsroom import workflow

from .factories import ArticleFactory, AuthorFactory, image_file
from .test_admin import article_post, change_url, form_errors, list_action

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:articles_article_changelist")


def revision_url(article, version):
    return reverse("admin:articles_article_revision", args=[article.pk, version.pk])


def recover_url(version):
    return reverse("admin:articles_article_recover", args=[version.pk])


def versions_of(article):
    return list(Version.objects.get_for_object(article))


def own_draft(journalist, **kwargs):
    return ArticleFactory(
        created_by=journalist,
        authors=[journalist.author_profile],
        with_image=True,
        draft=True,
        **kwargs,
    )


class TestRestoringNeverPublishes:
    def test_journalist_reverting_to_a_published_version_gets_a_draft(
        self, client, journalist, editor
    ):
        article = own_draft(journalist, title="Første udgave")
        workflow.publish(article, editor)
        published_version = versions_of(article)[0]
        assert published_version.field_dict["status"] == Article.Status.PUBLISHED
        article.title = "Rettet udgave"
        article.save()
        workflow.unpublish(article, editor)

        client.force_login(journalist)
        data = article_post(article, title="Første udgave")
        data["_save"] = "Gem"
        response = client.post(revision_url(article, published_version), data)

        assert response.status_code == 302, form_errors(response)
        article.refresh_from_db()
        assert article.title == "Første udgave"  # the content came back …
        assert article.status == Article.Status.DRAFT  # … the publication did not
        assert article not in Article.objects.published()
        assert client.get(article.get_absolute_url()).status_code == 404

    def test_journalist_recovering_a_deleted_published_article_gets_a_draft(
        self, client, journalist, editor
    ):
        article = own_draft(journalist, title="Slettet og savnet")
        workflow.publish(article, editor)
        article_id = article.pk
        # Deleted for good outside the newsroom (the admin's delete only trashes it).
        Article.objects.get(pk=article_id).delete()
        assert not Article.objects.filter(pk=article_id).exists()
        deleted = Version.objects.get_deleted(Article).get(object_id=str(article_id))
        assert deleted.field_dict["status"] == Article.Status.PUBLISHED

        client.force_login(journalist)
        data = article_post(title="Slettet og savnet", authors=[])
        data["_save"] = "Gem"
        response = client.post(recover_url(deleted), data)

        assert response.status_code == 302, form_errors(response)
        recovered = Article.objects.get(pk=article_id)
        assert recovered.title == "Slettet og savnet"
        assert recovered.status == Article.Status.DRAFT
        assert recovered not in Article.objects.published()

    def test_an_editor_recovers_as_a_draft_and_publishes_explicitly(self, client, editor):
        article = ArticleFactory(title="Tilbage igen", with_image=True, front_page="top")
        workflow.publish(article, editor)
        article_id = article.pk
        newer = ArticleFactory(title="Ny tophistorie", front_page="pinned", with_image=True)
        workflow.publish(newer, editor)
        workflow.place_on_front_page(newer, editor, "top")
        article.delete()
        deleted = Version.objects.get_deleted(Article).get(object_id=str(article_id))

        client.force_login(editor)
        shown = client.get(recover_url(deleted))
        assert shown.status_code == 200 and "Tilbage igen" in shown.content.decode()
        assert not Article.objects.filter(pk=article_id).exists()  # only shown, not saved

        # The form as the browser sends it: filled in with the deleted article's content.
        data = article_post(
            title="Tilbage igen",
            authors=[],
            section=article.section,
            hero_alt=article.hero_alt,
            hero_credit=article.hero_credit,
        )
        data["_save"] = "Gem"
        assert client.post(recover_url(deleted), data).status_code == 302
        recovered = Article.objects.get(pk=article_id)
        assert recovered.status == Article.Status.DRAFT
        # The front page stays the editors' choice: no second top story, no error.
        assert recovered.front_page == ""
        assert Article.objects.get(front_page="top").title == "Ny tophistorie"

        data = article_post(recovered, button="_publish")
        response = client.post(change_url(recovered), data)
        assert response.status_code == 302, form_errors(response)
        recovered.refresh_from_db()
        assert recovered.is_published

    def test_an_editor_reverting_a_live_article_keeps_it_live(self, client, editor):
        article = ArticleFactory(title="Gammel rubrik", with_image=True)
        workflow.publish(article, editor)
        old = versions_of(article)[0]
        article.title = "Ny rubrik"
        article.save()

        client.force_login(editor)
        data = article_post(article, title="Gammel rubrik")
        data["_save"] = "Gem"
        assert client.post(revision_url(article, old), data).status_code == 302
        article.refresh_from_db()
        assert article.title == "Gammel rubrik" and article.is_published

    def test_reverting_keeps_the_front_page_and_curated_links(self, client, editor):
        article = ArticleFactory(title="Var tophistorie", with_image=True)
        workflow.publish(article, editor)
        workflow.place_on_front_page(article, editor, "top")
        old = versions_of(article)[0]
        assert old.field_dict["front_page"] == "top"
        other = ArticleFactory(title="Den nye tophistorie", with_image=True)
        workflow.publish(other, editor)
        workflow.place_on_front_page(other, editor, "top")
        related = ArticleFactory()
        RelatedArticle.objects.create(from_article=article, to_article=related)

        client.force_login(editor)
        article.refresh_from_db()
        data = article_post(article)
        data["_save"] = "Gem"
        response = client.post(revision_url(article, old), data)
        assert response.status_code == 302, form_errors(response)
        article.refresh_from_db()
        assert article.front_page == "" and Article.objects.get(front_page="top") == other
        assert list(article.related_articles.all()) == [related]

    def test_showing_an_old_version_changes_nothing(self, client, editor, committed):
        article = ArticleFactory(title="Først", with_image=True)
        workflow.publish(article, editor)
        old = versions_of(article)[0]
        workflow.unpublish(article, editor)
        version_before = store.content_version()

        client.force_login(editor)
        with committed():
            page = client.get(revision_url(article, old))
        assert page.status_code == 200 and "Først" in page.content.decode()
        article.refresh_from_db()
        assert article.status == Article.Status.DRAFT
        assert store.content_version() == version_before  # rolled back: nothing to retire

    def test_journalist_cannot_restore_anothers_article(self, client, journalist, editor):
        article = ArticleFactory(title="Ikke din", draft=True, with_image=True)
        workflow.submit_for_review(article, editor)
        old = versions_of(article)[0]
        client.force_login(journalist)
        data = article_post(article, title="Kapret")
        data["_save"] = "Gem"
        assert client.post(revision_url(article, old), data).status_code == 403
        article.refresh_from_db()
        assert article.title == "Ikke din"

    def test_a_version_of_another_article_is_not_found(self, client, editor):
        first, second = ArticleFactory(with_image=True), ArticleFactory()
        workflow.publish(first, editor)
        client.force_login(editor)
        version = versions_of(first)[0]
        assert client.get(revision_url(second, version)).status_code == 404
        missing = reverse("admin:articles_article_revision", args=[first.pk, version.pk + 99])
        assert client.get(missing).status_code == 404


def shown_on(page: str) -> str:
    """The token of what a review page showed, as its approve form sends it."""
    return re.search(r'name="shown" value="([^"]*)"', page).group(1)


class TestPendingChanges:
    """A journalist's edit of their published article waits for an editor (issue 12)."""

    def published_by(self, journalist, **kwargs):
        return ArticleFactory(
            created_by=journalist,
            authors=[journalist.author_profile],
            with_image=True,
            title="Den udgivne rubrik",
            **kwargs,
        )

    @pytest.mark.parametrize("scheduled", [False, True], ids=["published", "scheduled"])
    def test_a_journalists_edit_waits_and_the_public_page_stays(
        self, client, journalist, scheduled
    ):
        article = self.published_by(journalist, scheduled=scheduled)
        client.force_login(journalist)
        page = client.get(change_url(article)).content.decode()
        assert "Send ændringer til godkendelse" in page and 'name="_publish"' not in page

        data = article_post(article, title="Den nye rubrik", workflow_note="Stavefejl rettet.")
        response = client.post(change_url(article), data)
        assert response.status_code == 302, form_errors(response)
        article.refresh_from_db()
        assert article.title == "Den udgivne rubrik" and article.status == "published"
        change = PendingChange.objects.get(article=article)
        assert change.state == "pending" and change.content["title"] == "Den nye rubrik"
        event = article.events.first()
        assert event.action == "change_proposed" and event.note == "Stavefejl rettet."
        if not scheduled:
            public = client.get(article.get_absolute_url()).content.decode()
            assert "Den udgivne rubrik" in public and "Den nye rubrik" not in public

        # The journalist goes on from their change, and a second save updates the same one.
        form_page = client.get(change_url(article)).content.decode()
        assert "Den nye rubrik" in form_page and "Ændringer afventer godkendelse" in form_page
        client.post(change_url(article), article_post(article, title="Den nyeste rubrik"))
        assert PendingChange.objects.get(article=article).content["title"] == "Den nyeste rubrik"

    def test_an_editor_sees_the_diff_and_approves(self, client, journalist, editor):
        article = self.published_by(journalist)
        updated_before = article.updated_at
        client.force_login(journalist)
        client.post(change_url(article), article_post(article, title="Den rettede rubrik"))

        client.force_login(editor)
        page = client.get(change_url(article)).content.decode()
        assert "Ændringer afventer godkendelse" in page
        assert "<del>udgivne</del> <ins>rettede</ins>" in page
        review = reverse("admin:articles_article_review_change", args=[article.pk])
        review_page = client.get(review).content.decode()
        assert "<del>udgivne</del> <ins>rettede</ins>" in review_page
        response = client.post(review, {"_approve": "1", "shown": shown_on(review_page)})
        assert response.status_code == 302
        article.refresh_from_db()
        assert article.title == "Den rettede rubrik" and article.is_published
        assert article.updated_at > updated_before
        assert PendingChange.objects.get(article=article).state == "approved"
        event = article.events.first()
        assert event.action == "change_approved" and event.actor == editor
        assert versions_of(article)[0].revision.user == editor

    def test_an_editor_returns_it_with_a_note(self, client, journalist, editor):
        article = self.published_by(journalist)
        client.force_login(journalist)
        client.post(change_url(article), article_post(article, title="Et forsøg"))
        review = reverse("admin:articles_article_review_change", args=[article.pk])

        client.force_login(editor)
        refused = client.post(review, {"_return": "1", "note": "  "})
        assert refused.status_code == 200 and "Skriv en note" in refused.content.decode()
        assert PendingChange.objects.get(article=article).state == "pending"
        client.post(review, {"_return": "1", "note": "Rubrikken er for lang."})
        change = PendingChange.objects.get(article=article)
        assert change.state == "returned" and change.note == "Rubrikken er for lang."
        article.refresh_from_db()
        assert article.title == "Den udgivne rubrik"

        client.force_login(journalist)
        page = client.get(change_url(article)).content.decode()
        assert "Rubrikken er for lang." in page and "Et forsøg" in page  # their own work
        client.post(change_url(article), article_post(article, title="Et bedre forsøg"))
        assert PendingChange.objects.filter(article=article, state="pending").count() == 1

    def test_only_editors_decide(self, client, journalist):
        article = self.published_by(journalist)
        client.force_login(journalist)
        client.post(change_url(article), article_post(article, title="Mit eget forslag"))
        review = reverse("admin:articles_article_review_change", args=[article.pk])
        assert client.post(review, {"_approve": "1"}).status_code == 403
        change = PendingChange.objects.get(article=article)
        with pytest.raises(workflow.TransitionRefused):
            workflow.approve_change(change, journalist)
        assert Article.objects.get(pk=article.pk).title == "Den udgivne rubrik"

    def test_a_new_picture_waits_too(self, client, journalist, editor):
        article = self.published_by(journalist)
        live_picture = article.hero_image.name
        client.force_login(journalist)
        data = article_post(article)
        data["hero_image"] = SimpleUploadedFile("nyt.jpg", image_file(colour=(200, 30, 30)).read())
        assert client.post(change_url(article), data).status_code == 302
        article.refresh_from_db()
        assert article.hero_image.name == live_picture
        change = PendingChange.objects.get(article=article)
        assert change.content["hero_image"] != live_picture and change.content["hero_renditions"]
        workflow.approve_change(change, editor)
        article.refresh_from_db()
        assert article.hero_image.name == change.content["hero_image"]

    def test_an_editors_own_edit_goes_live_at_once(self, client, journalist, editor):
        article = self.published_by(journalist)
        client.force_login(editor)
        client.post(change_url(article), article_post(article, title="Redaktørens rubrik"))
        article.refresh_from_db()
        assert article.title == "Redaktørens rubrik" and not PendingChange.objects.exists()

    def test_byline_and_tags_stay_as_they_are(self, client, journalist):
        article = self.published_by(journalist)
        client.force_login(journalist)
        data = article_post(article, authors=[journalist.author_profile, AuthorFactory()])
        assert client.post(change_url(article), data).status_code == 302
        assert article.bylines.count() == 1

    def test_crafted_status_fields_are_ignored(self, client, journalist):
        article = own_draft(journalist)
        client.force_login(journalist)
        data = article_post(article, status="published", front_page="top")
        data["published_at_0"], data["published_at_1"] = "01.01.2020", "12:00:00"
        response = client.post(change_url(article), data)
        assert response.status_code == 302, form_errors(response)
        article.refresh_from_db()
        assert article.status == Article.Status.DRAFT and article.front_page == ""
        assert article.published_at is None

    def test_add_form_cannot_publish(self, client, journalist):
        client.force_login(journalist)
        data = article_post(title="Direkte fra tasterne", button="_publish", status="published")
        response = client.post(reverse("admin:articles_article_add"), data)
        assert "Du har ikke ret til at ændre artiklens status" in form_errors(response)
        assert not Article.objects.filter(title="Direkte fra tasterne").exists()

    def test_curation_inline_is_ignored_for_journalists(self, client, journalist):
        other = ArticleFactory()
        client.force_login(journalist)
        data = article_post(title="Med snyde-link")
        data.update(
            {
                "related_links-TOTAL_FORMS": "1",
                "related_links-0-to_article": other.pk,
                "related_links-0-position": "0",
            }
        )
        response = client.post(reverse("admin:articles_article_add"), data)
        assert response.status_code == 302, form_errors(response)
        assert not RelatedArticle.objects.exists()


class TestNotesAndLog:
    def test_submit_with_a_note_and_return_needs_one(self, client, journalist, editor):
        article = own_draft(journalist)
        client.force_login(journalist)
        data = article_post(
            article, button="_submit_for_review", workflow_note="Klar, men tjek tallene."
        )
        assert client.post(change_url(article), data).status_code == 302
        article.refresh_from_db()
        assert article.status == "review"
        assert article.events.first().note == "Klar, men tjek tallene."

        client.force_login(editor)
        response = client.post(change_url(article), article_post(article, button="_return"))
        assert response.status_code == 200
        assert "Skriv en note til skribenten" in str(response.context["adminform"].form.errors)
        data = article_post(article, button="_return", workflow_note="Kilden mangler.")
        assert client.post(change_url(article), data).status_code == 302
        article.refresh_from_db()
        assert article.status == "draft"

        client.force_login(journalist)
        page = client.get(change_url(article)).content.decode()
        top = page[: page.index('id="article_form"')] if 'id="article_form"' in page else page
        assert "Kilden mangler." in page and "Sendt tilbage til skribenten af" in page
        assert "Kilden mangler." in top or page.index("Kilden mangler.") < page.index("Forløb")

    def test_the_log_is_on_the_change_page_newest_first(self, client, journalist, editor):
        article = own_draft(journalist, title="Med forløb")
        workflow.submit_for_review(article, journalist, "Første udkast.")
        workflow.return_to_author(article, editor, "Mere om økonomien.")
        workflow.submit_for_review(article, journalist, "Nu med økonomi.")
        workflow.publish(article, editor)
        client.force_login(journalist)
        page = client.get(change_url(article)).content.decode()
        log = page[page.index("Forløb") :]
        order = [
            log.index(text)
            for text in (
                "Udgivet",
                "Nu med økonomi.",
                "Mere om økonomien.",
                "Første udkast.",
            )
        ]
        assert order == sorted(order)
        assert "klar til redigering → kladde" in log

    def test_returning_needs_a_note_in_the_workflow_too(self, editor, journalist):
        article = own_draft(journalist)
        workflow.submit_for_review(article, journalist)
        with pytest.raises(ValidationError):
            workflow.return_to_author(article, editor, "")
        assert Article.objects.get(pk=article.pk).status == "review"


class TestBulkActions:
    def test_each_bulk_change_is_a_version_naming_the_editor(self, client, editor):
        ready = ArticleFactory(review=True, with_image=True)
        client.force_login(editor)
        client.post(CHANGELIST, list_action("publish_selected", ready))
        ready.refresh_from_db()
        assert ready.is_published
        latest = versions_of(ready)[0]
        assert latest.revision.user == editor and latest.revision.comment == "Udgivet"

        client.post(CHANGELIST, list_action("unpublish_selected", ready))
        ready.refresh_from_db()
        assert ready.status == Article.Status.DRAFT
        latest = versions_of(ready)[0]
        assert latest.field_dict["status"] == Article.Status.DRAFT
        assert latest.revision.user == editor and latest.revision.comment == "Afpubliceret"
        # And the article's log says so, like the buttons' steps.
        assert [
            (event.action, event.actor, event.from_status, event.to_status)
            for event in ready.events.all()
        ] == [
            ("unpublished", editor, "published", "draft"),
            ("published", editor, "review", "published"),
        ]

    def test_incomplete_articles_are_not_published_and_the_editor_is_told_why(self, client, editor):
        bare = ArticleFactory(review=True, title="Uden billede")
        client.force_login(editor)
        response = client.post(
            CHANGELIST,
            list_action("publish_selected", bare),
            follow=True,
        )
        bare.refresh_from_db()
        assert bare.status == Article.Status.REVIEW
        assert "Den mangler et hovedbillede" in response.content.decode()

    def test_journalist_sends_only_own_drafts_for_review(self, client, journalist):
        mine, theirs = own_draft(journalist), ArticleFactory(draft=True)
        client.force_login(journalist)
        client.post(
            CHANGELIST,
            list_action("submit_for_review", mine, theirs),
        )
        mine.refresh_from_db()
        theirs.refresh_from_db()
        assert mine.status == Article.Status.REVIEW and theirs.status == Article.Status.DRAFT


class TestWorkflowRules:
    """The rules in the workflow module hold when it is called directly, as from the shell."""

    def test_journalists_never_publish_or_unpublish(self, journalist):
        article = own_draft(journalist)
        with pytest.raises(workflow.TransitionRefused):
            workflow.publish(article, journalist)
        published = ArticleFactory(created_by=journalist)
        with pytest.raises(workflow.TransitionRefused):
            workflow.unpublish(published, journalist)
        assert published.status == Article.Status.PUBLISHED

    def test_journalists_move_their_own_between_draft_and_review(self, journalist):
        article = own_draft(journalist)
        workflow.submit_for_review(article, journalist)
        assert article.status == Article.Status.REVIEW
        workflow.withdraw(article, journalist)
        assert article.status == Article.Status.DRAFT
        with pytest.raises(workflow.TransitionRefused):
            workflow.submit_for_review(ArticleFactory(draft=True), journalist)

    def test_publishing_needs_a_complete_article(self, editor):
        with pytest.raises(workflow.TransitionRefused, match="mangler et hovedbillede"):
            workflow.publish(ArticleFactory(draft=True), editor)
