"""What a change retires (issue 20): the newsroom's daily work on drafts, reviews and
proposals retires no page a reader sees; a change readers can see still retires at once."""

import pytest
from django.core.cache import cache
from django.test import Client, RequestFactory

from articles import workflow
from articles.caching import pages
from articles.models import Article, ArticleAuthor, ContentVersion, RelatedArticle, Tag
from articles.versions import snapshot_of

from .factories import ArticleFactory, AuthorFactory, GoalFactory
from .test_admin import ADD_URL, article_post, change_url, form_errors
from .test_reading_list import add

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def reader_pages():
    """The front page and a public article's page, each stored (the second view a hit)."""
    public = ArticleFactory(title="Læsernes artikel")
    urls = ["/", public.get_absolute_url(), "/artikler/"]
    reader = Client()
    for url in urls:
        reader.get(url)
        assert reader.get(url)["X-Page-Cache"] == "hit", url
    return reader, urls, public


def content_number() -> int:
    return ContentVersion.objects.values_list("number", flat=True).get(pk=1)


def still_hits(reader, urls) -> list[str]:
    return [url for url in urls if reader.get(url)["X-Page-Cache"] != "hit"]


def test_a_draft_saved_a_hundred_times_retires_nothing(reader_pages, committed, journalist):
    reader, urls, _ = reader_pages
    draft = ArticleFactory(draft=True, created_by=journalist, title="Kladde")
    before = content_number()
    for number in range(100):
        draft.body = f"<p>Udkast nummer {number}.</p>"
        with committed():
            draft.save()
    assert content_number() == before
    assert still_hits(reader, urls) == []


def test_a_journalists_day_in_the_admin_retires_nothing(
    reader_pages, client, committed, journalist, editor
):
    """A new draft with a byline, a new tag, goals and a related article; saved again; sent
    for review; sent back by an editor; a proposal to the journalist's own published article,
    proposed again and sent back. None of it is public."""
    reader, urls, public = reader_pages
    mine_published = ArticleFactory(created_by=journalist, title="Min udgivne")
    # What the newsroom's staff make rarely, not in a journalist's day: made first.
    goal, co_author = GoalFactory(), AuthorFactory()
    for url in urls:  # the new articles changed the lists: store them again
        reader.get(url)
    before = content_number()

    client.force_login(journalist)
    with committed():
        response = client.post(
            ADD_URL, article_post(title="Ny kladde om varme", section=public.section)
        )
    assert response.status_code == 302, form_errors(response)
    draft = Article.objects.get(title="Ny kladde om varme")
    with committed():
        draft.tags.add("Et emne kun kladden har")
        draft.goals.add(goal)
        ArticleAuthor.objects.create(article=draft, author=co_author, position=1)
        RelatedArticle.objects.create(from_article=draft, to_article=public)
    for button in (None, "_submit_for_review"):
        draft.refresh_from_db()
        with committed():
            response = client.post(change_url(draft), article_post(draft, button=button))
        assert response.status_code == 302, form_errors(response)
    with committed():
        workflow.return_to_author(Article.objects.get(pk=draft.pk), editor, "Mere om priserne.")
    for body in ("<p>Første forslag.</p>", "<p>Andet forslag.</p>"):
        content = workflow.content_of(mine_published, [])
        content["body"] = body
        with committed():
            change = workflow.propose_change(mine_published, journalist, content)
    with committed():
        workflow.return_change(change, editor, "Ikke nu.")
    with committed():
        Tag.objects.filter(name="Et emne kun kladden har").update(name="Omdøbt")
        Tag.objects.get(name="Omdøbt").save()

    assert content_number() == before
    assert still_hits(reader, urls) == []
    assert snapshot_of(Article.objects.get(pk=public.pk))  # the reader's article is untouched


def test_a_draft_deleted_or_an_article_already_unpublished_edited_retires_nothing(
    reader_pages, committed, editor
):
    reader, urls, _ = reader_pages
    gone = ArticleFactory(title="Trækkes tilbage")
    draft = ArticleFactory(draft=True)
    with committed():
        workflow.unpublish(gone, editor)
    for url in urls:
        reader.get(url)
    before = content_number()
    gone = Article.objects.get(pk=gone.pk)
    gone.title = "Omskrevet efter afpublicering"
    with committed():
        gone.save()
    with committed():
        draft.delete()
    assert content_number() == before
    assert still_hits(reader, urls) == []


@pytest.mark.parametrize(
    "change",
    [
        "publish_a_draft",
        "schedule_a_draft",
        "edit_a_published_article",
        "tag_a_published_article",
        "rename_a_public_tag",
        "edit_a_published_authors_bio",
    ],
)
def test_a_change_readers_can_see_retires_the_pages(reader_pages, committed, editor, change):
    reader, urls, public = reader_pages
    draft = ArticleFactory(draft=True, with_image=True, title="Klar til udgivelse")
    public.tags.add("Et offentligt emne")
    for url in urls:
        reader.get(url)
    before = content_number()
    with committed():
        if change == "publish_a_draft":
            workflow.publish(draft, editor)
        elif change == "schedule_a_draft":
            from datetime import timedelta

            from django.utils import timezone

            workflow.publish(draft, editor, at=timezone.now() + timedelta(hours=1))
        elif change == "edit_a_published_article":
            public.title = "Ny titel"
            public.save()
        elif change == "tag_a_published_article":
            public.tags.add("Endnu et emne")
        elif change == "rename_a_public_tag":
            tag = Tag.objects.get(name="Et offentligt emne")
            tag.name = "Et omdøbt emne"
            tag.save()
        else:
            author = public.bylines.first().author
            author.bio = "Ny tekst om skribenten."
            author.save()
    assert content_number() > before
    assert still_hits(reader, urls) == urls


# --- One rebuild at a time (issue 20, item 3) ----------------------------------------------------


def rebuild_claim(url: str) -> str:
    return pages.rebuild_key(pages.page_cache_key(RequestFactory().get(url)))


def rebuilding_elsewhere(url: str) -> None:
    """Another request is rebuilding the page at ``url`` now: it made the same claim."""
    request = RequestFactory().get(url)
    assert pages.claim_rebuild(request, pages.page_cache_key(request))


def test_a_retired_page_is_rebuilt_once_while_the_others_get_its_last_copy(
    reader_pages, committed, editor
):
    reader, _, public = reader_pages
    draft = ArticleFactory(draft=True, with_image=True, title="Nyhed om varmepriser")
    with committed():
        workflow.publish(draft, editor)  # retires every page; nothing was taken down

    rebuilding_elsewhere("/")
    previous = reader.get("/")
    assert previous["X-Page-Cache"] == "previous"
    assert previous["Cache-Control"] == "no-cache"
    assert "Nyhed om varmepriser" not in previous.content.decode()  # the copy from before
    # A page no one is rebuilding is rebuilt by this request, and then stored.
    rebuilt = reader.get(public.get_absolute_url())
    assert rebuilt["X-Page-Cache"] == "miss"
    assert reader.get(public.get_absolute_url())["X-Page-Cache"] == "hit"
    # When the claim lapses (the other request failed), the next request rebuilds it.
    cache.delete(rebuild_claim("/"))
    assert "Nyhed om varmepriser" in reader.get("/").content.decode()
    assert reader.get("/")["X-Page-Cache"] == "hit"


def test_no_last_copy_after_a_takedown(reader_pages, committed, editor, settings):
    """An unpublished article never comes back from a copy made before, however busy."""
    settings.PAGE_REBUILDS_AT_ONCE = len(reader_pages[1])
    reader, urls, public = reader_pages
    with committed():
        workflow.unpublish(public, editor)
    for url in urls:
        rebuilding_elsewhere(url)
    assert reader.get(public.get_absolute_url()).status_code == 404
    front = reader.get("/")
    assert front["X-Page-Cache"] == "miss"
    assert "Læsernes artikel" not in front.content.decode()


def test_a_reader_with_a_list_never_gets_the_last_copy(reader_pages, committed, editor):
    _, _, public = reader_pages
    with_list = Client()
    add(with_list, public)
    draft = ArticleFactory(draft=True, with_image=True, title="Nyhed om varmepriser")
    with committed():
        workflow.publish(draft, editor)
    rebuilding_elsewhere("/")
    page = with_list.get("/")
    assert page.get("X-Page-Cache") != "previous" and "private" in page["Cache-Control"]
    assert "Nyhed om varmepriser" in page.content.decode()


def test_a_publication_rebuilds_a_few_pages_at_a_time(reader_pages, committed, editor, settings):
    """Every page is retired at once; while the site's rebuild slots are taken, readers get
    the pages' last copies, and each page is rebuilt when a slot is free."""
    settings.PAGE_REBUILDS_AT_ONCE = 1
    reader, urls, public = reader_pages
    draft = ArticleFactory(draft=True, with_image=True, title="Nyhed om varmepriser")
    with committed():
        workflow.publish(draft, editor)
    rebuilding_elsewhere("/artikler/")  # the one slot
    assert [reader.get(url)["X-Page-Cache"] for url in urls] == ["previous"] * len(urls)
    cache.delete("rebuild-slot:0")  # that rebuild is done
    assert reader.get("/")["X-Page-Cache"] == "miss"  # rebuilt, and its slot let go
    assert reader.get(public.get_absolute_url())["X-Page-Cache"] == "miss"
    assert [reader.get(url)["X-Page-Cache"] for url in urls[:2]] == ["hit", "hit"]
