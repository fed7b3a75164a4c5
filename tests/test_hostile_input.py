"""Hostile input: every query parameter of every public page, the admin's changelist filters
and the reading list's forms answer with a page, a redirect, a 404 or a 400, never a 500.

The values go out as raw query strings, so that what no browser would send (invalid UTF-8,
a raw NUL byte) reaches the site as an attacker would send it. Each test walks one address
with every value and lists every answer that went wrong, not only the first.
"""

import re
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from django.db import connection, transaction
from django.template.loader import render_to_string
from django.test import Client

from .factories import (
    ArticleFactory,
    AuthorFactory,
    GoalFactory,
    GoalProgrammeFactory,
    SectionFactory,
    TagFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"


def text(value: str):
    """A value as a browser would send it, percent-encoded."""
    return lambda name: urlencode({name: value})


def raw(template: str):
    """A query string written by hand: bytes and shapes no form produces."""
    return lambda name: template.format(name=name)


# Each makes the query string that gives one parameter a hostile value.
HOSTILE = {
    "nul": text("\x00"),
    "nul-inside": text("a\x00b"),
    "nul-raw-byte": raw("{name}=a\x00b"),
    "nul-in-name": raw("{name}%00=1"),
    "invalid-utf8": raw("{name}=%ff"),
    "overlong-utf8": raw("{name}=%c0%80"),
    "utf8-surrogate": raw("{name}=%ed%a0%80"),
    "raw-latin1-byte": raw("{name}=\xff"),
    "long-text": text("x" * 10_000),
    "long-digits": text("9" * 10_000),
    "minus-one": text("-1"),
    "zero": text("0"),
    "huge-number": text("99999999999999999999999"),
    "exponent": text("1e5"),
    "arabic-indic-digits": text("١٢"),
    "script": text(SCRIPT),
    "sql": text("' OR 1=1 --"),
    "path": text("../../etc/passwd"),
    "repeated": raw("{name}=1&{name}=2"),
    "empty": raw("{name}="),
    "no-equals-sign": raw("{name}"),
    "whitespace": text(" \t\r\n "),
    "emoji": text("😀🏘️"),
}
HAS_NUL = {"nul", "nul-inside", "nul-raw-byte", "nul-in-name"}
# A parameter no page reads, like the tracking parameters links arrive with; the listings
# keep such parameters in their page links.
UNKNOWN = "utm_source"
PAGE_ANSWERS = {200, 301, 302, 400, 404}


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    """Made once for the module and rolled back after it, as Django's ``setUpTestData`` does
    (each test runs in a savepoint inside): a published article with a section, tag, author
    and goal, so that every public address exists, and an editor for the admin."""
    with django_db_blocker.unblock(), transaction.atomic():
        section = SectionFactory(name="Fjendtlig sektion")
        tag = TagFactory(name="Fjendtligt emne")
        author = AuthorFactory(name="Fjendtlig Skribent")
        goal = GoalFactory(programme=GoalProgrammeFactory(is_current=True))
        article = ArticleFactory(section=section, authors=[author], tags=[tag])
        article.goals.add(goal)
        # A second of each, or the admin leaves out the filters with only one choice.
        ArticleFactory(draft=True, tags=[TagFactory(name="Andet emne")])
        editor = UserFactory(username="fjendtlig-redaktoer", groups=["Redaktør"])
        yield {
            "section": section,
            "tag": tag,
            "author": author,
            "goal": goal,
            "article": article,
            "editor": editor,
        }
        transaction.set_rollback(True)


def public_pages(site) -> dict[str, tuple[str, list[str]]]:
    """Every public address (DESIGN.md's URL contract) and the query parameters it reads."""
    section, tag, author, goal = site["section"], site["tag"], site["author"], site["goal"]
    return {
        "home": ("/", []),
        "archive": ("/artikler/", ["side"]),
        "article": (site["article"].get_absolute_url(), []),
        "section": (section.get_absolute_url(), ["side"]),
        "tag": (tag.get_absolute_url(), ["side"]),
        "author": (author.get_absolute_url(), ["side"]),
        "goals": ("/almene-maal/", []),
        "goal": (goal.get_absolute_url(), ["side"]),
        "reading-list": ("/laeseliste/", ["fuld"]),
        "search": ("/soeg/", ["q", "sektion", "emne", "maal", "aar", "side"]),
        "feed": ("/feeds/artikler/", []),
        "section-feed": (f"{section.get_absolute_url()}feed/", []),
        "tag-feed": (f"{tag.get_absolute_url()}feed/", []),
        "author-feed": (f"{author.get_absolute_url()}feed/", []),
        "goal-feed": (f"{goal.get_absolute_url()}feed/", []),
        "sitemap": ("/sitemap.xml", ["p"]),
        "sitemap-articles": ("/sitemap-artikler.xml", ["p"]),
        "robots": ("/robots.txt", []),
    }


PAGES = [
    "home",
    "archive",
    "article",
    "section",
    "tag",
    "author",
    "goals",
    "goal",
    "reading-list",
    "search",
    "feed",
    "section-feed",
    "tag-feed",
    "author-feed",
    "goal-feed",
    "sitemap",
    "sitemap-articles",
    "robots",
]


@pytest.fixture
def client():
    """Server errors come back as the 500 a visitor would get, not raised into the test."""
    return Client(raise_request_exception=False)


def problems(client, method: str, url: str, query: str, **extra) -> tuple[list[str], object]:
    """What is wrong with the answer to a raw query string (or form body): a server error, a
    traceback, the hostile script echoed unescaped. In a savepoint of its own, so that a
    database error (PostgreSQL then refuses every query until a rollback) and anything the
    request saved stay out of the next request."""
    savepoint = transaction.savepoint()
    try:
        if method == "GET":
            response = client.get(url, QUERY_STRING=query, **extra)
        else:
            # The WSGI convention: one character a byte, so "\xff" is the byte 0xff.
            body = query.encode("latin-1")
            response = client.post(
                url, body, content_type="application/x-www-form-urlencoded", **extra
            )
    finally:
        transaction.savepoint_rollback(savepoint)
    found = []
    if response.status_code not in PAGE_ANSWERS:
        found.append(str(response.status_code))
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if b"Traceback" in content:
        found.append("traceback")
    if SCRIPT.encode() in content:
        found.append("unescaped script")
    return found, response


def walk(client, method, url, names, values=HOSTILE, *, fixed=None, check=None, **extra):
    """Each of ``values`` in each parameter of ``names``, with the ``fixed`` parameters
    alongside: the answers that went wrong."""
    failures = []
    for name in names:
        others = urlencode({key: value for key, value in (fixed or {}).items() if key != name})
        for hostile in values:
            query = "&".join(filter(None, [others, HOSTILE[hostile](name)]))
            found, response = problems(client, method, url, query, **extra)
            if hostile in HAS_NUL and method == "GET" and response.status_code in {200, 302, 404}:
                found.append(f"{response.status_code}, not 400")
            if check:
                found += check(response)
            if found:
                failures.append(f"{method} {url} {name}={hostile}: {', '.join(found)}")
    return failures


# Sent alongside each hostile value: the search applies its filters only to some words.
ALONGSIDE = {"search": {"q": "almene boliger"}}


@pytest.mark.parametrize("page", PAGES)
def test_public_page_never_fails(client, site, page):
    url, names = public_pages(site)[page]
    failures = walk(client, "GET", url, [*names, UNKNOWN], fixed=ALONGSIDE.get(page))
    assert not failures, "\n".join(failures)


def test_every_public_page_is_walked(site):
    assert set(PAGES) == set(public_pages(site))


def test_nul_is_answered_with_a_danish_400_page(client, site):
    for url in ("/soeg/?q=bolig&sektion=%00", "/soeg/?emne=a%00b", "/soeg/?maal=%00"):
        response = client.get(url)
        assert response.status_code == 400, url
        page = response.content.decode()
        assert '<html lang="da">' in page and "Ugyldig forespørgsel" in page
    # The security headers of every page are on it too.
    assert response["Content-Security-Policy"] and response["X-Content-Type-Options"]


def test_nul_in_the_path_is_a_400(client, site):
    assert client.get("/artikler/%00/").status_code == 400


def test_bad_request_page_is_danish_and_standalone():
    page = render_to_string("400.html")
    assert '<html lang="da">' in page and "Ugyldig forespørgsel" in page


def test_invalid_utf8_is_read_as_replacement_characters(client, site):
    """Percent-encoded bytes that are not UTF-8 become U+FFFD, never an error, and the
    overlong ``%c0%80`` is not taken for a NUL. A raw byte that is not UTF-8 is read as
    Latin-1 (Django's fallback)."""
    for query in ("q=%ff", "q=%c0%80", "q=%ed%a0%80"):
        response = client.get("/soeg/", QUERY_STRING=query)
        assert response.status_code == 200, query
        assert "\ufffd" in response.context["query"], query
    response = client.get("/soeg/", QUERY_STRING="q=\xff")
    assert response.status_code == 200 and response.context["query"] == "ÿ"


# --- The admin's changelist -----------------------------------------------------------------

CHANGELIST = "/admin/articles/article/"
# Read by the changelist itself: search, ordering, page, show all, the error flag, the date
# hierarchy; the filters' own parameters are taken from the page's links.
CHANGELIST_PARAMETERS = {
    "q",
    "o",
    "p",
    "all",
    "e",
    "_facets",
    "published_at__year",
    "published_at__month",
    "published_at__day",
    UNKNOWN,
}
# The admin's pages are slow to build: the values that reach different code (number, text
# and choice lookups, the NUL middleware, bad UTF-8, empty and repeated values), not all.
ADMIN_HOSTILE = [
    "nul",
    "invalid-utf8",
    "long-digits",
    "minus-one",
    "huge-number",
    "exponent",
    "arabic-indic-digits",
    "script",
    "repeated",
    "empty",
]


def filter_parameters(client) -> list[str]:
    """The parameters of every filter link on the changelist, so a new filter is walked too."""
    response = client.get(CHANGELIST)
    assert response.status_code == 200
    links = re.findall(r'href="\?([^"]*)"', response.content.decode())
    names = {name for link in links for name, _ in parse_qsl(link.replace("&amp;", "&"), True)}
    assert {
        "status",
        "section__id__exact",
        "bylines__author__id__exact",
        "tagged_items__tag__id__exact",
        "front_page__exact",
    } <= names
    return sorted(names | CHANGELIST_PARAMETERS)


def test_admin_changelist_filters_never_fail(client, site):
    """Django's admin answers a lookup it cannot use with a redirect to ``?e=1``; that is
    fine, a server error is not."""
    client.force_login(site["editor"])
    failures = walk(client, "GET", CHANGELIST, filter_parameters(client), ADMIN_HOSTILE)
    assert not failures, "\n".join(failures)


# --- The reading list's forms ---------------------------------------------------------------


def stays_on_this_site(response) -> list[str]:
    if response.status_code == 302 and urlsplit(response["Location"]).netloc not in (
        "",
        "testserver",
    ):
        return [f"redirect to {response['Location']}"]
    return []


@pytest.mark.parametrize(
    "url", ["/laeseliste/tilfoej/", "/laeseliste/fjern/", "/laeseliste/laest/"]
)
@pytest.mark.parametrize("accept", ["text/html", "application/json"])
def test_reading_list_forms_never_fail(client, site, url, accept):
    """A hostile ``artikel``, or a good one with a hostile ``naeste`` or ``laest``."""
    failures = walk(
        client,
        "POST",
        url,
        ["artikel", "naeste", "laest"],
        fixed={"artikel": site["article"].pk},
        check=stays_on_this_site,
        HTTP_ORIGIN="http://testserver",
        HTTP_ACCEPT=accept,
    )
    assert not failures, "\n".join(failures)


# --- 500s the walk found besides the NUL --------------------------------------------------


@pytest.mark.parametrize("url", ["/artikler/", "/soeg/"])
def test_page_number_of_thousands_of_digits(client, site, url):
    assert client.get(url, {"side": "9" * 10_000}).status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        "published_at__year=99999999999999999999999",
        "published_at__year=9999",
        "published_at__year=9999&published_at__month=12&published_at__day=31",
        "published_at__year=2024&published_at__month=99999999999999999999",
        pytest.param(
            "published_at__year=1",
            marks=pytest.mark.skipif(
                connection.vendor != "sqlite", reason="only SQLite cannot hold the UTC time"
            ),
        ),
    ],
)
def test_admin_date_hierarchy_out_of_range(client, site, query):
    client.force_login(site["editor"])
    response = client.get(CHANGELIST, QUERY_STRING=query)
    assert response.status_code == 302 and response["Location"].endswith("?e=1")


def test_a_form_sent_without_its_token_gets_a_danish_page(db):
    """A stale or missing CSRF token: a page in Danish that says what to do, nothing changed."""
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/nyhedsbrev/", {"email": "a@example.org"})
    assert response.status_code == 403
    page = response.content.decode()
    assert 'lang="da"' in page and "Formularen kunne ikke sendes" in page
    assert "Forbidden" not in page and "CSRF verification failed" not in page
