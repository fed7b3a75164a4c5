"""The site as `make audit` serves it: the production application, with /media/ served the way
the production proxy serves it (README.md, "Reverse proxy": the folder, cached for 30 days,
`nosniff`). With DEBUG off Django does not serve media, and an audit of pages whose images
answer 404 would measure nothing. Only for the audit: production serves media from the proxy
or an object store, never through this file."""

from django.conf import settings
from whitenoise import WhiteNoise

from almene.wsgi import application as site

MEDIA_MAX_AGE = 30 * 24 * 60 * 60  # `expires 30d` in the proxy's configuration


def _nosniff(headers, path, url):
    headers["X-Content-Type-Options"] = "nosniff"


application = WhiteNoise(site, max_age=MEDIA_MAX_AGE, add_headers_function=_nosniff)
application.add_files(str(settings.MEDIA_ROOT), prefix="media/")
