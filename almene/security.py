"""Security headers: a Content-Security-Policy (django-csp) that the site's own scripts and
styles satisfy with nothing inline, and a Permissions-Policy."""

import base64
import hashlib
import re
from functools import cache

from csp.constants import HEADER
from csp.middleware import CSPMiddleware
from csp.utils import build_policy

ADMIN_PREFIX = "/admin/"
IMPORTMAP = re.compile(r'<script type="importmap"[^>]*>(.*?)</script>', re.S)


@cache
def editor_importmap_hashes() -> tuple[str, ...]:
    """The admin's rich-text editor loads its modules through an inline import map: allow
    exactly that script by its hash instead of allowing inline scripts."""
    from django_prose_editor.widgets import AdminProseEditorWidget

    from articles.text import BODY_EDITOR_EXTENSIONS

    widget = AdminProseEditorWidget(config={"extensions": BODY_EDITOR_EXTENSIONS})
    hashes = []
    for script in IMPORTMAP.findall(str(widget.media)):
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        hashes.append(f"'sha256-{digest}'")
    return tuple(hashes)


class SiteCSPMiddleware(CSPMiddleware):
    """The site's policy everywhere; in the admin also the editor's import map and the inline
    style attributes Django's admin widgets use. The site's policy is the same for every
    response, so it is built once."""

    _site_policy: str | None = None

    def process_response(self, request, response):
        if not request.path_info.startswith(ADMIN_PREFIX) and HEADER not in response:
            parts = self.get_policy_parts(request, response)
            # No decorator changed the policy and no nonce was asked for.
            if not (parts.config or parts.update or parts.replace or parts.nonce):
                if SiteCSPMiddleware._site_policy is None:
                    SiteCSPMiddleware._site_policy = build_policy()
                response[HEADER] = SiteCSPMiddleware._site_policy
                return response
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(ADMIN_PREFIX):
            parts.update = (parts.update or {}) | {
                "script-src": list(editor_importmap_hashes()),
                "style-src": ["'unsafe-inline'"],
            }
        return parts


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault(
            "Permissions-Policy",
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
        )
        return response
