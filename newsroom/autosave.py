"""The article change form saves itself (issue #21): a few seconds after typing stops the
browser (static/js/admin-autosave.js) posts the whole form to ``<id>/autosave/``, and this
module saves it through the admin's own change form view: the same form, validation,
inlines, permission checks and concurrency token (``shown``) as the "Gem" button.

What an autosave never does: change the status or the publication time (the form's buttons
are not passed on, and ``ArticleAdmin.apply_transition`` is skipped), publish, or write the
admin's log ("Seneste handlinger"). It saves to the server only where a save changes nothing
readers see (``mode_for``):

- a draft, an article returned to its writer, or one in review that the user may edit:
  saved like "Gem" (a draft retires no cached page: articles/caching/invalidation.py);
- a journalist's published article with a change already waiting for approval: that change
  takes the new text (``workflow.update_open_change``), the live article is untouched;
- everything else keeps its copy in the browser only, saying why: an editor's save of a
  published article publishes at once ("Ikke gemt endnu – gem for at udgive"), and a
  journalist's first save of their published article sends it to the editors for approval,
  which is a choice, not something typing should do;
- a new article (the add form) is created as a draft by the first autosave once it has a
  title and a section, and the page moves to its change address (``history.replaceState``):
  a journalist who has typed for ten minutes expects the article to exist, on any computer,
  not only in this browser. Until then the browser keeps the copy.

History ("Historik") is not flooded: an autosave makes a saved version only when the
article's latest one is older than ``VERSION_EVERY`` (or there is none), so an afternoon of
writing leaves a version every ten minutes to compare or go back to, not one per pause in
typing; the "Gem" button still makes one every time.
"""

from __future__ import annotations

from contextlib import nullcontext
from datetime import timedelta

import reversion
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.models import Article
from articles.views import parse_id

from . import workflow

VERSION_EVERY = timedelta(minutes=10)
VERSION_COMMENT = "Gemt automatisk"

# How the change form of an article saves itself, for a user (``mode_for``).
SAVE = "save"  # the article itself
CREATE = "create"  # a new article: created as a draft
PROPOSE = "propose"  # the change waiting for approval
LOCAL = "local"  # only a copy in the browser

NOT_FOR_EDITORS = "Ikke gemt endnu – gem for at udgive"
NOT_PROPOSED_YET = "Ikke gemt endnu – send ændringerne til godkendelse for at gemme dem"
MOVED_ON = (
    "Ikke gemt: artiklen er ændret et andet sted, siden du åbnede den. Dine rettelser står "
    "stadig i formularen: tryk „Gem“ for at se ændringerne."
)
NOT_ALLOWED = "Ikke gemt: du har ikke ret til at ændre denne artikel."


def mode_for(user, article: Article | None) -> tuple[str | None, str]:
    """How ``user``'s change form of ``article`` (None: a new one) saves itself, and, when
    it only keeps a browser copy, why (Danish). ``(None, "")``: not at all (read only)."""
    if article is None or article.pk is None:
        return CREATE, ""
    if article.status != Article.Status.PUBLISHED and workflow.may_edit(user, article):
        return SAVE, ""
    if workflow.may_propose(user, article):
        if workflow.open_change(article) is not None:
            return PROPOSE, ""
        return LOCAL, NOT_PROPOSED_YET
    if workflow.may_edit(user, article):
        return LOCAL, NOT_FOR_EDITORS
    return None, ""


def context_for(model_admin, request, article: Article | None) -> dict | None:
    """What the change form's autosave block needs (templates/admin/articles/article/
    includes/autosave.html), or None where the form does not save itself: a restore of an
    old version, a popup, a page the user may only read."""
    match = request.resolver_match
    if match is None or match.url_name not in (
        "articles_article_change",
        "articles_article_add",
    ):
        return None
    if "_popup" in request.GET or "_popup" in request.POST:
        return None
    if article is not None and article.pk is None:
        article = None
    if article is None:
        if not model_admin.has_add_permission(request):
            return None
    elif not model_admin.has_change_permission(request, article):
        return None
    mode, message = mode_for(request.user, article)
    if mode is None:
        return None
    return {
        "mode": mode,
        "message": message,
        "url": autosave_url(article),
        "key": storage_key(request.user, article),
        # When the server last saved the article (ms): an older browser copy is not offered.
        "updated": int(article.updated_at.timestamp() * 1000) if article else 0,
        # A change waiting for approval is saved over only as this page last saved it.
        "proposal": (
            workflow.proposal_token(workflow.open_change(article)) if mode == PROPOSE else ""
        ),
    }


def autosave_url(article: Article | None) -> str:
    if article is None:
        return reverse("admin:articles_article_autosave_add")
    return reverse("admin:articles_article_autosave", args=[article.pk])


def storage_key(user, article: Article | None) -> str:
    """The browser copy's key in ``localStorage``: one per user and article."""
    return f"almene-autosave:{user.pk}:{article.pk if article else 'ny'}"


def autosave_view(model_admin, request, object_id: str | None = None):
    """POST: the change form's fields. 200 ``{"saved_at": "10.32", "shown": token, ...}``;
    400 ``{"message", "errors"}`` when the form does not validate (nothing saved); 403 for an
    article the user may not change; 409 ``{"message", "mode"}`` when the article changed
    elsewhere since the page last saved it, or may not be autosaved (any more)."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    article = None
    if object_id is not None:
        article = Article.objects.filter(pk=parse_id(object_id)).first()
        if article is None:
            return JsonResponse({"message": "Artiklen findes ikke længere."}, status=404)
        if not model_admin.has_change_permission(request, article):
            return JsonResponse({"message": NOT_ALLOWED}, status=403)
    elif not model_admin.has_add_permission(request):
        return JsonResponse({"message": NOT_ALLOWED}, status=403)
    mode, message = mode_for(request.user, article)
    if mode not in (SAVE, CREATE, PROPOSE):
        return JsonResponse({"message": message or NOT_ALLOWED, "mode": mode}, status=409)

    # The form's fields only: none of its buttons (a status change, "Gem og tilføj ny", a
    # related article added), which all begin with "_", as do the popup markers.
    data = request.POST.copy()
    for name in [name for name in data if name.startswith("_")]:
        del data[name]
    request.POST = data
    request.autosave = mode

    versioned = mode != PROPOSE and version_due(article)
    try:
        with model_admin.create_revision(request) if versioned else nullcontext():
            response = model_admin.changeform_view(request, object_id)
            if versioned:
                reversion.set_comment(VERSION_COMMENT)
    except workflow.ContentMovedOn as moved_on:
        return JsonResponse({"message": f"Ikke gemt: {moved_on}", "mode": mode}, status=409)
    except PermissionDenied:
        return JsonResponse({"message": NOT_ALLOWED}, status=403)

    saved = getattr(request, "autosaved", None)
    if saved is None:
        if isinstance(response, TemplateResponse) and response.context_data:
            form = response.context_data["adminform"].form
            if form.moved_on:
                return JsonResponse({"message": MOVED_ON, "mode": mode}, status=409)
            return JsonResponse(form_errors(response.context_data), status=400)
        return JsonResponse({"message": "Artiklen findes ikke længere."}, status=404)

    article = Article.objects.get(pk=saved.pk)
    if mode == PROPOSE:
        shown = workflow.proposal_token(workflow.open_change(article))
    else:
        shown = model_admin.current_shown(request, article)
    answer = {
        "saved_at": timezone.localtime().strftime("%H.%M"),
        "shown": shown,
        "inlines": inline_rows(getattr(request, "autosave_formsets", ())),
    }
    if mode == CREATE:
        answer.update(
            change_url=reverse("admin:articles_article_change", args=[article.pk]),
            url=autosave_url(article),
            key=storage_key(request.user, article),
        )
    return JsonResponse(answer)


def saved(request, article) -> HttpResponse:
    """What the change form view answers an autosave that went through (in place of its
    redirect and its "… blev ændret" message): the JSON is made by ``autosave_view`` once
    the save is committed."""
    request.autosaved = article
    return HttpResponse(status=204)


def version_due(article: Article | None) -> bool:
    """Whether an autosave of ``article`` makes a saved version: its first, or when its
    latest is older than ``VERSION_EVERY``."""
    if article is None:
        return True
    latest = (
        Version.objects.get_for_object(article)
        .values_list("revision__date_created", flat=True)
        .first()
    )
    return latest is None or latest <= timezone.now() - VERSION_EVERY


def inline_rows(formsets) -> dict:
    """The rows of the byline, tags and related articles as saved, by the form's row
    numbers: a row the autosave added gets its id in the page, so the next save changes it
    instead of adding it again."""
    rows = {}
    for formset in formsets:
        ids = {}
        for index, form in enumerate(formset.forms):
            deleted = formset.can_delete and formset._should_delete_form(form)
            if not deleted and form.instance.pk is not None:
                ids[str(index)] = form.instance.pk
        rows[formset.prefix] = {"ids": ids, "can_delete": bool(formset.can_delete)}
    return rows


def form_errors(context) -> dict:
    """The change form's errors, in Danish, by field name, and as one sentence."""
    errors, sentences = {}, []
    form = context["adminform"].form
    for name, messages in form.errors.items():
        errors[name] = list(messages)
        label = form.fields[name].label if name in form.fields else ""
        sentences += [f"{label}: {message}" if label else message for message in messages]
    for inline in context.get("inline_admin_formsets", ()):
        formset = inline.formset
        label = str(inline.opts.verbose_name_plural)
        for row in formset.forms:
            for name, messages in row.errors.items():
                errors[row.add_prefix(name) if name != "__all__" else row.prefix] = list(messages)
                sentences += [f"{label}: {message}" for message in messages]
        if formset.non_form_errors():
            errors[formset.prefix] = list(formset.non_form_errors())
            sentences += [f"{label}: {message}" for message in formset.non_form_errors()]
    return {"message": "Ikke gemt: " + " ".join(sentences), "errors": errors}
