"""What a change retires (issue 20): the newsroom's daily work on drafts, reviews and
proposals retires no page a reader sees; a change readers can see still retires at once."""

import pytest
from django.core.cache import cache
from django.test import Client, RequestFactory
from django.urls import reverse

from articles.caching import pages, store
from articles.models import Article, ArticleAuthor, ContentVersion, RelatedArticle, Tag
from newsroom import workflow
from newsroom.versions import snapshot_of

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
    store.forget_versions()  # as its commit would: the pages below are built after it
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


# What each change retires: the lists (the front page, the archive) for any; the pages of all
# articles only for what may show anywhere (a tag's name, an author's bio); an article's own
# page for a change to it.
EVERY_PAGE = ("front", "article", "archive")
LISTS = ("front", "archive")


@pytest.mark.parametrize(
    "change, retired",
    [
        ("publish_a_draft", LISTS),
        ("schedule_a_draft", LISTS),
        ("edit_a_published_article", EVERY_PAGE),
        ("tag_a_published_article", EVERY_PAGE),
        ("rename_a_public_tag", EVERY_PAGE),
        ("edit_a_published_authors_bio", EVERY_PAGE),
    ],
)
def test_a_change_readers_can_see_retires_the_pages_that_show_it(
    reader_pages, committed, editor, change, retired
):
    reader, urls, public = reader_pages
    draft = ArticleFactory(draft=True, with_image=True, title="Klar til udgivelse")
    with committed():
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
    url_of = dict(zip(EVERY_PAGE, urls, strict=True))
    assert still_hits(reader, urls) == [url_of[page] for page in retired]


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


def test_the_request_that_rebuilds_a_retired_page_never_reads_its_last_copy(
    reader_pages, committed, editor, monkeypatch
):
    """The claim comes first: the copy (a page, compressed) is read only by the requests
    that are given it."""
    reader, _, _ = reader_pages
    draft = ArticleFactory(draft=True, with_image=True, title="Nyhed om varmepriser")
    with committed():
        workflow.publish(draft, editor)
    copy_key = pages.stale_page_key(RequestFactory().get("/"))
    assert cache.get(copy_key) is not None  # a copy is there to give
    read = []
    real_get = store.safe_get
    monkeypatch.setattr(pages, "safe_get", lambda key, *a: read.append(key) or real_get(key, *a))
    assert reader.get("/")["X-Page-Cache"] == "miss"
    assert copy_key not in read
    another = ArticleFactory(draft=True, with_image=True, title="Endnu en nyhed")
    with committed():
        workflow.publish(another, editor)  # retired again
    rebuilding_elsewhere("/")
    assert reader.get("/")["X-Page-Cache"] == "previous" and copy_key in read


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


# --- A published change retires only what shows it (issue 20, item 2) ----------------------------


@pytest.fixture
def newsroom(committed):
    """Two public articles in one section, and a draft in it ready to publish, all made before
    any page is stored; the pages each readers' view keeps, stored."""
    first = ArticleFactory(title="Første artikel", with_image=True)
    second = ArticleFactory(title="Anden artikel", section=first.section, with_image=True)
    draft = ArticleFactory(
        draft=True, title="Nyhed om varmepriser", section=first.section, with_image=True
    )
    store.forget_versions()  # as the commits would
    urls = {
        "front": "/",
        "archive": "/artikler/",
        "section": first.section.get_absolute_url(),
        "first": first.get_absolute_url(),
        "second": second.get_absolute_url(),
    }
    reader = Client()
    for url in urls.values():
        reader.get(url)
        assert reader.get(url)["X-Page-Cache"] == "hit", url
    return reader, urls, first, second, draft


def answers(reader, urls) -> dict[str, str]:
    return {name: reader.get(url)["X-Page-Cache"] for name, url in urls.items()}


def test_a_publication_retires_the_lists_and_no_other_articles_page(newsroom, committed, editor):
    reader, urls, _, _, draft = newsroom
    with committed():
        workflow.publish(draft, editor)
    assert answers(reader, {name: urls[name] for name in ("front", "archive", "section")}) == {
        "front": "miss",
        "archive": "miss",
        "section": "miss",
    }
    for name in ("front", "archive", "section"):
        assert "Nyhed om varmepriser" in reader.get(urls[name]).content.decode(), name
    # The other articles' pages stay: their cards of other articles may lag a while.
    assert answers(reader, {"first": urls["first"], "second": urls["second"]}) == {
        "first": "hit",
        "second": "hit",
    }
    assert reader.get(draft.get_absolute_url()).status_code == 200


def test_an_article_page_catches_up_with_the_others_one_rebuild_at_a_time(
    newsroom, committed, editor, settings
):
    settings.ARTICLE_PAGE_LAG_SECONDS = 0
    reader, urls, first, _, draft = newsroom
    with committed():
        workflow.publish(draft, editor)
    rebuilding_elsewhere(urls["first"])
    lagging = reader.get(urls["first"])
    assert lagging["X-Page-Cache"] == "previous" and lagging["Cache-Control"] == "no-cache"
    assert "Første artikel" in lagging.content.decode()
    assert "Nyhed om varmepriser" not in lagging.content.decode()
    # No one rebuilding the other: this request does, with the new article among its cards.
    rebuilt = reader.get(urls["second"])
    assert rebuilt["X-Page-Cache"] == "miss"
    assert "Nyhed om varmepriser" in rebuilt.content.decode()
    assert reader.get(urls["second"])["X-Page-Cache"] == "hit"
    # A reader with a list gets the lagging page filled for them, just as fresh ones.
    with_list = Client()
    add(with_list, first)
    theirs = with_list.get(urls["first"])
    assert theirs["X-Page-Cache"] == "previous" and "private" in theirs["Cache-Control"]
    assert 'aria-pressed="true"' in theirs.content.decode()


def test_an_edit_retires_its_own_page_and_the_lists(newsroom, committed):
    reader, urls, first, _, _ = newsroom
    with committed():
        first.title = "Første artikel, rettet"
        first.save()
    assert answers(reader, urls) == {
        "front": "miss",
        "archive": "miss",
        "section": "miss",
        "first": "miss",
        "second": "hit",
    }
    assert "Første artikel, rettet" in reader.get(urls["first"]).content.decode()
    assert "Første artikel, rettet" in reader.get(urls["front"]).content.decode()
    # Rebuilt, the other article's page shows the new title on its card too.
    cache.clear()
    pages.forget()
    assert "Første artikel, rettet" in reader.get(urls["second"]).content.decode()


@pytest.mark.parametrize("change", ["unpublish", "delete"])
def test_a_takedown_retires_every_page(newsroom, committed, editor, change):
    """Any page may show a card of the article: all go, the other articles' pages too."""
    reader, urls, first, _, _ = newsroom
    with committed():
        if change == "unpublish":
            workflow.unpublish(first, editor)
        else:
            first.delete()
    assert reader.get(urls["first"]).status_code == 404
    for name in ("front", "archive", "section", "second"):
        page = reader.get(urls[name])
        assert page["X-Page-Cache"] == "miss", name
        assert "Første artikel" not in page.content.decode(), name


def test_every_process_learns_which_articles_changed(committed):
    """Each process reads the versions once a second: what changed since its last reading,
    in at most one more query, the same as a fresh process reads in full."""
    first, second = ArticleFactory(), ArticleFactory()
    store.forget_versions()
    before = store._read_versions(None)
    with committed():
        first.title = "Rettet"
        first.save()
    after = store._read_versions(before)
    assert after.number == before.number + 1
    assert after.article(first.pk) == after.number
    assert after.article(second.pk) == before.article(second.pk)
    assert after == store._read_versions(None)
    # A change that may show anywhere starts again: nothing before it matters any more.
    with committed():
        first.section.name = "Ny sektion"
        first.section.save()
    restructured = store._read_versions(after)
    assert restructured.structure != after.structure and restructured.articles == {}


def test_a_preview_shows_the_draft_as_last_saved(client, journalist, committed):
    """A draft's saves retire nothing, so its preview's fragments are keyed by when it was
    saved."""
    draft = ArticleFactory(draft=True, created_by=journalist, title="Første udkast")
    client.force_login(journalist)
    url = reverse("admin:articles_article_preview", args=[draft.pk])
    assert "Første udkast" in client.get(url).content.decode()
    with committed():
        draft.title = "Andet udkast"
        draft.body = "<p>Nu med en ny tekst.</p>"
        draft.save()
    preview = client.get(url).content.decode()
    assert "Andet udkast" in preview and "Nu med en ny tekst." in preview


def test_a_scheduled_publication_ends_the_lists_not_every_article_page(newsroom, committed, editor):
    """At its time a scheduled article appears on the lists at once; the article pages, which
    would all end at that moment together, keep their lag instead."""
    import time
    from datetime import timedelta

    from django.utils import timezone

    reader, urls, _, _, draft = newsroom
    with committed():
        workflow.publish(draft, editor, at=timezone.now() + timedelta(seconds=1))
    for url in urls.values():
        reader.get(url)  # stored again where the scheduling retired them
    time.sleep(max(0.0, (draft.published_at - timezone.now()).total_seconds()) + 0.2)
    front = reader.get(urls["front"])
    assert front["X-Page-Cache"] == "miss" and "Nyhed om varmepriser" in front.content.decode()
    assert answers(reader, {"first": urls["first"], "second": urls["second"]}) == {
        "first": "hit",
        "second": "hit",
    }
