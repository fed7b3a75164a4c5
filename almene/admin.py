"""The newsroom's admin site: Django's admin, opening on the desk.

``/admin/`` shows the logged-in user's desk (articles/desk.py: their drafts, and for editors
what waits for them, what is scheduled and what was published last); Django's list of apps
and models moves to ``/admin/moduler/`` ("admin:apps"), linked from the desk and the
header. Installed through ``almene.apps.NewsroomAdminConfig``, so ``admin.site`` and every
``@admin.register`` mean this site.
"""

from django.contrib import admin
from django.template.response import TemplateResponse
from django.urls import path


class NewsroomAdminSite(admin.AdminSite):
    apps_title = "Alle moduler"

    def get_urls(self):
        # Before Django's own: its per-app pattern and catch-all come last.
        return [
            path("moduler/", self.admin_view(self.apps_view), name="apps"),
            *super().get_urls(),
        ]

    def index(self, request, extra_context=None):
        """The desk of the user at hand, instead of the list of apps."""
        from articles.desk import desk_for  # the articles app is loaded after the admin

        context = {
            **self.each_context(request),
            "title": self.index_title,
            "subtitle": None,
            "desk": desk_for(request.user),
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
