"""The full-page cache: shared pages only, invalidated by content changes and by the clock,
and a site that keeps working when the cache is gone."""

import threading
import time
from datetime import timedelta

import pytest
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import connection, connections, transaction
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles import caching
from articles.caching import holes, pages, remembered, store
from articles.models import Article
from newsroom import workflow

from .concurrency import second_writer, until_another_waits_for_a_lock
from .factories import (
    ArticleFactory,
    AuthorFactory,
    GoalFactory,
    GoalProgrammeFactory,
    UserFactory,
)
from .test_admin import list_action

pytestmark = pytest.mark.django_db
SAME_ORIGIN = {"HTTP_ORIGIN": "http://testserver"}


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response


def test_stored_page_is_served_before_sessions_and_users(client, django_assert_num_queries):
    article = ArticleFactory()
    get(client, article.get_absolute_url())
    with django_assert_num_queries(0):
        response = client.get(article.get_absolute_url())
    assert response["X-Page-Cache"] == "hit" and response["X-Frame-Options"] == "DENY"
    assert "Content-Security-Policy" in response
    # Another host has its own pages (they hold absolute URLs).
    other = client.get(article.get_absolute_url(), HTTP_HOST="localhost")
    assert other["X-Page-Cache"] == "miss" and "http://localhost/" in other.content.decode()


def test_second_visitor_gets_the_cached_page(client, django_assert_num_queries):
    article = ArticleFactory(title="Fra cachen")
    first = get(client, article.get_absolute_url())
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = get(client, article.get_absolute_url())
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Cache-Control"] == "public, max-age=60" and "Cookie" in second["Vary"]
    assert not second.cookies and "csrfmiddlewaretoken" not in second.content.decode()


def test_a_stored_page_keeps_every_security_header(client):
    article = ArticleFactory()
    first = get(client, article.get_absolute_url())
    hit = get(client, article.get_absolute_url())
    assert hit["X-Page-Cache"] == "hit"
    for header in (
        "Content-Security-Policy",
        "Permissions-Policy",
        "X-Frame-Options",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Cross-Origin-Opener-Policy",
        "Vary",
        "Content-Type",
    ):
        assert hit[header] == first[header], header
    assert hit["Cache-Control"] == "public, max-age=60"


def test_a_page_that_sets_a_cookie_is_not_stored(client):
    article = ArticleFactory()
    # A tampered reading-list cookie is deleted in the answer: that answer is not stored.
    client.cookies["laeseliste"] = "forfalsket"
    first = get(client, article.get_absolute_url())
    assert first.cookies["laeseliste"].value == ""
    client.cookies.clear()
    assert get(client, article.get_absolute_url())["X-Page-Cache"] == "miss"


def test_https_pages_are_their_own_and_http_is_still_redirected(client, settings):
    article = ArticleFactory()
    url = article.get_absolute_url()
    assert client.get(url, secure=True)["X-Page-Cache"] == "miss"
    assert client.get(url, secure=True)["X-Page-Cache"] == "hit"
    page = client.get(url)  # http: not the https page, whose links say https://
    assert page["X-Page-Cache"] == "miss" and "https://testserver" not in page.content.decode()
    settings.SECURE_SSL_REDIRECT = True
    redirect = Client().get(url)  # a new client: middleware reads the setting when it starts
    assert redirect.status_code == 301 and redirect["Location"].startswith("https://")


@pytest.mark.parametrize(
    "change",
    [
        lambda article: setattr(article, "title", "Ny titel") or article.save(),
        lambda article: (
            article.section.__class__.objects.filter(pk=article.section_id).first().save()
        ),
        lambda article: article.bylines.first().author.save(),
        lambda article: article.tags.add("Nyt emne"),
        lambda article: article.goals.add(GoalFactory()),
    ],
    ids=["article", "section", "author", "tag", "goal"],
)
def test_changes_show_at_once(client, change, committed):
    article = ArticleFactory(title="Gammel titel")
    get(client, article.get_absolute_url())
    get(client, "/")
    with committed():
        change(article)
    assert get(client, article.get_absolute_url())["X-Page-Cache"] == "miss"
    assert get(client, "/")["X-Page-Cache"] == "miss"


def test_edited_title_shows_everywhere(client, committed):
    article = ArticleFactory(title="Gammel titel")
    for url in ["/", "/artikler/", article.get_absolute_url()]:
        assert "Gammel titel" in get(client, url).content.decode()
    article.title = "Ny titel"
    with committed():
        article.save()
    for url in ["/", "/artikler/", article.get_absolute_url()]:
        assert "Ny titel" in get(client, url).content.decode(), url


def test_unpublishing_in_the_admin_removes_the_page(client, committed):
    article = ArticleFactory(title="Trækkes tilbage")
    assert "Trækkes tilbage" in get(client, "/").content.decode()
    editor = UserFactory(groups=["Redaktør"])
    client.force_login(editor)
    with committed():
        client.post(
            "/admin/articles/article/",
            list_action("unpublish_selected", article),
        )
    client.logout()
    assert "Trækkes tilbage" not in get(client, "/").content.decode()
    assert client.get(article.get_absolute_url()).status_code == 404


def test_goal_changes_show(client, committed):
    goal = GoalFactory(programme=GoalProgrammeFactory(is_current=True), title="Før")
    get(client, "/almene-maal/")
    goal.title = "Efter"
    with committed():
        goal.save()
    assert "Efter" in get(client, "/almene-maal/").content.decode()


def test_scheduled_article_appears_on_time_on_cached_pages(client):
    ArticleFactory(title="Allerede ude")
    soon = ArticleFactory(
        title="Kommer om lidt", published_at=timezone.now() + timedelta(seconds=1.5)
    )
    page = get(client, "/")
    assert "Kommer om lidt" not in page.content.decode()
    assert "Se alle artikler (1)" in page.content.decode()
    assert int(page["Cache-Control"].split("max-age=")[1]) <= 2
    assert get(client, "/")["X-Page-Cache"] == "hit"
    time.sleep(max(0.0, (soon.published_at - timezone.now()).total_seconds()) + 0.2)
    page = get(client, "/")
    assert page["X-Page-Cache"] == "miss" and "Kommer om lidt" in page.content.decode()
    # The count is read with the time of the next publication (store.publication_clock):
    # it moves with it, in the same content version.
    assert "Se alle artikler (2)" in page.content.decode()


def test_lifetime_is_cut_to_the_next_publication(committed):
    assert store.lifetime(600) == 600
    with committed():
        ArticleFactory(scheduled=True, published_at=timezone.now() + timedelta(seconds=30))
    assert 28 <= store.lifetime(600) <= 30


def test_the_published_count_follows_every_change(committed):
    """The count is the content version's (counted when a change is made) less the articles
    still to come: right after a publication, a scheduling, an unpublication, a deletion."""
    editor = UserFactory(groups=["Redaktør"])

    def counted():
        caching.forget_local_state()
        cache.clear()
        return store.published_count()

    with committed():
        ArticleFactory.create_batch(2)
        ArticleFactory(scheduled=True, published_at=timezone.now() + timedelta(hours=1))
        draft = ArticleFactory(draft=True, with_image=True)
    assert counted() == 2 == Article.objects.published().count()
    with committed():
        workflow.publish(draft, editor)
    assert counted() == 3
    with committed():
        workflow.unpublish(draft, editor)
    assert counted() == 2
    with committed():
        Article.objects.published().first().delete()
    assert counted() == 1 == Article.objects.published().count()


def test_a_cold_count_reads_one_row(committed):
    """The clock comes with the versions: the count and the schedule that the last change
    wrote on the version's row. A page built cold reads that row and no article at all, so it
    costs the same however many articles are out, and asks nothing more for the clock."""
    with committed():
        ArticleFactory.create_batch(3)
        ArticleFactory(scheduled=True, published_at=timezone.now() + timedelta(hours=1))
    caching.forget_local_state()
    cache.clear()
    with CaptureQueriesContext(connection) as reading:
        store.versions()  # as every page does first
    with CaptureQueriesContext(connection) as clock:
        assert store.publication_clock()[1] == 3
        assert 3590 < store.seconds_to_next_publication() <= 3600
    assert not clock.captured_queries
    assert not [q["sql"] for q in reading if "articles_article" in q["sql"]]


def test_a_scheduled_article_comes_out_between_two_readings(committed):
    """Between two readings of the versions, the count and the next publication move with
    the time, by the schedule on the version's row, without asking the database."""
    with committed():
        ArticleFactory.create_batch(2)
        soon = ArticleFactory(scheduled=True, published_at=timezone.now() + timedelta(seconds=1))
        later = ArticleFactory(scheduled=True, published_at=timezone.now() + timedelta(hours=2))
    caching.forget_local_state()
    assert store.publication_clock() == (soon.published_at.timestamp(), 2)
    time.sleep(max(0.0, (soon.published_at - timezone.now()).total_seconds()) + 0.05)
    with CaptureQueriesContext(connection) as clock:
        assert store.publication_clock() == (later.published_at.timestamp(), 3)
    assert not [q for q in clock if "articles_article" in q["sql"]]
    assert store.published_count() == Article.objects.published().count()


def test_a_schedule_longer_than_the_row_keeps_is_asked_for(committed, monkeypatch):
    """The row keeps so many scheduled publications; with more than that, the clock asks the
    database (once per version, and again when the next one is out)."""
    monkeypatch.setattr(store, "SCHEDULE_KEPT", 2)
    with committed():
        ArticleFactory()
        first, second, _last = (
            ArticleFactory(scheduled=True, published_at=timezone.now() + timedelta(seconds=s))
            for s in (0.5, 3600, 7200)
        )
    caching.forget_local_state()
    assert len(store.versions().schedule) == 2
    assert store.publication_clock() == (first.published_at.timestamp(), 1)
    time.sleep(max(0.0, (first.published_at - timezone.now()).total_seconds()) + 0.05)
    assert store.publication_clock() == (second.published_at.timestamp(), 2)
    assert store.published_count() == Article.objects.published().count()


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="two writers at once need PostgreSQL's locks"
)
def test_two_publications_at_once_are_both_counted():
    """The second writer waits for the first at the version's row, and counts after: a count
    made with the second writer's first statement would not see the first's article."""
    from articles.models import ContentVersion

    ContentVersion.objects.get_or_create(pk=1, defaults={"number": 1})
    editor = UserFactory(groups=["Redaktør"])
    first, second = (ArticleFactory(draft=True, with_image=True) for _ in range(2))

    def publish_the_other():
        workflow.publish(Article.objects.get(pk=second.pk), editor)

    with second_writer(publish_the_other) as go, transaction.atomic():
        workflow.publish(first, editor)
        go()
        until_another_waits_for_a_lock()  # the other writer, at the version's row
    assert ContentVersion.objects.get().published == 2 == Article.objects.published().count()


def test_readers_with_a_list_and_staff_get_the_stored_page_filled_for_them(client):
    article = ArticleFactory()
    get(client, article.get_absolute_url())  # stored, for everyone
    client.post("/laeseliste/tilfoej/", {"artikel": article.pk}, **SAME_ORIGIN)
    page = get(client, article.get_absolute_url())
    assert page["X-Page-Cache"] == "hit" and "private" in page["Cache-Control"]
    assert 'aria-pressed="true"' in page.content.decode()
    assert "data-reading-list-count>1<" in page.content.decode()

    client.cookies.clear()
    client.force_login(UserFactory())
    page = get(client, article.get_absolute_url())
    assert page["X-Page-Cache"] == "hit" and "private" in page["Cache-Control"]
    assert 'aria-pressed="true"' not in page.content.decode()


def test_cached_page_never_carries_a_readers_state(client):
    article = ArticleFactory()
    client.post("/laeseliste/tilfoej/", {"artikel": article.pk}, **SAME_ORIGIN)
    get(client, article.get_absolute_url())  # a personal page: must not be stored
    client.cookies.clear()
    page = get(client, article.get_absolute_url())
    assert 'aria-pressed="true"' not in page.content.decode()
    assert "data-reading-list-count>0<" in page.content.decode()


def test_the_site_works_without_its_cache(client, settings):
    settings.CACHES = settings.CACHES | {
        "default": {
            "BACKEND": "articles.caching.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.1, "socket_timeout": 0.1},
        }
    }
    article = ArticleFactory(title="Uden cache")
    for url in ["/", article.get_absolute_url(), "/artikler/", "/almene-maal/"]:
        response = client.get(url)
        assert response.status_code in (200, 404), url
    assert "Uden cache" in get(client, article.get_absolute_url()).content.decode()
    # After the first failure the cache is left alone for a while: no timeout per request.
    assert store._cache_down_until > time.monotonic()
    assert store.safe_get("anything", "fallback") == "fallback"
    cache.close()


def test_shared_fragments_keep_readers_buttons_their_own(client, settings, committed):
    settings.PAGE_CACHE_SECONDS = 0  # the reader's page is built for them from fragments
    article = ArticleFactory(title="Hovedartikel", tags=["Fælles"])
    related = ArticleFactory(title="Relateret", tags=["Fælles"])
    from django.test import Client

    stranger = Client()
    assert 'aria-pressed="true"' not in get(stranger, article.get_absolute_url()).content.decode()
    client.post("/laeseliste/tilfoej/", {"artikel": related.pk}, **SAME_ORIGIN)

    page = get(client, article.get_absolute_url()).content.decode()
    card = page[page.index("Læs også") :]
    assert (
        'aria-pressed="true">Tilføjet til læselisten<span class="visually-hidden">: Relateret'
        in card
    )
    assert "data-reading-list-count>1<" in page
    page = get(stranger, article.get_absolute_url()).content.decode()
    assert 'aria-pressed="true"' not in page and "data-reading-list-count>0<" in page

    article.title = "Ny overskrift"
    with committed():
        article.save()
    assert (
        '<h1 class="article__title">Ny overskrift</h1>'
        in get(client, article.get_absolute_url()).content.decode()
    )


def test_unknown_slugs_are_not_remembered(client):
    for _ in range(3):
        assert client.get("/emner/findes-ikke/").status_code == 404
    assert not [key for key in remembered._local_values if "findes-ikke" in key]
    assert cache.get(store.versioned("object:articles.tag:slug=findes-ikke")) is None


def test_a_fragment_one_worker_rendered_serves_the_others(client, settings):
    """With Redis, rendered fragments are shared: a worker that has not rendered an article
    (another process, or a fresh one after gunicorn recycled it) takes them from the cache."""
    settings.PAGE_CACHE_SECONDS = 0
    settings.CACHES = settings.CACHES | {
        "fragments": settings.CACHES["fragments"]
        | {"BACKEND": "articles.caching.fragments.SharedFragmentCache"}
    }
    article = ArticleFactory(authors=[AuthorFactory(), AuthorFactory()], with_image=True)

    def queries_of_a_worker_that_never_saw_the_article(shared_too: bool) -> int:
        LocMemCache.clear(caches["fragments"])  # this process's copies only
        if shared_too:
            caches["fragments"].clear()
            cache.clear()
        caching.forget_local_state()
        with CaptureQueriesContext(connection) as queries:
            get(client, article.get_absolute_url())
        return len(queries)

    get(client, article.get_absolute_url())
    with CaptureQueriesContext(connection) as warm:
        get(client, article.get_absolute_url())
    # A worker that never saw the article reads the content version and the articles changed
    # since the structure did (once a second), no more.
    assert queries_of_a_worker_that_never_saw_the_article(shared_too=False) == len(warm) + 2
    assert queries_of_a_worker_that_never_saw_the_article(shared_too=True) > len(warm)


def test_fragments_made_under_another_secret_key_are_not_shown(client, settings):
    """Fragments carry the page's hole markers, made with the site's secret key. After the key
    is changed (a new release, a leaked key), or beside another site on the same Redis, a
    fragment made under another key would show its markers as text, and both states of every
    reading-list button: each key's fragments are kept apart."""
    settings.PAGE_CACHE_SECONDS = 0
    settings.CACHES = settings.CACHES | {
        "fragments": settings.CACHES["fragments"]
        | {"BACKEND": "articles.caching.fragments.SharedFragmentCache"}
    }
    article = ArticleFactory(authors=[AuthorFactory()], tags=["Klima"], with_image=True)
    ArticleFactory(tags=["Klima"], title="Også om klima")
    before = get(client, article.get_absolute_url()).content.decode()
    LocMemCache.clear(caches["fragments"])  # a fresh worker, under the new key
    caching.forget_local_state()
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "another-secret-key-after-a-rotation-" + "x" * 30
    holes.site_token.cache_clear()
    try:
        after = get(client, article.get_absolute_url()).content.decode()
    finally:
        holes.site_token.cache_clear()
    for page in (before, after):
        assert holes.START not in page and holes.END not in page
        assert page.count("Læs senere") == before.count("Læs senere") > 0
        assert "Også om klima" in page


def test_a_page_asks_the_shared_cache_for_its_fragments_in_one_round_trip(client, settings):
    """An article page has eight fragments: built afresh, it asks the shared cache for all
    of them at once (one get_many), then none one by one, whether they were there or not;
    and what it found there is what it shows. The page itself is asked for once."""
    settings.PAGE_CACHE_SECONDS = 600
    settings.CACHES = settings.CACHES | {
        "fragments": settings.CACHES["fragments"]
        | {"BACKEND": "articles.caching.fragments.SharedFragmentCache"}
    }
    article = ArticleFactory(authors=[AuthorFactory()], tags=["Klima"], with_image=True)
    ArticleFactory(tags=["Klima"])
    asked: list[list[str]] = []
    inside_get_many = []  # a LocMemCache's get_many calls its own get for each key

    def fragment_keys(keys):
        return [key for key in keys if key.startswith("fragment:")]

    real_get, real_get_many = cache.get, cache.get_many

    page_asked = []

    def counting_get(key, *args, **kwargs):
        if not inside_get_many and fragment_keys([key]):
            asked.append([key])
        if key.startswith("pages:"):
            page_asked.append(key)
        return real_get(key, *args, **kwargs)

    def counting_get_many(keys, *args, **kwargs):
        if fragment_keys(keys):
            asked.append(fragment_keys(keys))
        inside_get_many.append(True)
        try:
            return real_get_many(keys, *args, **kwargs)
        finally:
            inside_get_many.pop()

    def built_afresh_by_a_worker_that_never_saw_it():
        asked.clear()
        page_asked.clear()
        LocMemCache.clear(caches["fragments"])  # this process's copies only
        caching.forget_local_state()
        cache.delete(pages.page_cache_key(RequestFactory().get(article.get_absolute_url())))
        return client.get(article.get_absolute_url())

    cache.get, cache.get_many = counting_get, counting_get_many
    try:
        cold = built_afresh_by_a_worker_that_never_saw_it()
        assert cold["X-Page-Cache"] == "miss"
        assert len(asked) == 1 and len(asked[0]) >= 8  # all the fragments, at once
        assert len(page_asked) == 1  # the middleware asked; the view knows it is not there
        again = built_afresh_by_a_worker_that_never_saw_it()
        assert again["X-Page-Cache"] == "miss"
        assert len(asked) == 1 and len(asked[0]) >= 8  # found there this time
    finally:
        del cache.get, cache.get_many
    assert again.content == cold.content


def test_the_content_version_changes_only_once_a_change_is_committed(
    django_capture_on_commit_callbacks,
):
    """Bumped inside the transaction, the new version would be read by requests that still
    see the old rows, and the old page would be kept under it (issue 11, item 3)."""
    article = ArticleFactory()
    before = store.content_version()
    with django_capture_on_commit_callbacks() as after_commit:
        article.title = "Ændret"
        article.save()
        assert store.content_version() == before
    assert after_commit
    for callback in after_commit:
        callback()
    assert store.content_version() != before


def test_the_sitemap_follows_unpublishing_at_once(client, committed):
    article = ArticleFactory(title="Forsvinder", with_image=True)
    editor = UserFactory(groups=["Redaktør"])
    assert article.slug in get(client, "/sitemap-artikler.xml").content.decode()
    assert get(client, "/sitemap-artikler.xml")["X-Page-Cache"] == "hit"
    with committed():
        workflow.unpublish(article, editor)
    assert article.slug not in get(client, "/sitemap-artikler.xml").content.decode()
    assert client.get(article.get_absolute_url()).status_code == 404


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs a second connection that reads the last committed rows while a change is "
    "open (SQLite's in-memory test database locks the table instead)",
)
def test_a_page_built_while_an_unpublish_commits_is_never_served(settings):
    """The race, step by step: an editor's unpublish is saved but not yet committed; another
    request (its own connection, so it still sees the article published) builds and stores
    the page; then the change commits. The next reader must get the 404, not that page."""
    article = ArticleFactory(title="Trækkes tilbage", with_image=True)
    editor = UserFactory(groups=["Redaktør"])
    url = article.get_absolute_url()
    built_in_between = []

    def another_request():
        try:
            built_in_between.append(Client().get(url))
        finally:
            connections.close_all()

    with transaction.atomic():
        workflow.unpublish(article, editor)
        other = threading.Thread(target=another_request)
        other.start()
        other.join()
    page = built_in_between[0]
    assert page.status_code == 200 and page["X-Page-Cache"] == "miss"  # the old state

    after = Client().get(url)
    assert after.status_code == 404
    assert "Trækkes tilbage" not in Client().get("/").content.decode()


def test_fragments_never_outlive_the_next_scheduled_publication(client, settings):
    """The author box names the author's latest other article: it is kept rendered for the
    content version, but no longer than until a scheduled article appears (issue 13)."""
    settings.PAGE_CACHE_SECONDS = 0  # the page is built each time, from its fragments
    author = AuthorFactory(name="Mette Holm")
    article = ArticleFactory(authors=[author], title="Den første")
    soon = ArticleFactory(
        authors=[author],
        title="Den planlagte",
        # Far enough ahead that the first page is built before it, on a busy machine too.
        published_at=timezone.now() + timedelta(seconds=2.5),
    )
    assert "Den planlagte" not in get(client, article.get_absolute_url()).content.decode()
    time.sleep(max(0.0, (soon.published_at - timezone.now()).total_seconds()) + 0.2)
    box = get(client, article.get_absolute_url()).content.decode()
    assert "Den planlagte" in box[box.index("Om skribenten") :]


def test_a_reading_of_the_version_begun_before_a_commit_is_not_kept(monkeypatch):
    """Another thread of this process commits a change while this one reads the versions:
    the older reading must not become the memo, or the change would not show here for a
    second (an offline copy's check then saw a page with the mark from before a takedown)."""
    store.forget_versions()
    read = store._read_versions

    def read_while_a_change_commits(previous):
        versions = read(previous)
        store.forget_versions()  # the other thread's change has committed meanwhile
        return versions

    monkeypatch.setattr(store, "_read_versions", read_while_a_change_commits)
    store.content_version()
    monkeypatch.setattr(store, "_read_versions", read)
    assert store._version_memo is None
    store.content_version()
    assert store._version_memo is not None


def test_values_worked_out_for_a_request_are_written_together_when_it_ends(client):
    """A cold page makes dozens of fragments and remembered values: they reach the shared
    cache in one go when the request ends, not one round trip each, and every one of them
    does reach it."""
    with store.writes_at_end():
        store.set_later("eins", 1, 60)
        store.set_later("zwei", 2, 60)
        assert cache.get("eins") is None  # not yet
    assert cache.get_many(["eins", "zwei"]) == {"eins": 1, "zwei": 2}
    store.set_later("drei", 3, 60)  # outside a request: at once
    assert cache.get("drei") == 3

    article = ArticleFactory()
    client.get(article.get_absolute_url())  # through the middleware
    # The header's sections, remembered for the page, were written.
    assert cache.get(store.versioned("sections"))
