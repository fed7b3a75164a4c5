"""Every admin list answers hostile filter values with a page or Django's "?e=1" bad-lookup
page, never a 500 (issue 19, finding 11): ``?created_at__year=2147483648`` on the
subscribers' list was one.

The lists are taken from ``admin.site._registry``, third-party admins included, so a model
registered later is walked too. For each: every date field's ``__year``/``__month``/``__day``
and range lookups, an exact lookup on every other field, the parameters of every filter link
the list shows, and the list's own (search, order, page), each with values no form sends.
NUL and bad UTF-8 are answered by middleware (tests/test_hostile_input.py).
"""

import re
from urllib.parse import parse_qsl, urlencode

import pytest
from django.contrib import admin
from django.contrib.postgres.search import SearchVectorField
from django.db import connection, models, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from newsletter.models import Subscriber

from .factories import ArticleFactory, GoalFactory, IndicatorFactory, UserFactory
from .test_hostile_input import problems

pytestmark = [
    pytest.mark.django_db,
    # Django warns of each naive date it is sent (the values are the point here).
    pytest.mark.filterwarnings("ignore:DateTimeField .* received a naive datetime"),
]

DATE_LOOKUPS = ["year", "month", "day", "gte", "lt"]
# Out of datetime's range (the last years, and dates that leave it on their way to UTC), of
# PostgreSQL's integers, negative, not a number, empty.
DATE_VALUES = [
    "2147483648",
    "99999",
    "9999",
    "99999999999999999999999",
    "-1",
    "0",
    "abc",
    "",
    "9999-12-31",
    "0001-01-01",
]
OTHER_VALUES = ["99999999999999999999999", "2147483648", "-1", "abc", ""]
LIST_PARAMETERS = ["q", "o", "p", "all", "_facets"]

ADMINS = {
    f"{model._meta.app_label}.{model._meta.model_name}": model_admin
    for model, model_admin in admin.site._registry.items()
}


@pytest.fixture(scope="module")
def rows(django_db_setup, django_db_blocker):
    """A few rows, so the lists show their filters and their queries meet data."""
    with django_db_blocker.unblock(), transaction.atomic():
        ArticleFactory()
        ArticleFactory(draft=True)
        IndicatorFactory(goal=GoalFactory())
        Subscriber.objects.create(
            email="beboer@example.org", state="confirmed", confirmed_at=timezone.now()
        )
        yield UserFactory(username="hostile-superuser", is_superuser=True)
        transaction.set_rollback(True)


def changelist(model_admin) -> str:
    opts = model_admin.model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")


def lookups(model_admin, page: str) -> dict[str, list[str]]:
    """Each parameter to walk, with its values."""
    walked = {}
    for field in model_admin.model._meta.concrete_fields:
        if isinstance(field, SearchVectorField) and connection.vendor != "postgresql":
            # Its lookups are PostgreSQL's full-text operators, which SQLite (development
            # only) cannot even parse: that error looks like an outage, a 503.
            continue
        if isinstance(field, models.DateField):  # DateTimeField is one too
            for lookup in DATE_LOOKUPS:
                walked[f"{field.name}__{lookup}"] = DATE_VALUES
        else:
            walked[f"{field.name}__exact"] = OTHER_VALUES
    links = re.findall(r'href="\?([^"]*)"', page)
    for link in links:
        for name, _ in parse_qsl(link.replace("&amp;", "&"), keep_blank_values=True):
            walked.setdefault(name, OTHER_VALUES)
    for name in LIST_PARAMETERS:
        walked.setdefault(name, OTHER_VALUES)
    return walked


def test_every_registered_admin_is_walked():
    assert {"newsletter.subscriber", "articles.article", "auth.user", "axes.accessattempt"} <= set(
        ADMINS
    )


@pytest.mark.parametrize("name", sorted(ADMINS))
def test_hostile_filter_values_never_fail(rows, name):
    client = Client(raise_request_exception=False)
    client.force_login(rows)
    model_admin = ADMINS[name]
    url = changelist(model_admin)
    page = client.get(url)
    assert page.status_code == 200, (url, page.status_code)
    failures = []
    for parameter, values in lookups(model_admin, page.content.decode()).items():
        for value in values:
            query = urlencode({parameter: value})
            found, _ = problems(client, "GET", url, query)
            if found:
                failures.append(f"{url}?{query}: {', '.join(found)}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("query", ["created_at__year=2147483648", "confirmed_at__year=99999"])
def test_the_subscribers_list_answers_a_year_out_of_range_as_a_bad_lookup(rows, query):
    client = Client()
    client.force_login(rows)
    response = client.get("/admin/newsletter/subscriber/", QUERY_STRING=query)
    assert response.status_code == 302 and response["Location"].endswith("?e=1")
