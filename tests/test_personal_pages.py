"""Readers with a reading list, and logged-in readers, get the stored public page with its
holes filled for them (issue 13): the same page a full render would give them, never another
reader's state, and never their state in what is stored."""

import gzip

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from articles.caching import holes, pages, readers
from articles.models import Article, ReadingListItem, state_change

from .factories import ArticleFactory, GoalFactory, GoalProgrammeFactory, UserFactory, relate

pytestmark = pytest.mark.django_db
SAME_ORIGIN = {"HTTP_ORIGIN": "http://testserver"}


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def site():
    """An article with curated related articles and suggestions, on the front page and in
    the archive, and a goal page."""
    goal = GoalFactory(programme=GoalProgrammeFactory(is_current=True))
    article = ArticleFactory(title="Hovedartiklen", tags=["Fælles"])
    related = [ArticleFactory(title=f"Relateret {n}", tags=["Fælles"]) for n in range(2)]
    relate(article, *related)
    others = [ArticleFactory(title=f"Forslag {n}") for n in range(8)]
    for each in [article, *others[:2]]:
        each.goals.add(goal)
    return {"article": article, "related": related, "others": others, "goal": goal}


def urls(site):
    return [
        site["article"].get_absolute_url(),
        "/",
        "/artikler/",
        "/artikler/?side=1",
        site["goal"].get_absolute_url(),
        "/soeg/?q=forslag",
    ]


def add(client, article):
    response = client.post("/laeseliste/tilfoej/", {"artikel": article.pk}, **SAME_ORIGIN)
    assert response.status_code == 302


def full_render(client, url, settings):
    """The page as the site builds it from scratch for this client (no page cache)."""
    settings.PAGE_CACHE_SECONDS = 0
    try:
        return client.get(url).content
    finally:
        settings.PAGE_CACHE_SECONDS = 600


def test_a_filled_page_is_the_page_a_full_render_gives_the_reader(client, site, settings):
    reader = client
    add(reader, site["article"])
    add(reader, site["others"][0])
    add(reader, site["related"][1])
    Client().get(site["article"].get_absolute_url())  # stored by a visitor without a list
    for url in urls(site):
        Client().get(url)  # stored
        filled = reader.get(url)
        assert filled["X-Page-Cache"] == "hit", url
        assert "private" in filled["Cache-Control"], url
        assert filled.content == full_render(reader, url, settings), url


def test_the_reader_sees_their_list_and_suggestions_without_it(client, site):
    add(client, site["others"][0])
    add(client, site["others"][1])
    Client().get(site["article"].get_absolute_url())
    page = client.get(site["article"].get_absolute_url()).content.decode()
    assert "data-reading-list-count>2<" in page
    band = page[page.index("Fik du læst disse?") :]
    assert "Forslag 0" not in band and "Forslag 1" not in band
    assert band.count('class="card__title"') == 4
    assert f'data-article="{site["article"].pk}"' in page


def test_two_readers_alternately_each_see_their_own(site):
    first, second, stranger = Client(), Client(), Client()
    add(first, site["others"][0])
    add(second, site["others"][1])
    add(second, site["others"][2])
    url = "/artikler/"
    for _ in range(3):
        for client, count, mine, theirs in (
            (first, 1, site["others"][0], site["others"][1]),
            (second, 2, site["others"][1], site["others"][0]),
        ):
            page = client.get(url).content.decode()
            assert f"data-reading-list-count>{count}<" in page
            assert pressed(page, mine) and not pressed(page, theirs)
        page = stranger.get(url).content.decode()
        assert "data-reading-list-count>0<" in page and 'aria-pressed="true"' not in page


def pressed(page: str, article) -> bool:
    start = page.index(f'data-article="{article.pk}"')
    return 'aria-pressed="true"' in page[start : page.index("</form>", start)]


def test_nothing_personal_is_ever_stored(client, site):
    user = UserFactory(is_staff=False)
    add(client, site["others"][0])
    logged_in = Client()
    logged_in.force_login(user)
    add(logged_in, site["others"][1])
    for url in urls(site):
        client.get(url)  # the first to ask: a reader with a list
        logged_in.get(url)
    entries = [cache.get(pages.page_cache_key(RequestFactory().get(url))) for url in urls(site)]
    assert all(entries)
    for content, gzipped, page, _headers, _opens, _expires, _number, _rendered_at in entries:
        assert gzip.decompress(gzipped) == content  # the same page, for browsers taking gzip
        shared = content.decode()
        assert "data-reading-list-count>0<" in shared or "data-reading-list-count" not in shared
        assert 'aria-pressed="true"' not in shared
        assert holes.START not in shared
        if page is not None:
            assert page.fill(None) == content
            for part in page.parts:
                if isinstance(part, str):
                    assert 'aria-pressed="true"' not in part


def test_a_reader_with_a_kept_state_costs_no_query(client, site):
    add(client, site["others"][0])
    url = site["article"].get_absolute_url()
    client.get(url)
    client.get(url)  # the state is kept, the page stored
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response["X-Page-Cache"] == "hit"
    assert len(queries) == 0, [query["sql"] for query in queries]


def test_a_change_to_the_list_shows_at_once(client, site):
    url = "/artikler/"
    add(client, site["others"][0])
    assert "data-reading-list-count>1<" in client.get(url).content.decode()
    add(client, site["others"][1])
    page = client.get(url).content.decode()
    assert "data-reading-list-count>2<" in page and pressed(page, site["others"][1])
    client.post("/laeseliste/fjern/", {"artikel": site["others"][0].pk}, **SAME_ORIGIN)
    page = client.get(url).content.decode()
    assert "data-reading-list-count>1<" in page and not pressed(page, site["others"][0])


def test_opening_a_saved_article_from_the_store_marks_it_read(client, site):
    article = site["others"][3]
    add(client, article)
    Client().get(article.get_absolute_url())  # stored
    client.get("/")  # the reader's state kept
    response = client.get(article.get_absolute_url())
    assert response["X-Page-Cache"] == "hit"
    assert ReadingListItem.objects.get(article=article).read_at is not None


def test_a_logged_in_reader_gets_the_stored_page_filled(site):
    user = UserFactory(is_staff=False)
    client = Client()
    client.force_login(user)
    add(client, site["others"][2])
    url = site["article"].get_absolute_url()
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response["X-Page-Cache"] == "hit" and "private" in response["Cache-Control"]
    assert "data-reading-list-count>1<" in response.content.decode()
    assert len(queries) == 0, [query["sql"] for query in queries]


def test_a_session_ended_by_a_password_change_is_not_filled(site):
    user = UserFactory(is_staff=False)
    client = Client()
    client.force_login(user)
    add(client, site["others"][2])
    url = "/artikler/"
    assert "data-reading-list-count>1<" in client.get(url).content.decode()
    user.set_password("et-helt-nyt-og-langt-kodeord")
    user.save()
    page = client.get(url).content.decode()
    # The old session no longer names the user: the page is everyone's.
    assert "data-reading-list-count>0<" in page


def test_a_tampered_cookie_goes_the_long_way_and_is_dropped(site):
    client = Client()
    client.cookies["laeseliste"] = "forfalsket"
    Client().get("/")
    response = client.get("/")
    assert response.cookies["laeseliste"].value == ""
    assert "data-reading-list-count>0<" in response.content.decode()


def test_an_unpublished_article_on_the_list_is_not_counted(client, site):
    gone = site["others"][4]
    add(client, gone)
    add(client, site["others"][5])
    with state_change():  # behind the workflow's back, on purpose
        Article.objects.filter(pk=gone.pk).update(status=Article.Status.DRAFT)
    readers.forget_state(client.cookies and reading_list_reader(client))
    assert "data-reading-list-count>1<" in client.get("/").content.decode()


def reading_list_reader(client):
    from django.http import HttpRequest

    request = HttpRequest()
    request.COOKIES["laeseliste"] = client.cookies["laeseliste"].value
    return readers.reader_of_cookie(
        request.get_signed_cookie(
            "laeseliste", salt=readers.COOKIE_SALT, max_age=readers.COOKIE_MAX_AGE
        )
    )


def test_the_cookie_is_made_anew_when_the_list_changes(client, site):
    """Each process keeps a reader's state by their cookie: a change to the list must give
    a new cookie, or another process would go on filling pages from the old list."""
    add(client, site["others"][0])
    first = client.cookies["laeseliste"].value
    client.get("/")
    add(client, site["others"][1])
    second = client.cookies["laeseliste"].value
    assert second != first
    client.post("/laeseliste/fjern/", {"artikel": site["others"][0].pk}, **SAME_ORIGIN)
    assert client.cookies["laeseliste"].value not in (first, second)
    # A cookie from before the marks (the reader's id alone) still names the list.
    reader = reading_list_reader(client)
    old = Client()
    old.cookies["laeseliste"] = signed(str(reader))
    assert "data-reading-list-count>1<" in old.get("/").content.decode()


def test_an_article_opened_from_the_store_is_marked_read_once(client, site):
    article = site["others"][3]
    add(client, article)
    Client().get(article.get_absolute_url())  # stored
    client.get("/")
    client.get(article.get_absolute_url())  # marked read here
    with CaptureQueriesContext(connection) as queries:
        client.get(article.get_absolute_url())
    assert len(queries) == 0


def signed(value: str) -> str:
    from django.http import HttpResponse

    response = HttpResponse()
    response.set_signed_cookie("laeseliste", value, salt=readers.COOKIE_SALT)
    return response.cookies["laeseliste"].value
