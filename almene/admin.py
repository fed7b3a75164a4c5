"""The newsroom's admin site: Django's admin, opening on the desk.

``/admin/`` shows the logged-in user's desk (newsroom/desk.py: their drafts, and for editors
what waits for them, what is scheduled and what was published last; accountability/desk.py:
for editors, the readers' open requests for a genmæle); Django's list of apps
and models moves to ``/admin/moduler/`` ("admin:apps"), linked from the desk and the
header. Installed through ``almene.apps.NewsroomAdminConfig``, so ``admin.site`` and every
``@admin.register`` mean this site.

Every list on the site, third-party ones included, answers a filter value it cannot use
with Django's own "?e=1" page instead of a 500 (``BadLookupsAnswered``): the site mixes it
into each ModelAdmin as it is registered, so no app needs to know, and a new one is covered.
"""

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ERROR_FLAG
from django.db import DataError
from django.template.response import TemplateResponse
from django.urls import path
from django.views.decorators.cache import cache_page
from django.views.i18n import JavaScriptCatalog


class BadLookupsAnswered:
    """A list's filter values come from the address, so anyone can send any: a year out of
    Python's range (``?created_at__year=2147483648``), a date that overflows on its way to
    UTC, a number the database cannot hold. Django's admin turns most bad values into its
    "?e=1" page, but these escape from building or counting the list as a ValueError,
    OverflowError or DataError, a 500. They are answered as the bad lookups they are."""

    def get_changelist_instance(self, request):
        try:
            return super().get_changelist_instance(request)
        except (ValueError, OverflowError, DataError) as error:
            if not any(name != ERROR_FLAG for name in request.GET):
                raise  # not made by the address: a fault of the list, to be seen as one
            raise IncorrectLookupParameters(error) from error


_admin_catalogue = cache_page(60 * 60 * 24, cache="fragments")(
    JavaScriptCatalog.as_view(packages=["django.contrib.admin", "articles"])
)


class NewsroomAdminSite(admin.AdminSite):
    apps_title = "Alle moduler"
    # No list of every app down the left of each page: it took a quarter of a 1280 px screen
    # from the article list and form. The header links to the desk and to all the apps.
    enable_nav_sidebar = False

    def register(self, model_or_iterable, admin_class=None, **options):
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, BadLookupsAnswered):
            # As Django makes a subclass for ``register(…, **options)``: the class keeps its
            # name, module and everything else, with bad lookups answered first.
            admin_class = type(
                admin_class.__name__,
                (BadLookupsAnswered, admin_class),
                {
                    "__module__": admin_class.__module__,
                    "__qualname__": admin_class.__qualname__,
                    "__doc__": admin_class.__doc__,
                },
            )
        super().register(model_or_iterable, admin_class, **options)

    def i18n_javascript(self, request, extra_context=None):
        """The Danish for the admin's scripts and for the rich-text editor's (the articles
        app's catalogue, newsroom/forms.py) in one catalogue, so one request: it changes only
        with a release, so browsers keep it for a day. Kept with the page fragments, whose
        cache never fails a request (Django's default cache would answer 500 while Redis is
        away)."""
        return _admin_catalogue(request)

    def get_urls(self):
        # Before Django's own: its per-app pattern and catch-all come last.
        return [
            path("moduler/", self.admin_view(self.apps_view), name="apps"),
            *super().get_urls(),
        ]

    def index(self, request, extra_context=None):
        """The desk of the user at hand, instead of the list of apps."""
        from accountability.desk import open_requests  # apps are loaded after the admin
        from newsroom.desk import desk_for

        context = {
            **self.each_context(request),
            "title": self.index_title,
            "subtitle": None,
            "desk": desk_for(request.user),
            # Readers' requests for a genmæle: None for anyone but an editor.
            "genmaeler": open_requests(request.user),
            **(extra_context or {}),
        }
        request.current_app = self.name
        return TemplateResponse(request, "admin/desk.html", context)

    def logout(self, request, extra_context=None):
        """Logged out, the browser forgets what it kept of the account's reading list: its
        offline copies (the service worker's caches, its queue of changes, the worker
        itself, which the next page registers again). A shared computer in a common room
        keeps nothing of the reader who used it."""
        response = super().logout(request, extra_context)
        response["Clear-Site-Data"] = '"cache", "storage"'
        return response

    def apps_view(self, request, extra_context=None):
        """Django's index page, the apps and models the user may open, under its own URL."""
        context = {
            **self.each_context(request),
            "title": self.apps_title,
            "subtitle": None,
            "app_list": self.get_app_list(request),
            **(extra_context or {}),
        }
        request.current_app = self.name
        return TemplateResponse(request, "admin/apps.html", context)
