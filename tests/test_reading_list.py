"""The reading list: adding, removing, reading, the cookie, the merge at login, caching."""

import threading
import uuid
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, Reader, ReadingListItem, state_change
from articles.reading_list import COOKIE_NAME, COOKIE_SALT, MAX_ITEMS, reader_of_cookie

from .factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db

ADD, REMOVE, READ = "/laeseliste/tilfoej/", "/laeseliste/fjern/", "/laeseliste/laest/"
SAME_ORIGIN = {"HTTP_ORIGIN": "http://testserver"}
JSON = {"HTTP_ACCEPT": "application/json", **SAME_ORIGIN}


def add(client, article, **extra):
    return client.post(ADD, {"artikel": article.pk, "naeste": "/"}, **(extra or SAME_ORIGIN))


def signed_cookie(value: str) -> str:
    """The cookie value the site would set for ``value`` (signed with the site's key)."""
    response = HttpResponse()
    response.set_signed_cookie(COOKIE_NAME, value, salt=COOKIE_SALT)
    return response.cookies[COOKIE_NAME].value


def reader_of(client) -> Reader:
    """The reader the client's cookie names, read the way the site reads it."""
    request = HttpRequest()
    request.COOKIES[COOKIE_NAME] = client.cookies[COOKIE_NAME].value
    value = request.get_signed_cookie(COOKIE_NAME, salt=COOKIE_SALT)
    return Reader.objects.get(pk=reader_of_cookie(value))


class TestWithoutJavaScript:
    def test_add_sets_the_cookie_and_redirects_back(self, client):
        article = ArticleFactory(title="Gem mig")
        response = client.post(
            ADD, {"artikel": article.pk, "naeste": article.get_absolute_url()}, **SAME_ORIGIN
        )
        assert response.status_code == 302 and response.url == article.get_absolute_url()
        cookie = response.cookies[COOKIE_NAME]
        assert cookie["httponly"] and cookie["samesite"] == "Lax"
        assert int(cookie["max-age"]) >= 365 * 24 * 3600
        assert list(reader_of(client).items.values_list("article", flat=True)) == [article.pk]

        page = client.get(article.get_absolute_url()).content.decode()
        assert "data-reading-list-count>1</span> Læseliste" in page
        assert 'aria-pressed="true">Tilføjet til læselisten' in page

    def test_remove_and_mark_read_and_unread(self, client):
        article = ArticleFactory()
        add(client, article)
        client.post(READ, {"artikel": article.pk, "laest": "1"}, **SAME_ORIGIN)
        item = ReadingListItem.objects.get()
        assert item.read_at is not None
        client.post(READ, {"artikel": article.pk, "laest": "0"}, **SAME_ORIGIN)
        item.refresh_from_db()
        assert item.read_at is None
        response = client.post(REMOVE, {"artikel": article.pk}, **SAME_ORIGIN)
        assert response.status_code == 302 and response.url == "/laeseliste/"
        assert not ReadingListItem.objects.exists()

    def test_a_double_click_makes_one_item(self, client):
        article = ArticleFactory()
        add(client, article)
        add(client, article)
        assert ReadingListItem.objects.count() == 1

    def test_opening_an_article_marks_it_read(self, client):
        article = ArticleFactory()
        add(client, article)
        client.get(article.get_absolute_url())
        assert ReadingListItem.objects.get().read_at is not None
        page = client.get("/laeseliste/").content.decode()
        assert "Læst " in page and "Marker som ulæst" in page


class TestWithJavaScript:
    def test_json_answers(self, client):
        first, second = ArticleFactory(), ArticleFactory()
        assert add(client, first, **JSON).json() == {
            "artikel": first.pk,
            "paa_listen": True,
            "antal": 1,
            "adresse": first.get_absolute_url(),
        }
        assert add(client, second, **JSON).json()["antal"] == 2
        response = client.post(REMOVE, {"artikel": first.pk}, **JSON)
        assert response.json() == {
            "artikel": first.pk,
            "paa_listen": False,
            "antal": 1,
            "adresse": first.get_absolute_url(),
        }

    @pytest.mark.parametrize("bad", ["", "abc", "0", "-1", "²", "9" * 40, "1.5"])
    def test_unknown_article_gives_404_json(self, client, bad):
        response = client.post(ADD, {"artikel": bad}, **JSON)
        assert response.status_code == 404 and "fejl" in response.json()

    def test_unpublished_article_cannot_be_added(self, client):
        for article in (ArticleFactory(draft=True), ArticleFactory(scheduled=True)):
            assert add(client, article, **JSON).status_code == 404
        assert not ReadingListItem.objects.exists()

    @pytest.mark.parametrize("url", [ADD, REMOVE, READ])
    @pytest.mark.parametrize("headers", [JSON, SAME_ORIGIN], ids=["json", "form"])
    def test_a_drafts_id_is_answered_like_a_missing_one(self, client, url, headers):
        """No button tells an unpublished article's id from an id that does not exist
        (issue 11, item 7)."""
        add(client, ArticleFactory())  # a reader with a list: the answers could differ most
        draft, scheduled = ArticleFactory(draft=True), ArticleFactory(scheduled=True)
        missing = max(draft.pk, scheduled.pk) + 1000
        answers = [
            client.post(url, {"artikel": pk, "naeste": "/"}, **headers)
            for pk in (draft.pk, scheduled.pk, missing)
        ]
        assert {answer.status_code for answer in answers} == {404}
        assert answers[0].content == answers[1].content == answers[2].content

    def test_an_unpublished_article_on_the_list_can_still_be_removed(self, client):
        article = ArticleFactory()
        add(client, article)
        with state_change():  # behind the workflow's back, on purpose
            Article.objects.filter(pk=article.pk).update(status=Article.Status.DRAFT)
        assert client.post(READ, {"artikel": article.pk}, **JSON).status_code == 200
        response = client.post(REMOVE, {"artikel": article.pk}, **JSON)
        assert response.status_code == 200 and response.json()["paa_listen"] is False
        assert not ReadingListItem.objects.exists()


class TestSafety:
    @pytest.mark.parametrize(
        "headers",
        [
            {},  # no Origin and no Referer
            {"HTTP_ORIGIN": "https://evil.example"},
            {"HTTP_ORIGIN": "null"},
            {"HTTP_REFERER": "https://evil.example/side"},
            {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "cross-site"},
        ],
    )
    def test_cross_site_requests_are_refused(self, client, headers):
        article = ArticleFactory()
        response = client.post(ADD, {"artikel": article.pk}, **headers)
        assert response.status_code == 403
        assert not Reader.objects.exists() and COOKIE_NAME not in response.cookies

    def test_same_site_referer_is_accepted(self, client):
        article = ArticleFactory()
        response = client.post(
            ADD, {"artikel": article.pk}, HTTP_REFERER="http://testserver/artikler/"
        )
        assert response.status_code == 302

    @pytest.mark.parametrize(
        "target", ["/a\nb", "/a\r\nSet-Cookie: x=1", "\x00/", "/\\evil.example", "///evil.example"]
    )
    def test_odd_return_addresses_stay_on_the_site(self, client, target):
        article = ArticleFactory()
        response = client.post(ADD, {"artikel": article.pk, "naeste": target}, **SAME_ORIGIN)
        assert response.status_code == 302
        location = response["Location"]
        assert "\n" not in location and "\r" not in location
        assert urlsplit(location).netloc in ("", "testserver")
        assert "Set-Cookie: x=1" not in str(response.serialize_headers())

    def test_get_changes_nothing(self, client):
        article = ArticleFactory()
        assert client.get(ADD, {"artikel": article.pk}).status_code == 405

    @pytest.mark.parametrize(
        "target",
        [
            "https://evil.example/",
            "//evil.example/",
            "http://testserver.evil/",
            "javascript:alert(1)",
        ],
    )
    def test_no_open_redirect(self, client, target):
        article = ArticleFactory()
        response = client.post(ADD, {"artikel": article.pk, "naeste": target}, **SAME_ORIGIN)
        assert response.status_code == 302 and response.url == "/laeseliste/"

    def test_tampered_cookie_gives_a_fresh_list(self, client):
        article = ArticleFactory()
        add(client, article)
        good = client.cookies[COOKIE_NAME].value
        client.cookies[COOKIE_NAME] = good[:-3] + ("abc" if not good.endswith("abc") else "xyz")
        response = client.get("/laeseliste/")
        assert response.status_code == 200
        assert "Din læseliste er tom." in response.content.decode()
        assert response.cookies[COOKIE_NAME].value == ""  # the broken cookie is dropped

    def test_cookie_for_an_unknown_reader_gives_a_fresh_list(self, client):
        client.cookies[COOKIE_NAME] = signed_cookie(str(uuid.uuid4()))
        response = client.get("/")
        assert (
            response.status_code == 200
            and "data-reading-list-count>0<" in response.content.decode()
        )

    def test_one_reader_never_sees_anothers_list(self, client):
        article = ArticleFactory(title="Kun for den første")
        add(client, article)
        other = Client()
        page = other.get("/laeseliste/").content.decode()
        assert "Kun for den første" not in page and "Din læseliste er tom." in page

    def test_the_cap(self, client):
        article = ArticleFactory()
        add(client, article)
        reader = reader_of(client)
        ReadingListItem.objects.bulk_create(
            ReadingListItem(reader=reader, article=ArticleFactory()) for _ in range(MAX_ITEMS - 1)
        )
        extra = ArticleFactory()
        response = add(client, extra, **JSON)
        assert response.status_code == 409 and "fuld (500 artikler)" in response.json()["fejl"]
        response = add(client, extra)
        assert response.url == "/laeseliste/?fuld=1"
        assert "Din læseliste er fuld" in client.get(response.url).content.decode()
        assert reader.items.count() == MAX_ITEMS


class TestListPage:
    def test_empty_list_explains_the_feature(self, client):
        page = client.get("/laeseliste/").content.decode()
        assert "Din læseliste er tom." in page and "Læs senere" in page

    def test_newest_added_first_with_actions(self, client):
        first, second = ArticleFactory(title="Først gemt"), ArticleFactory(title="Sidst gemt")
        add(client, first)
        add(client, second)
        page = client.get("/laeseliste/").content.decode()
        assert page.index("Sidst gemt") < page.index("Først gemt")
        assert page.count(">Læs nu<") == 2 and page.count(">Fjern<") == 2
        assert page.count("Ikke læst") == 2

    def test_unpublished_articles_drop_out_and_come_back(self, client):
        article = ArticleFactory(title="Bliver trukket tilbage")
        add(client, article)
        with state_change():  # behind the workflow's back, on purpose
            Article.objects.filter(pk=article.pk).update(status=Article.Status.DRAFT)
        response = client.get("/laeseliste/")
        page = response.content.decode()
        assert response.status_code == 200 and "Bliver trukket tilbage" not in page
        assert "1 af dine gemte artikler er ikke længere tilgængelig" in page
        assert "data-reading-list-count>0<" in page

        with state_change():  # behind the workflow's back, on purpose
            Article.objects.filter(pk=article.pk).update(status=Article.Status.PUBLISHED)
        assert "Bliver trukket tilbage" in client.get("/laeseliste/").content.decode()

    def test_query_count_does_not_grow_with_the_list(
        self, client, django_assert_max_num_queries, committed
    ):
        add(client, ArticleFactory(with_image=True))
        with CaptureQueriesContext(connection) as one:
            client.get("/laeseliste/")
        reader = reader_of(client)
        with committed():
            ReadingListItem.objects.bulk_create(
                ReadingListItem(reader=reader, article=ArticleFactory(with_image=True))
                for _ in range(99)
            )
        with CaptureQueriesContext(connection) as hundred:
            page = client.get("/laeseliste/").content.decode()
        assert page.count(">Fjern<") == 100
        assert len(hundred) == len(one)
        with django_assert_max_num_queries(6):
            client.get("/laeseliste/")

    def test_never_cached(self, client):
        response = client.get("/laeseliste/")
        assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]


class TestAccounts:
    def test_logged_in_user_keeps_the_list_on_the_account(self, client):
        user = UserFactory(is_staff=False)
        client.force_login(user)
        article = ArticleFactory()
        response = add(client, article)
        assert COOKIE_NAME not in response.cookies
        assert Reader.objects.get().user == user

    def test_anonymous_list_merges_into_account_at_login(self, client):
        user = UserFactory(username="laeser")
        shared, only_anonymous, only_account = ArticleFactory(), ArticleFactory(), ArticleFactory()
        account = Reader.objects.create(user=user)
        ReadingListItem.objects.create(reader=account, article=shared)
        ReadingListItem.objects.create(reader=account, article=only_account)
        add(client, shared)
        add(client, only_anonymous)
        client.post(READ, {"artikel": only_anonymous.pk}, **SAME_ORIGIN)
        anonymous = reader_of(client)

        response = client.post(
            "/admin/login/", {"username": "laeser", "password": "en-lang-og-god-adgangskode"}
        )
        assert response.status_code == 302
        assert set(account.items.values_list("article", flat=True)) == {
            shared.pk,
            only_anonymous.pk,
            only_account.pk,
        }
        assert account.items.get(article=only_anonymous).read_at is not None
        assert not Reader.objects.filter(pk=anonymous.pk).exists()
        assert response.cookies[COOKIE_NAME].value == ""


class TestCachingHeaders:
    def test_visitors_without_a_list_share_one_cacheable_page(self, client):
        article = ArticleFactory()
        for url in [
            "/",
            "/artikler/",
            article.get_absolute_url(),
            article.section.get_absolute_url(),
        ]:
            first, second = client.get(url), Client().get(url)
            assert first["Cache-Control"] == "public, max-age=60", url
            assert "Cookie" in first["Vary"]
            assert not first.cookies, url  # no cookie of any kind
            assert first.content == second.content, url

    def test_a_reader_with_a_list_gets_private_pages(self, client):
        article = ArticleFactory()
        add(client, article)
        response = client.get(article.get_absolute_url())
        assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]
        assert "Cookie" in response["Vary"]

    def test_logged_in_users_get_private_pages(self, client):
        client.force_login(UserFactory())
        assert "private" in client.get("/")["Cache-Control"]


def test_suggestions_leave_out_the_readers_list(client):
    article = ArticleFactory()
    others = [ArticleFactory() for _ in range(6)]
    add(client, others[0])
    add(client, others[1])
    page = client.get(article.get_absolute_url()).content.decode()
    band = page[page.index("Fik du læst disse?") :]
    band = band[: band.index("</section>")]
    assert others[0].title not in band and others[1].title not in band
    assert band.count('class="card__title"') == 4


def test_public_pages_cost_one_query_more_with_a_list(client):
    ArticleFactory()
    with CaptureQueriesContext(connection) as without:
        client.get("/")
    add(client, ArticleFactory())
    client.get("/")
    with CaptureQueriesContext(connection) as with_list:
        client.get("/")
    assert len(with_list) <= len(without) + 2  # the reader and the ids on the list


def test_purge_removes_only_old_anonymous_readers():
    old = Reader.objects.create(last_seen_at=timezone.now() - timedelta(days=500))
    recent = Reader.objects.create()
    account = Reader.objects.create(
        user=UserFactory(), last_seen_at=timezone.now() - timedelta(days=900)
    )
    call_command("purge_readers", days=400)
    assert set(Reader.objects.all()) == {recent, account}
    assert not Reader.objects.filter(pk=old.pk).exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL's concurrency")
@pytest.mark.django_db(transaction=True)
def test_twenty_simultaneous_adds_make_one_item():
    article = ArticleFactory()
    starter = Client()
    add(starter, ArticleFactory())  # the reader exists, as after a first click
    cookie = starter.cookies[COOKIE_NAME].value
    barrier = threading.Barrier(20)
    statuses = []

    def click():
        client = Client()
        client.cookies[COOKIE_NAME] = cookie
        barrier.wait()
        try:
            statuses.append(add(client, article, **JSON).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=click) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [200] * 20
    assert ReadingListItem.objects.filter(article=article).count() == 1
