"""Every admin page a role may open, opened as that role: the lists, the add forms, the
change forms of one object of each kind, and every autocomplete those forms use (issue 11,
item 9: an editor's author form asked for user accounts the role could not see)."""

import re
from html import unescape

import pytest
from django.contrib import admin
from django.contrib.admin.utils import quote
from django.test import RequestFactory
from django.urls import reverse

from articles.models import ArticleSlugRedirect
from goals.models import Effort

from .factories import (
    ArticleFactory,
    AuthorFactory,
    GoalFactory,
    MeasurementFactory,
    SectionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

AUTOCOMPLETE = re.compile(
    r'data-app-label="(?P<app>[^"]+)"\s+data-model-name="(?P<model>[^"]+)"'
    r'\s+data-field-name="(?P<field>[^"]+)"'
)


@pytest.fixture
def one_of_each():
    """An object of every kind the newsroom's admin shows."""
    article = ArticleFactory(with_image=True, tags=["Affald"])
    ArticleSlugRedirect.objects.create(old_slug="en-gammel-adresse", article=article)
    AuthorFactory(user=UserFactory(username="skribent-med-konto"))
    goal = GoalFactory()
    Effort.objects.create(goal=goal, text="Flere grønne tage")
    MeasurementFactory(indicator__goal=goal)


def pages_for(user, model_admin):
    """The admin pages of one model that ``user`` may open, by the admin's own rules."""
    request = RequestFactory().get("/admin/")
    request.user = user
    opts = model_admin.model._meta
    name = f"admin:{opts.app_label}_{opts.model_name}"
    if not model_admin.has_module_permission(request):
        return []
    pages = []
    if model_admin.has_view_or_change_permission(request):
        pages.append(reverse(f"{name}_changelist"))
    if model_admin.has_add_permission(request):
        pages.append(reverse(f"{name}_add"))
    for obj in model_admin.get_queryset(request)[:2]:
        if model_admin.has_view_or_change_permission(request, obj):
            pages.append(reverse(f"{name}_change", args=[quote(obj.pk)]))
    return pages


@pytest.mark.parametrize("role", ["Journalist", "Redaktør"])
def test_every_admin_page_and_autocomplete_a_role_may_open_works(client, role, one_of_each):
    user = UserFactory(username=f"rolle-{role.lower()}", groups=[role])
    client.force_login(user)
    opened, autocompletes = [], set()
    for model_admin in admin.site._registry.values():
        for url in pages_for(user, model_admin):
            response = client.get(url)
            assert response.status_code == 200, (role, url, response.status_code)
            opened.append(url)
            autocompletes |= {
                match.group("app", "model", "field")
                for match in AUTOCOMPLETE.finditer(unescape(response.content.decode()))
            }
    assert autocompletes, "the article form uses autocompletes: none found"
    for app_label, model_name, field_name in sorted(autocompletes):
        response = client.get(
            "/admin/autocomplete/",
            {"app_label": app_label, "model_name": model_name, "field_name": field_name},
        )
        assert response.status_code == 200, (role, model_name, field_name, response.status_code)
        assert "results" in response.json()
    # Both roles work on articles; only editors keep authors, sections and goals.
    assert reverse("admin:articles_article_add") in opened
    assert (reverse("admin:articles_author_add") in opened) == (role == "Redaktør")


def test_an_editor_links_an_author_to_a_user_account(client):
    editor = UserFactory(username="redaktoer", groups=["Redaktør"])
    account = UserFactory(username="mette.holm", first_name="Mette")
    client.force_login(editor)
    found = client.get(
        "/admin/autocomplete/",
        {"app_label": "articles", "model_name": "author", "field_name": "user", "term": "mette"},
    )
    assert found.status_code == 200
    assert [row["id"] for row in found.json()["results"]] == [str(account.pk)]
    response = client.post(
        reverse("admin:articles_author_add"),
        {"name": "Mette Holm", "slug": "mette-holm", "role": "Journalist", "user": account.pk},
    )
    assert response.status_code == 302
    assert account.author_profile.name == "Mette Holm"


def test_journalists_cannot_list_user_accounts(client):
    journalist = UserFactory(username="journalist", groups=["Journalist"])
    client.force_login(journalist)
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403
    found = client.get(
        "/admin/autocomplete/",
        {"app_label": "articles", "model_name": "author", "field_name": "user"},
    )
    assert found.status_code == 403


def test_an_editor_follows_a_section_among_editors_only(client):
    editor = UserFactory(username="redaktoer", groups=["Redaktør"])
    journalist = UserFactory(username="journalist", groups=["Journalist"])
    section = SectionFactory(name="Byggeri")
    client.force_login(editor)
    url = reverse("admin:articles_section_change", args=[section.pk])
    choices = client.get(url).context["adminform"].form.fields["followers"].queryset
    assert editor in choices and journalist not in choices
    response = client.post(
        url,
        {"name": "Byggeri", "slug": "byggeri", "position": 0, "followers": [editor.pk]},
    )
    assert response.status_code == 302
    assert list(section.followers.all()) == [editor]
