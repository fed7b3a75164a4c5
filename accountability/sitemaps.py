from articles.sitemaps import NamedPagesSitemap

from .views import current_kolofon


class AccountabilitySitemap(NamedPagesSitemap):
    """Who publishes the site and how to complain: pages a reader (or Pressenævnet) looks
    for by name. The genmæle form is left out: a form to fill in, not a page to find."""

    changefreq = "monthly"
    priority = 0.3
    names = ("accountability:kolofon", "accountability:klagevejledning")

    def lastmod(self, name):
        # Both pages show the kolofon's facts (the editor, the address, the complaints body).
        kolofon = current_kolofon()  # remembered, as for the pages themselves
        return kolofon.updated_at if kolofon else None
