"""The editorial admin: the permission matrix, the workflow, validation, preview, history."""

import html
import json
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.models import Article, ArticleSlugRedirect, RelatedArticle, Tag, state_change
from newsroom import workflow

from .factories import (
    ArticleFactory,
    AuthorFactory,
    SectionFactory,
    UserFactory,
    image_file,
)

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:articles_article_add")


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def delete_url(article):
    return reverse("admin:articles_article_delete", args=[article.pk])


def article_post(article=None, *, section=None, authors=None, button=None, **fields):
    """The POST data of the article change form, as the admin page would send it."""
    section = section or (article.section if article else SectionFactory())
    bylines = list(article.bylines.all()) if article else []
    if authors is None:
        authors = [byline.author for byline in bylines] or [AuthorFactory()]
    published_at = fields.pop("published_at", article.published_at if article else None)
    local = timezone.localtime(published_at) if published_at else None
    data = {
        "title": article.title if article else "En ny artikel om fjernvarme",
        "slug": article.slug if article else "",
        "section": section.pk,
        "lead": article.lead if article else "Manchet om fjernvarme.",
        "body": article.body if article else "<h2>Overskrift</h2><p>Brødtekst.</p>",
        "hero_alt": article.hero_alt if article else "",
        "hero_caption": article.hero_caption if article else "",
        "hero_credit": article.hero_credit if article else "",
        "published_at_0": local.strftime("%d.%m.%Y") if local else "",
        "published_at_1": local.strftime("%H:%M:%S") if local else "",
        "front_page": article.front_page if article else "",
        "front_page_order": "0",
        "bylines-TOTAL_FORMS": str(len(authors)),
        "bylines-INITIAL_FORMS": str(len(bylines)),
        "bylines-MIN_NUM_FORMS": "0",
        "bylines-MAX_NUM_FORMS": "1000",
        "tagged_items-TOTAL_FORMS": "0",
        "tagged_items-INITIAL_FORMS": "0",
        "tagged_items-MIN_NUM_FORMS": "0",
        "tagged_items-MAX_NUM_FORMS": "1000",
        "related_links-TOTAL_FORMS": "0",
        "related_links-INITIAL_FORMS": "0",
        "related_links-MIN_NUM_FORMS": "0",
        "related_links-MAX_NUM_FORMS": "1000",
    }
    for index, author in enumerate(authors):
        data[f"bylines-{index}-author"] = author.pk
        data[f"bylines-{index}-position"] = index
        if index < len(bylines):
            data[f"bylines-{index}-id"] = bylines[index].pk
            data[f"bylines-{index}-article"] = article.pk
    if article is not None and article.pk is not None:
        data["shown"] = shown(article)
    if button:
        data[button] = "1"
    data.update(fields)
    return data


def shown(article) -> str:
    """What the change form of ``article`` says it showed: the token of what the database
    holds now (ArticleAdminForm.check_nothing_moved_on)."""
    live = Article.objects.filter(pk=article.pk).first()
    return workflow.content_token(live) + ":" if live else ""


def list_action(action: str, *articles) -> dict:
    """The POST data of the article list's action form, as the list page sends it: each
    chosen row with the token of the content it showed (ArticleAdmin.action_checkbox)."""
    data = {"action": action, "_selected_action": [article.pk for article in articles]}
    for article in articles:
        data[f"shown-{article.pk}"] = shown(article).rstrip(":")
    return data


def own_article(user, **kwargs):
    return ArticleFactory(created_by=user, with_image=True, **kwargs)


def form_errors(response) -> str:
    """The change form's errors, as text (empty when the save went through)."""
    if response.status_code == 302:
        return ""
    errors = [str(response.context["adminform"].form.errors)]
    errors += [
        str(formset.non_form_errors()) for formset in response.context["inline_admin_formsets"]
    ]
    return " ".join(errors)


class TestPermissionMatrix:
    """Anonymous, journalist and editor, each trying every step through the admin's views."""

    def test_anonymous_is_sent_to_login_for_everything(self, client):
        article = ArticleFactory()
        for url in [ADD_URL, change_url(article), delete_url(article)]:
            response = client.get(url)
            assert response.status_code == 302 and "/admin/login/" in response.url
        response = client.post(change_url(article), article_post(article, button="_unpublish"))
        assert response.status_code == 302 and "/admin/login/" in response.url
        article.refresh_from_db()
        assert article.status == Article.Status.PUBLISHED

    def test_journalist_creates_a_draft_and_sends_it_for_review(self, client, journalist):
        client.force_login(journalist)
        assert client.get(ADD_URL).status_code == 200
        response = client.post(ADD_URL, article_post(title="Ny kladde om varme"))
        assert response.status_code == 302, form_errors(response)
        article = Article.objects.get(title="Ny kladde om varme")
        assert article.status == Article.Status.DRAFT
        assert article.created_by == journalist
        assert article.slug == "ny-kladde-om-varme"

        response = client.post(
            change_url(article), article_post(article, button="_submit_for_review")
        )
        assert response.status_code == 302, form_errors(response)
        article.refresh_from_db()
        assert article.status == Article.Status.REVIEW

    def test_journalist_edits_own_but_not_anothers(self, client, journalist):
        client.force_login(journalist)
        mine = own_article(journalist, draft=True)
        theirs_draft = ArticleFactory(draft=True)
        theirs_published = ArticleFactory()

        response = client.post(change_url(mine), article_post(mine, title="Rettet titel"))
        assert response.status_code == 302, form_errors(response)
        mine.refresh_from_db()
        assert mine.title == "Rettet titel"

        for article in (theirs_draft, theirs_published):
            before = article.title
            response = client.post(change_url(article), article_post(article, title="Hacket"))
            assert response.status_code == 403
            article.refresh_from_db()
            assert article.title == before
            # They may still read it.
            page = client.get(change_url(article))
            assert (
                page.status_code == 200
                and "Gem" not in page.content.decode().split('class="submit-row"')[-1][:200]
            )

    def test_journalist_in_byline_counts_as_own(self, client, journalist):
        client.force_login(journalist)
        article = ArticleFactory(draft=True, authors=[journalist.author_profile])
        response = client.post(change_url(article), article_post(article, title="Min egen"))
        assert response.status_code == 302, form_errors(response)

    @pytest.mark.parametrize("button", ["_publish", "_unpublish"])
    def test_journalist_cannot_publish_schedule_or_unpublish(self, client, journalist, button):
        client.force_login(journalist)
        status = Article.Status.PUBLISHED if button == "_unpublish" else Article.Status.REVIEW
        article = own_article(journalist, status=status)
        response = client.post(change_url(article), article_post(article, button=button))
        assert response.status_code == 200
        assert "Du har ikke ret til at ændre artiklens status" in form_errors(response)
        article.refresh_from_db()
        assert article.status == status

    def test_journalist_cannot_schedule_by_setting_a_time(self, client, journalist):
        client.force_login(journalist)
        article = own_article(journalist, draft=True)
        future = timezone.now() + timedelta(days=2)
        response = client.post(change_url(article), article_post(article, published_at=future))
        assert response.status_code == 302
        article.refresh_from_db()
        assert article.published_at is None  # the field is read-only for journalists

    def test_journalist_deletes_own_draft_but_no_published_article(self, client, journalist):
        client.force_login(journalist)
        draft = own_article(journalist, draft=True)
        published = own_article(journalist)
        assert client.post(delete_url(draft), {"post": "yes"}).status_code == 302
        # Into the trash, not gone: its log and versions stay, and it can be restored.
        assert Article.objects.get(pk=draft.pk).in_trash
        assert client.post(delete_url(published), {"post": "yes"}).status_code == 403
        assert Article.objects.filter(pk=published.pk).exists()

    def test_editor_publishes_schedules_unpublishes_and_deletes(self, client, editor):
        client.force_login(editor)
        article = ArticleFactory(review=True, with_image=True)

        response = client.post(change_url(article), article_post(article, button="_publish"))
        assert response.status_code == 302, form_errors(response)
        article.refresh_from_db()
        assert article.is_published

        future = timezone.now() + timedelta(days=3)
        response = client.post(
            change_url(article), article_post(article, published_at=future, button="_publish")
        )
        assert response.status_code == 302, form_errors(response)
        article.refresh_from_db()
        assert article.is_scheduled and article.public_status == "Planlagt"
        assert article not in Article.objects.published()

        response = client.post(change_url(article), article_post(article, button="_unpublish"))
        assert response.status_code == 302, form_errors(response)
        article.refresh_from_db()
        assert article.status == Article.Status.DRAFT

        someone_elses = ArticleFactory()
        assert client.post(delete_url(someone_elses), {"post": "yes"}).status_code == 302
        assert Article.objects.get(pk=someone_elses.pk).in_trash

    def test_editor_edits_anothers_published_article(self, client, editor):
        client.force_login(editor)
        article = ArticleFactory(with_image=True)
        response = client.post(change_url(article), article_post(article, title="Redigeret"))
        assert response.status_code == 302, form_errors(response)
        article.refresh_from_db()
        assert article.title == "Redigeret" and article.is_published

    def test_list_actions_respect_roles(self, client, journalist, editor):
        article = ArticleFactory(review=True, with_image=True)
        changelist = reverse("admin:articles_article_changelist")
        client.force_login(journalist)
        page = client.get(changelist).content.decode()
        assert "publish_selected" not in page
        client.post(changelist, list_action("publish_selected", article))
        article.refresh_from_db()
        assert article.status == Article.Status.REVIEW

        client.force_login(editor)
        client.post(changelist, list_action("publish_selected", article))
        article.refresh_from_db()
        assert article.is_published


class TestPublishingRules:
    def test_publishing_says_what_is_missing(self, client, editor):
        client.force_login(editor)
        article = ArticleFactory(draft=True, lead="", hero_alt="", hero_credit="")
        response = client.post(change_url(article), article_post(article, button="_publish"))
        errors = form_errors(response)
        assert "Artiklen kan ikke udgives endnu" in errors
        for missing in ["en manchet", "et hovedbillede", "en alternativ tekst", "en fotograf"]:
            assert missing in errors
        article.refresh_from_db()
        assert article.status == Article.Status.DRAFT

    def test_publishing_needs_an_author(self, client, editor):
        client.force_login(editor)
        article = ArticleFactory(draft=True, with_image=True, authors=[])
        data = article_post(article, authors=[], button="_publish")
        errors = form_errors(client.post(change_url(article), data))
        assert "En udgivet artikel skal have mindst én skribent." in errors

    def test_create_and_publish_with_an_upload(self, client, editor):
        client.force_login(editor)
        data = article_post(
            button="_publish",
            title="Direkte udgivet",
            hero_alt="Boligblok i solskin",
            hero_credit="Sofie Lund",
            hero_image=SimpleUploadedFile("blok.jpg", image_file().read(), "image/jpeg"),
        )
        response = client.post(ADD_URL, data)
        assert response.status_code == 302, form_errors(response)
        article = Article.objects.get(title="Direkte udgivet")
        assert article.is_published and article.hero_picture
        assert client.get(article.get_absolute_url()).status_code == 200

    def test_hostile_html_through_the_admin_form(self, client, editor):
        client.force_login(editor)
        article = ArticleFactory(draft=True)
        body = (
            '<h2 onclick="x()">Rubrik</h2><script>alert(1)</script>'
            '<p style="color:red">Se <a href="javascript:alert(1)">her</a> og '
            '<a href="https://example.org" target="_blank" rel="opener">der</a></p>'
            '<blockquote class="pull-quote x"><p>Citat</p><p class="attribution">Navn</p>'
            "</blockquote>"
            "<img src=x onerror=alert(1)><iframe src=https://evil.example></iframe>"
        )
        response = client.post(change_url(article), article_post(article, body=body))
        assert response.status_code == 302, form_errors(response)
        article.refresh_from_db()
        assert article.body == (
            '<h2>Rubrik</h2><p>Se <a rel="noopener noreferrer">her</a> og '
            '<a href="https://example.org" rel="noopener noreferrer">der</a></p>'
            '<blockquote class="pull-quote"><p>Citat</p><p class="attribution">Navn</p>'
            "</blockquote>"
        )

    def test_invalid_upload_gives_a_form_error(self, client, editor):
        client.force_login(editor)
        article = ArticleFactory(draft=True)
        broken = SimpleUploadedFile("halv.jpg", image_file().read()[:2000], "image/jpeg")
        response = client.post(change_url(article), article_post(article, hero_image=broken))
        assert response.status_code == 200
        assert "beskadiget" in form_errors(response)
        svg = SimpleUploadedFile("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>")
        response = client.post(change_url(article), article_post(article, hero_image=svg))
        assert "SVG" in form_errors(response)


class TestSlugs:
    def test_slug_filled_from_title_and_unique(self, client, editor):
        client.force_login(editor)
        ArticleFactory(slug="gode-boliger")
        client.post(ADD_URL, article_post(title="Gode boliger"))
        assert Article.objects.filter(slug="gode-boliger-2").exists()

    def test_changed_slug_of_published_article_redirects(self, client, editor):
        client.force_login(editor)
        article = ArticleFactory(with_image=True, slug="gammel-adresse")
        response = client.post(change_url(article), article_post(article, slug="ny-adresse"))
        assert response.status_code == 302, form_errors(response)
        client.logout()
        response = client.get("/artikler/gammel-adresse/")
        assert response.status_code == 301 and response.url == "/artikler/ny-adresse/"
        assert client.get("/artikler/ny-adresse/").status_code == 200

    def test_draft_slug_change_leaves_no_redirect(self, client, editor):
        client.force_login(editor)
        article = ArticleFactory(draft=True, slug="kladde")
        client.post(change_url(article), article_post(article, slug="kladde-2"))
        assert not ArticleSlugRedirect.objects.exists()

    def test_redirect_never_reveals_an_unpublished_article(self, client):
        article = ArticleFactory(slug="foer")
        article.slug = "efter"
        article.save()
        with state_change():  # behind the workflow's back, on purpose
            Article.objects.filter(pk=article.pk).update(status=Article.Status.DRAFT)
        assert client.get("/artikler/foer/").status_code == 404


class TestPreview:
    def test_staff_see_a_draft_in_the_public_template_never_cached(self, client, journalist):
        article = ArticleFactory(draft=True, title="Hemmelig kladde")
        url = reverse("admin:articles_article_preview", args=[article.pk])
        client.force_login(journalist)
        response = client.get(url)
        page = response.content.decode()
        assert response.status_code == 200
        assert "Forhåndsvisning" in page and "Hemmelig kladde" in page
        assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]
        assert response["X-Robots-Tag"] == "noindex, nofollow"

    def test_public_gets_404_and_anonymous_preview_goes_to_login(self, client):
        article = ArticleFactory(scheduled=True)
        assert client.get(article.get_absolute_url()).status_code == 404
        response = client.get(reverse("admin:articles_article_preview", args=[article.pk]))
        assert response.status_code == 302 and "/admin/login/" in response.url

    def test_non_staff_user_cannot_preview(self, client):
        article = ArticleFactory(draft=True)
        client.force_login(UserFactory(is_staff=False))
        response = client.get(reverse("admin:articles_article_preview", args=[article.pk]))
        assert response.status_code == 302


class TestCuration:
    def test_related_inline_only_for_editors(self, client, journalist, editor):
        article = own_article(journalist, draft=True)
        client.force_login(journalist)
        assert "related_links-TOTAL_FORMS" not in client.get(change_url(article)).content.decode()
        client.force_login(editor)
        assert "related_links-TOTAL_FORMS" in client.get(change_url(article)).content.decode()

    def test_suggestions_share_tags_and_add_with_one_click(self, client, editor):
        client.force_login(editor)
        article = ArticleFactory(tags=["Fjernvarme", "Klima"], with_image=True)
        best = ArticleFactory(tags=["Fjernvarme", "Klima"], title="Deler to emner")
        ArticleFactory(tags=["Klima"], title="Deler ét emne")
        ArticleFactory(tags=["Andet"], title="Deler intet")
        ArticleFactory(tags=["Fjernvarme"], draft=True, title="Kladde med emnet")

        page = client.get(change_url(article)).content.decode()
        assert page.index("Deler to emner") < page.index("Deler ét emne")
        assert "Deler intet" not in page and "Kladde med emnet" not in page

        data = article_post(article, _add_related=str(best.pk))
        response = client.post(change_url(article), data)
        assert response.status_code == 302, form_errors(response)
        assert article.related_for_display()[0] == best
        assert (
            "Deler to emner"
            not in client.get(change_url(article)).content.decode().split("Forslag til Læs også")[1]
        )

    def test_an_article_is_never_related_to_itself(self, client, editor):
        client.force_login(editor)
        article = ArticleFactory(with_image=True)
        data = article_post(article)
        data.update(
            {
                "related_links-TOTAL_FORMS": "1",
                "related_links-0-to_article": article.pk,
                "related_links-0-position": "0",
            }
        )
        response = client.post(change_url(article), data)
        assert "kan ikke være relateret til sig selv" in form_errors(response)
        assert not RelatedArticle.objects.exists()

    def test_top_story_action(self, client, editor):
        client.force_login(editor)
        old_top = ArticleFactory(front_page=Article.FrontPage.TOP)
        new_top = ArticleFactory(published_at=timezone.now() - timedelta(days=5))
        changelist = reverse("admin:articles_article_changelist")
        client.post(changelist, list_action("make_top_story", new_top))
        old_top.refresh_from_db()
        new_top.refresh_from_db()
        assert new_top.front_page == "top" and old_top.front_page == ""
        page = client.get("/").content.decode()
        assert f'<a href="{new_top.get_absolute_url()}">{new_top.title}</a></h2>' in page


class TestListAndHistory:
    def test_list_shows_status_including_scheduled(self, client, editor):
        client.force_login(editor)
        ArticleFactory(scheduled=True, title="Kommer snart")
        ArticleFactory(draft=True, title="Skrives stadig")
        changelist = reverse("admin:articles_article_changelist")
        page = client.get(changelist).content.decode()
        assert "article-status--scheduled" in page and "Planlagt" in page
        page = client.get(changelist, {"status": "scheduled"}).content.decode()
        assert "Kommer snart" in page and "Skrives stadig" not in page
        page = client.get(changelist, {"q": "stadig"}).content.decode()
        assert "Skrives stadig" in page and "Kommer snart" not in page

    def test_versions_are_kept_compared_and_restorable(self, client, editor):
        client.force_login(editor)
        client.post(ADD_URL, article_post(title="Første titel", lead="Første manchet."))
        article = Article.objects.get(title="Første titel")
        client.post(change_url(article), article_post(article, title="Anden titel"))
        versions = Version.objects.get_for_object(article)
        assert versions.count() == 2
        assert versions[0].revision.user == editor

        page = client.get(reverse("admin:articles_article_compare", args=[article.pk]))
        text = page.content.decode()
        assert "<del>Første</del> <ins>Anden</ins> titel" in text

        history = client.get(reverse("admin:articles_article_history", args=[article.pk]))
        assert history.status_code == 200 and "Sammenlign to versioner" in history.content.decode()
        old = versions[1]
        restore = client.get(reverse("admin:articles_article_revision", args=[article.pk, old.pk]))
        assert restore.status_code == 200 and "Første titel" in restore.content.decode()


def test_failed_logins_are_throttled(client, settings):
    UserFactory(username="redaktion", groups=["Redaktør"])
    login = reverse("admin:login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(login, {"username": "redaktion", "password": "forkert"})
    response = client.post(
        login, {"username": "redaktion", "password": "en-lang-og-god-adgangskode"}
    )
    assert response.status_code == 429
    assert "For mange mislykkede loginforsøg" in response.content.decode()
    # Another account from the same address is not locked out.
    UserFactory(username="anden")
    response = client.post(login, {"username": "anden", "password": "en-lang-og-god-adgangskode"})
    assert response.status_code == 302


class TestEditorInDanish:
    def test_the_editor_pages_load_the_danish_catalogue(self, client, editor):
        client.force_login(editor)
        for url in ("/admin/articles/article/add/", "/admin/goals/goal/add/"):
            page = client.get(url).content.decode()
            assert '<script src="/admin/jsi18n/"></script>' in page, url
            assert "/admin/jsi18n/redaktion/" not in page  # one catalogue, one request

    def test_the_catalogue_has_the_editor_dialogs_in_danish(self, client, editor):
        client.force_login(editor)  # the catalogue is the admin's
        script = client.get("/admin/jsi18n/").content.decode()
        for danish in ("Rediger link", "Adresse (URL)", "Opdater", "Annuller", "Åbn i nyt vindue"):
            assert json.dumps(danish)[1:-1] in script, danish


def test_a_new_article_starts_with_its_writers_byline(client, journalist, editor):
    client.force_login(journalist)
    page = client.get(ADD_URL).content.decode()
    mine = journalist.author_profile
    assert f'<option value="{mine.pk}" selected>{mine.name}</option>' in page
    # Someone who writes as no author starts with an empty byline.
    client.force_login(editor)
    assert f'value="{mine.pk}" selected' not in client.get(ADD_URL).content.decode()


def test_the_newsroom_names_people_not_their_logins(client, journalist, editor):
    """The note's writer and the article's log name people: their full name, their login only
    when they have none."""
    editor.first_name, editor.last_name = "Jonas", "Brøndum Lauridsen"
    editor.save()
    article = ArticleFactory(draft=True, created_by=journalist)
    workflow.submit_for_review(article, journalist, note="Klar til dig.")
    workflow.return_to_author(article, editor, note="Skriv manchetten kortere.")
    client.force_login(journalist)
    page = " ".join(client.get(change_url(article)).content.decode().split())
    assert "Sendt tilbage til skribenten af Jonas Brøndum Lauridsen," in page
    assert "af redaktoer" not in page
    assert "af journalist" in page  # no name given: the login


def test_a_refusal_says_in_danish_what_the_user_may_do(client, journalist, editor):
    client.force_login(journalist)
    response = client.get(reverse("admin:auth_user_changelist"))
    assert response.status_code == 403
    page = response.content.decode()
    assert page.count("Det har du ikke adgang til</h1>") == 1 and "Forbidden" not in page
    assert "Som journalist kan du skrive nye artikler" in page
    assert f'href="{reverse("admin:index")}">Gå til dit skrivebord' in page
    assert 'lang="da"' in page

    client.force_login(editor)  # editors see the users, but make none
    response = client.get(reverse("admin:auth_user_add"))
    assert response.status_code == 403
    assert "Som redaktør kan du rette, udgive" in response.content.decode()


def test_the_article_form_speaks_danish_where_django_does_not(client, editor):
    """Django's Danish says "Tilføj endnu en Emne" and "Efter tag"; the newsroom says it right."""
    client.force_login(editor)
    form = html.unescape(client.get(ADD_URL).content.decode())
    for text in ("Tilføj en skribent", "Tilføj et emne", "Tilføj en relateret artikel"):
        assert f'"addText": {json.dumps(text)}' in form
    assert "Tilføj endnu en" not in form  # "en mål": the "+" beside a choice says "Tilføj mål"
    assert 'title="Tilføj mål"' in form
    assert "Webadresse" in form and ">Slug<" not in form
    for name in ("Renovering", "Beboerdemokrati"):
        ArticleFactory().tags.add(name)
    changelist = client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert "Efter emne" in changelist and "Efter tag" not in changelist


def test_the_article_list_has_mine_and_the_last_worked_on_first(client, journalist):
    ArticleFactory(title="En andens artikel")
    ArticleFactory(draft=True, created_by=journalist, title="Min nye kladde")
    ArticleFactory(title="Min udgivne", authors=[journalist.author_profile])
    client.force_login(journalist)
    changelist = reverse("admin:articles_article_changelist")
    page = client.get(changelist).content.decode()
    assert page.index("Min nye kladde") < page.index("En andens artikel")  # newest change first
    assert "Mine artikler" in page
    mine_only = client.get(changelist, {"mine": "ja"}).content.decode()
    assert "Min nye kladde" in mine_only and "Min udgivne" in mine_only
    assert "En andens artikel" not in mine_only


def test_a_note_leaves_the_top_of_the_article_once_a_later_step_answers_it(
    client, journalist, editor
):
    article = ArticleFactory(draft=True, created_by=journalist, with_image=True)
    workflow.submit_for_review(article, journalist, note="Sendt med billedet fra i går.")
    client.force_login(editor)
    assert "Sendt med billedet fra i går." in client.get(change_url(article)).content.decode()
    workflow.publish(article, editor)
    page = client.get(change_url(article)).content.decode()
    assert 'class="workflow-note"' not in page  # the log below still holds it
    assert "Sendt med billedet fra i går." in page


def test_the_tag_picker_puts_the_exact_name_first(client, journalist):
    for name in ("Energirenovering", "Renoveringsplan", "Renovering"):
        Tag.objects.create(name=name)
    client.force_login(journalist)
    found = client.get(
        "/admin/autocomplete/",
        {
            "term": "renovering",
            "app_label": "articles",
            "model_name": "taggedarticle",
            "field_name": "tag",
        },
    ).json()
    assert [result["text"] for result in found["results"]] == [
        "Renovering",
        "Renoveringsplan",
        "Energirenovering",
    ]
