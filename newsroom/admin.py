"""The newsroom in the Django admin.

Journalists write articles, edit their own and send them for review; editors ("Redaktør")
also publish, schedule, unpublish, curate related articles and choose the front page. Every
change of an article's status goes through newsroom/workflow.py, which decides who may make
it; the admin's permission methods and form validation ask the same module, so what a page
offers and what the server accepts agree. The roles' permissions come from migrations.
"""

from functools import partial

import reversion
from csp.decorators import csp_replace
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import quote, unquote
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Case, IntegerField, Max, Prefetch, Q, When
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.formats import localize
from django.utils.html import format_html
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST
from reversion.admin import VersionAdmin
from reversion.models import Version

from articles.caching import holes
from articles.models import (
    Article,
    ArticleAuthor,
    ArticleEvent,
    ArticleSlugRedirect,
    Author,
    RelatedArticle,
    Section,
    Tag,
    TaggedArticle,
)
from articles.text import WORDS_PER_MINUTE
from articles.uploads import ImageUploadField
from articles.views import article_page_context, parse_id
from corrections.models import Correction
from quotecheck import paragraphs as body_paragraphs
from quotecheck.models import MAX_DAYS, QuoteCheck

from . import autosave, quotechecks, roles, workflow
from .desk import events_of, latest
from .forms import PictureInput, rich_text_field
from .inlines import DanishInlines
from .templatetags.newsroom import short_date
from .versions import (
    compare,
    compare_versions,
    compare_with_live,
    snapshot_of,
    snapshot_of_version,
)
from .widgets import LabelledSplitDateTime

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"

# The buttons of the article form that change its status: the workflow transition each
# asks for and the status it leads to.
STATUS_BUTTONS = {
    "_submit_for_review": ("submit", Article.Status.REVIEW),
    "_withdraw": ("withdraw", Article.Status.DRAFT),
    "_return": ("return", Article.Status.DRAFT),
    "_publish": ("publish", Article.Status.PUBLISHED),
    "_unpublish": ("unpublish", Article.Status.DRAFT),
}


class ArticleAdminForm(forms.ModelForm):
    body = rich_text_field("Brødtekst")
    hero_image = ImageUploadField(
        label="Hovedbillede", required=False, widget=PictureInput(picture="hero_picture")
    )
    workflow_note = forms.CharField(
        label="Note",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Følger med, når artiklen sendes til redigering, sendes tilbage til "
        "skribenten eller ændringer sendes til godkendelse. Skal udfyldes ved „Send tilbage“.",
    )

    # What the article held when the page was shown ("token:version", see current_shown).
    shown = forms.CharField(widget=forms.HiddenInput, required=False)

    # Set by ArticleAdmin.get_form: the user at hand, and, when what they save goes into the
    # article itself, what the article holds now: the token of its content and the saved
    # version it was shown from ("token:version"), or "" when nothing is to be checked.
    acting_user = None
    current_shown = ""
    # Set when the article has moved on since the page was shown, with the saved version
    # the page was shown from (its id, if the page named one).
    moved_on = False
    moved_on_from = None

    class Meta:
        model = Article
        # ArticleAdmin narrows this to its fieldsets, less the fields the user may not edit.
        fields = [
            "title",
            "slug",
            "section",
            "lead",
            "body",
            "hero_image",
            "hero_alt",
            "hero_caption",
            "hero_credit",
            "published_at",
            "front_page",
            "front_page_order",
            "goals",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The publication time is the workflow's to set (ArticleAdmin.apply_transition).
        self.loaded_published_at = self.instance.published_at
        self.requested_published_at = self.instance.published_at
        self.loaded_placement = (self.instance.front_page, self.instance.front_page_order)
        self.requested_placement = self.loaded_placement
        proposed_goals = getattr(self.instance, "_proposed_goals", None)
        if proposed_goals is not None and "goals" in self.fields:
            self.initial["goals"] = proposed_goals
        self.initial["shown"] = self.current_shown
        # The writing screen: the words are Danish (spelling checked as Danish where the
        # browser can), and the body shows its words and reading time (static/js/admin-editor.js).
        for name in ("title", "lead"):
            if name in self.fields:
                self.fields[name].widget.attrs.update(spellcheck="true", lang="da")
        if "lead" in self.fields:
            self.fields["lead"].widget.attrs["rows"] = 3  # a few sentences, not the article
        if "body" in self.fields:
            self.fields["body"].widget.attrs["data-words-per-minute"] = WORDS_PER_MINUTE

    def clean(self):
        self.check_nothing_moved_on()
        cleaned_data = super().clean()
        self.transition, self.target_status = self.requested_transition()
        # The byline formset checks the byline against the status the article is heading for.
        self.instance._target_status = self.target_status
        if self.transition is None:
            return cleaned_data
        # The workflow says what is allowed; the form only asks it before anything is saved,
        # with the article as it would be saved (the byline is checked by its formset).
        try:
            workflow.check(
                self.acting_user,
                self.instance,
                self.transition,
                note=cleaned_data.get("workflow_note") or "",
                content=self.article_as_saved(cleaned_data),
                author_count=1,
            )
        except ValidationError as error:  # only the note is missing
            self.add_error("workflow_note", error)
        except workflow.TransitionRefused as refused:
            raise ValidationError(str(refused), code="refused") from refused
        return cleaned_data

    def article_as_saved(self, cleaned_data) -> Article:
        # An image field's value is the upload, the current image, or False when cleared.
        image = cleaned_data.get("hero_image", self.instance.hero_image)
        return Article(
            title=cleaned_data.get("title") or "",
            lead=cleaned_data.get("lead") or "",
            body=cleaned_data.get("body") or "",
            hero_image=image or None,
            hero_alt=cleaned_data.get("hero_alt") or "",
            hero_credit=cleaned_data.get("hero_credit") or "",
        )

    def check_nothing_moved_on(self):
        """Save and publish only over what the page showed: if the article changed since
        (another tab, a journalist's save while an editor reads it), nothing is saved, the
        user's input stays in the form, and the page shows what changed. The form then
        carries the new content's token, so saving again is a choice made having seen it."""
        if not self.current_shown:
            return
        posted, _, version = (self.data.get("shown") or "").partition(":")
        if posted == self.current_shown.partition(":")[0]:
            return
        self.moved_on, self.moved_on_from = True, parse_id(version)
        self.data = self.data.copy()
        self.data["shown"] = self.current_shown
        raise ValidationError(
            "Artiklen er blevet ændret, siden du åbnede den, så intet er gemt eller udgivet. "
            "Se ændringerne øverst. Dine rettelser står stadig i formularen.",
            code="moved_on",
        )

    def requested_transition(self) -> tuple[str | None, str]:
        for button, (transition, status) in STATUS_BUTTONS.items():
            if button in self.data:
                return transition, status
        return None, self.instance.status

    def save(self, commit=True):
        article = super().save(commit=False)
        # Publication time and front-page placement are the workflow's to set
        # (ArticleAdmin.apply_transition): the form saves the article as it was loaded.
        self.requested_published_at = article.published_at
        article.published_at = self.loaded_published_at
        self.requested_placement = (article.front_page, article.front_page_order)
        article.front_page, article.front_page_order = self.loaded_placement
        if commit:
            article.save()
            self.save_m2m()
        return article


class CorrectionForm(forms.ModelForm):
    """A new correction: its kind, its text, and for a ruling the link to it."""

    class Meta:
        model = Correction
        fields = ["kind", "text", "ruling_url"]
        widgets = {"text": forms.Textarea(attrs={"rows": 5, "lang": "da", "spellcheck": "true"})}
        field_classes = {"ruling_url": partial(forms.URLField, assume_scheme="https")}


class QuoteCheckForm(forms.Form):
    """A new quote check: the source, the paragraphs that hold their statements (the
    article's paragraphs as the page shows them; each box carries its paragraph's
    fingerprint, newsroom/quotechecks.py) and a deadline."""

    source_name = forms.CharField(label="Kildens navn", max_length=200)
    source_email = forms.EmailField(
        label="Kildens e-mailadresse",
        required=False,
        help_text="Valgfri. Med en adresse får kilden linket på mail; uden kopierer du selv "
        "linket og sender det.",
    )
    paragraphs = forms.MultipleChoiceField(
        label="Afsnit med kildens udtalelser",
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Vælg de afsnit, kilden skal se.",
            "invalid_choice": "Artiklen er ændret, siden siden blev vist, så afsnittene står "
            "ikke, hvor de stod. Intet er sendt: vælg afsnittene igen.",
        },
    )
    deadline = forms.DateTimeField(
        label="Frist",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"],
        help_text=f"Dansk tid. To dage, medmindre du vælger andet; højst {MAX_DAYS} dage.",
    )

    def __init__(self, *args, paragraphs=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["paragraphs"].choices = [
            (quotechecks.choice_value(paragraph), paragraph.text) for paragraph in paragraphs
        ]

    def clean_deadline(self):
        return quotechecks.check_deadline(self.cleaned_data["deadline"])


# The link of a check just opened, kept in the session until its page has shown it once.
NEW_QUOTE_CHECK_LINK = "citattjek-nyt-link"


def count_articles(number: int) -> str:
    return f"{number} artikel er" if number == 1 else f"{number} artikler er"


class BylineFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        remaining = [
            form
            for form in self.forms
            if form.cleaned_data.get("author") and not form.cleaned_data.get("DELETE")
        ]
        status = getattr(self.instance, "_target_status", self.instance.status)
        if status == Article.Status.PUBLISHED and not remaining:
            raise ValidationError("En udgivet artikel skal have mindst én skribent.")


class ArticleInlineMixin:
    """An inline of the article form may change its rows only while the user may change the
    article itself (a journalist's published article is read-only to them)."""

    def _article_editable(self, request, obj) -> bool:
        # A change proposed to a published article holds its fields and goals: its byline,
        # tags and curated links stay as they are until an editor changes them.
        return obj is None or workflow.may_edit(request.user, obj)

    def has_add_permission(self, request, obj):
        return super().has_add_permission(request, obj) and self._article_editable(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._article_editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._article_editable(request, obj)


class ArticleAuthorInline(ArticleInlineMixin, admin.TabularInline):
    model = ArticleAuthor
    formset = BylineFormSet
    autocomplete_fields = ["author"]
    fields = ["author", "position"]
    extra = 1
    verbose_name = "skribent"
    add_another = "Tilføj en skribent"
    verbose_name_plural = "Skribenter (i byline-rækkefølge)"


class TaggedArticleInline(ArticleInlineMixin, admin.TabularInline):
    model = TaggedArticle
    autocomplete_fields = ["tag"]
    fields = ["tag"]
    extra = 1
    verbose_name = "emne"
    add_another = "Tilføj et emne"
    verbose_name_plural = "Emner"


class RelatedArticleFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        chosen = set()
        for form in self.forms:
            other = form.cleaned_data.get("to_article")
            if not other or form.cleaned_data.get("DELETE"):
                continue
            if other.pk == self.instance.pk:
                raise ValidationError("En artikel kan ikke være relateret til sig selv.")
            if other.pk in chosen:
                raise ValidationError(f"»{other}« er valgt mere end én gang.")
            chosen.add(other.pk)


class RelatedArticleInline(ArticleInlineMixin, admin.TabularInline):
    model = RelatedArticle
    fk_name = "from_article"
    formset = RelatedArticleFormSet
    autocomplete_fields = ["to_article"]
    fields = ["to_article", "position"]
    extra = 1
    verbose_name = "relateret artikel"
    verbose_name_plural = "Læs også (redaktionens valg, i rækkefølge)"
    add_another = "Tilføj en relateret artikel"


class MineFilter(admin.SimpleListFilter):
    """ "Mine artikler": those the user created or stands in the byline of (roles.is_own).
    Its heading is "Vis", without the "Efter" of the other filters: "Efter hvis artikler" is
    no Danish anyone says."""

    title = "vis"
    template = "admin/articles/article/filter_titled.html"
    parameter_name = "mine"

    def lookups(self, request, model_admin):
        return [("ja", "Mine artikler")]

    def queryset(self, request, queryset):
        if self.value() != "ja":
            return queryset
        user = request.user
        mine = Article.objects.filter(Q(created_by=user) | Q(bylines__author__user=user))
        return queryset.filter(pk__in=mine.values("pk"))


class StatusFilter(admin.SimpleListFilter):
    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [
            ("draft", "Kladde"),
            ("review", "Klar til redigering"),
            ("scheduled", "Planlagt"),
            ("published", "Udgivet"),
            ("papirkurv", "Papirkurv"),
        ]

    def queryset(self, request, queryset):
        """The trash shows only with its own choice; every other view leaves it out."""
        if self.value() == "papirkurv":
            return queryset.filter(trashed_at__isnull=False).order_by("-trashed_at")
        queryset = queryset.in_newsroom()
        now = timezone.now()
        match self.value():
            case "draft" | "review" as status:
                return queryset.filter(status=status)
            case "scheduled":
                return queryset.scheduled(now)
            case "published":
                return queryset.published()
        return queryset


@admin.register(Article)
class ArticleAdmin(DanishInlines, VersionAdmin):
    form = ArticleAdminForm
    change_form_template = "admin/articles/article/change_form.html"
    object_history_template = "admin/articles/article/object_history.html"
    # Short headings and short cells, so that a row is a line or two at 1280 px (the list's
    # CSS, "/* Article list */" in static/css/admin.css, does the rest).
    list_display = [
        "title",
        "status_label",
        "published_label",
        "section",
        "byline",
        "front_page_label",
    ]
    list_display_links = ["title"]
    list_filter = [
        MineFilter,
        StatusFilter,
        "section",
        ("bylines__author", admin.RelatedOnlyFieldListFilter),
        ("tagged_items__tag", admin.RelatedOnlyFieldListFilter),
        "front_page",
    ]
    # Titles and leads: a word in the body text matches half the archive, and scanning every
    # body makes the list slow. The site's own search (/soeg/) searches the text.
    search_fields = ["title", "lead"]
    search_help_text = "Søg i titel og manchet. Skriv flere ord for at finde artikler med dem alle."
    date_hierarchy = "published_at"
    list_select_related = ["section"]
    list_per_page = 50
    # What was worked on last first: a journalist's new draft at the top, not among the drafts.
    ordering = ["-updated_at", "-pk"]
    autocomplete_fields = ["section", "goals"]
    # The publication time with labels on its date and time inputs (newsroom/widgets.py).
    formfield_overrides = {models.DateTimeField: {"widget": LabelledSplitDateTime}}
    actions = [
        "submit_for_review",
        "publish_selected",
        "unpublish_selected",
        "make_top_story",
        "trash_selected",
        "restore_selected",
    ]

    fieldsets = [
        (None, {"fields": ["title", "slug", "section", "lead", "body", "goals"]}),
        (
            "Hovedbillede",
            {
                # The picture beside its texts (static/css/admin.css, "Writing screen").
                "classes": ["picture-fieldset"],
                "fields": ["hero_image", "hero_alt", "hero_caption", "hero_credit"],
            },
        ),
        ("Udgivelse", {"fields": ["status", "published_at", "front_page", "front_page_order"]}),
        ("Til redaktionen", {"fields": ["workflow_note"]}),
        ("Oplysninger", {"fields": ["created_by", "created_at", "updated_at"]}),
    ]

    @property
    def media(self):
        # No field of the article form is filled from another (a slug is made on saving when
        # it is empty): the three scripts that would do it are left out, three requests less.
        media = super().media
        unused = ("urlify", "prepopulate.", "xregexp")
        return forms.Media(
            js=[js for js in media._js if not any(name in js for name in unused)], css=media._css
        )

    # --- Who may do what -------------------------------------------------------------------

    def get_queryset(self, request):
        queryset = (
            super()
            .get_queryset(request)
            .prefetch_related(
                Prefetch("bylines", queryset=ArticleAuthor.objects.select_related("author"))
            )
        )
        if getattr(request, "listing_articles", False):
            # Each row carries its content's token (action_checkbox): fetched for all at once.
            # Its last logged step tells a draft an editor sent back (status_label).
            queryset = queryset.prefetch_related("goals", "tagged_items").annotate(
                **latest(events_of(), last_action="action")
            )
        return queryset

    def changelist_view(self, request, extra_context=None):
        request.listing_articles = True
        # The newsroom's words, not Django's "Vælg artikel, der skal ændres".
        extra_context = {"title": "Artikler", **(extra_context or {})}
        return super().changelist_view(request, extra_context)

    def add_view(self, request, form_url="", extra_context=None):
        extra_context = {"title": "Ny artikel", **(extra_context or {})}
        return super().add_view(request, form_url, extra_context)

    def get_formset_kwargs(self, request, obj, inline, prefix):
        """A new article starts with its writer's byline, when they write as an author."""
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if isinstance(inline, ArticleAuthorInline) and obj.pk is None and request.method == "GET":
            writer = Author.objects.filter(user=request.user).values_list("pk", flat=True).first()
            if writer is not None:
                kwargs["initial"] = [{"author": writer, "position": 0}]
        return kwargs

    def action_checkbox(self, article):
        """The row's checkbox, and the token of the content the list showed: "Udgiv valgte"
        publishes only what has not changed since (workflow.publish)."""
        return format_html(
            '{}<input type="hidden" name="shown-{}" value="{}">',
            super().action_checkbox(article),
            article.pk,
            workflow.content_token(article, prefetched=True),
        )

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or workflow.may_change(request.user, obj)

    def has_publish_permission(self, request):
        return roles.can_publish(request.user)

    def has_curate_permission(self, request):
        return roles.can_curate(request.user)

    def get_readonly_fields(self, request, obj=None):
        readonly = ["status", "created_by", "created_at", "updated_at"]
        if not roles.can_publish(request.user):
            readonly.append("published_at")
        if not roles.can_curate(request.user):
            readonly += ["front_page", "front_page_order"]
        return readonly

    def get_inlines(self, request, obj):
        inlines = [ArticleAuthorInline, TaggedArticleInline]
        if roles.can_curate(request.user):
            inlines.append(RelatedArticleInline)
        return inlines

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        form.acting_user = request.user
        if obj is not None and obj.pk is not None and workflow.may_edit(request.user, obj):
            form.current_shown = self.current_shown(request, obj)
        return form

    def current_shown(self, request, article) -> str:
        """What the change form of ``article`` shows it holds: the token of its content and
        its latest saved version ("token:version"). A restore asks before it writes the old
        content into the article (restore_form_view)."""
        before_restore = getattr(request, "shown_before_restore", None)
        if before_restore is not None:
            return before_restore
        version = Version.objects.get_for_object(article).values_list("pk", flat=True).first()
        return f"{workflow.content_token(article)}:{version or ''}"

    # --- Saving ------------------------------------------------------------------------------

    def save_model(self, request, obj, form, change):
        if change and workflow.may_propose(request.user, obj):
            # A journalist's edit of their published article waits for an editor: nothing
            # of it is saved to the article, and save_related leaves it alone too.
            goals = form.cleaned_data.get("goals")
            goal_ids = [goal.pk for goal in goals] if goals is not None else []
            if getattr(request, "autosave", None):
                # Goes on with the change already sent, as this page last saved it.
                form.proposed = workflow.update_open_change(
                    obj,
                    request.user,
                    workflow.content_of(obj, goal_ids),
                    shown=form.data.get("shown", ""),
                )
                return
            form.proposed = request.proposed_change = workflow.propose_change(
                obj,
                request.user,
                workflow.content_of(obj, goal_ids),
                note=form.cleaned_data.get("workflow_note", ""),
            )
            return
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
        if not change:
            workflow.created(obj, request.user)

    def save_related(self, request, form, formsets, change):
        if getattr(form, "proposed", None) is not None:
            return
        if getattr(request, "autosave", None):
            # Its answer gives the rows it added their ids (autosave.inline_rows); it never
            # adds a related article nor changes the status.
            request.autosave_formsets = formsets
            super().save_related(request, form, formsets, change)
            return
        super().save_related(request, form, formsets, change)
        if "_add_related" in request.POST and roles.can_curate(request.user):
            self.add_related(request, form.instance, request.POST["_add_related"])
        # Last, once the byline is saved: publishing checks the article as it now stands.
        self.apply_transition(request, form)

    def log_change(self, request, obj, message):
        if getattr(request, "autosave", None):
            return None  # an autosave is no entry in the admin's log ("Seneste handlinger")
        return super().log_change(request, obj, message)

    def construct_change_message(self, request, form, formsets, add=False):
        if getattr(form, "proposed", None) is not None:
            return "Ændringer sendt til godkendelse"  # nothing of the article was saved
        return super().construct_change_message(request, form, formsets, add)

    def apply_transition(self, request, form):
        """The status button pressed, or an editor's new publication time, through the
        workflow (the form itself never sets the status or the publication time)."""
        article, user = form.instance, request.user
        note = form.cleaned_data.get("workflow_note", "")
        at = form.requested_published_at
        match form.transition:
            case "submit":
                workflow.submit_for_review(article, user, note)
            case "withdraw":
                workflow.withdraw(article, user)
            case "return":
                workflow.return_to_author(article, user, note)
            case "publish":
                workflow.publish(article, user, at=at, note=note)
            case "unpublish":
                workflow.unpublish(article, user, note)
            case None if roles.can_publish(user) and at != form.loaded_published_at:
                workflow.set_publication_time(article, user, at)
        # After the status: a top story must be published first.
        if roles.can_curate(user) and form.requested_placement != form.loaded_placement:
            workflow.place_on_front_page(article, user, *form.requested_placement)

    def add_related(self, request, article, other_pk):
        other = (
            Article.objects.published().exclude(pk=article.pk).filter(pk=parse_id(other_pk)).first()
        )
        if other is None:
            self.message_user(request, "Artiklen kunne ikke tilføjes.", messages.ERROR)
            return
        links = RelatedArticle.objects.filter(from_article=article)
        if links.filter(to_article=other).exists():
            return
        position = (links.aggregate(last=Max("position"))["last"] or 0) + 1
        RelatedArticle.objects.create(from_article=article, to_article=other, position=position)
        self.message_user(request, f"»{other}« er tilføjet under Læs også.", messages.SUCCESS)

    def response_add(self, request, obj, post_url_continue=None):
        if getattr(request, "autosave", None):
            return autosave.saved(request, obj)
        if any(button in request.POST for button in STATUS_BUTTONS):
            self.message_status(request, obj)
            return HttpResponseRedirect(self.change_url(obj))
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if getattr(request, "autosave", None):
            return autosave.saved(request, obj)
        if getattr(request, "proposed_change", None) is not None:
            self.message_user(
                request,
                f"Dine ændringer til »{obj}« er sendt til godkendelse. Den udgivne artikel er "
                "uændret, indtil en redaktør har godkendt dem.",
                messages.SUCCESS,
            )
            return HttpResponseRedirect(self.change_url(obj))
        if any(button in request.POST for button in STATUS_BUTTONS):
            self.message_status(request, obj)
            return HttpResponseRedirect(self.change_url(obj))
        if "_add_related" in request.POST:
            return HttpResponseRedirect(self.change_url(obj) + "#relatedarticle-forslag")
        return super().response_change(request, obj)

    def message_status(self, request, article):
        if article.is_scheduled:
            when = timezone.localtime(article.published_at).strftime("%d.%m.%Y kl. %H:%M")
            text = f"»{article}« er planlagt til udgivelse {when}."
        elif article.status == Article.Status.PUBLISHED:
            text = f"»{article}« er udgivet."
        elif article.status == Article.Status.REVIEW:
            text = f"»{article}« er sendt til redigering."
        elif "_return" in request.POST:
            text = f"»{article}« er sendt tilbage til skribenten med din note."
        else:
            text = f"»{article}« er nu en kladde og vises ikke på sitet."
        self.message_user(request, text, messages.SUCCESS)

    def change_url(self, article) -> str:
        return reverse("admin:articles_article_change", args=[article.pk])

    # --- The change form -----------------------------------------------------------------------

    def get_object(self, request, object_id, from_field=None):
        """The article; for a journalist changing their published article, with the change
        they are working on put in (waiting for approval, or sent back to them), or the old
        version they are restoring. A form being saved locks the article first, so what it
        checks (ArticleAdminForm.check_nothing_moved_on) holds until it is saved."""
        pk = parse_id(unquote(object_id))
        if (
            request.method == "POST"
            and pk is not None
            and transaction.get_connection().in_atomic_block
        ):
            list(Article.objects.select_for_update().filter(pk=pk).values_list("pk"))
        article = super().get_object(request, object_id, from_field)
        if article is not None and workflow.may_propose(request.user, article):
            content = getattr(request, "restored_content", None)
            if content is None:
                change = workflow.change_in_progress(article)
                content = change.content if change is not None else None
            if content is not None:
                workflow.with_content(article, content)
                article._proposed_goals = content.get("goals", [])
        return article

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        user = request.user
        pending = workflow.open_change(obj) if obj and obj.pk else None
        live = Article.objects.get(pk=obj.pk) if pending is not None else None
        form = context["adminform"].form
        context.update(
            {
                "moved_on": form.moved_on,
                "moved_on_diff": self.moved_on_diff(form, obj) if form.moved_on else [],
                "can_publish": roles.can_publish(user),
                "can_curate": roles.can_curate(user),
                "is_own": obj is None or roles.is_own(user, obj),
                "may_edit": obj is None or workflow.may_edit(user, obj),
                "may_propose": obj is not None and workflow.may_propose(user, obj),
                "may_restore": obj is not None and workflow.may_restore(user, obj),
                "may_check_quotes": obj is not None and quotechecks.may_check_quotes(user, obj),
                "pending_change": pending,
                "pending_diff": compare_with_live(live, pending.content) if pending else [],
                "latest_note": workflow.latest_note(obj) if obj and obj.pk else None,
                "events": (list(obj.events.select_related("actor")[:50]) if obj and obj.pk else []),
                "related_suggestions": (
                    obj.related_suggestions() if obj and roles.can_curate(user) else []
                ),
                # The writing screen wants the width for the text and its preview; the
                # header and the breadcrumbs lead everywhere the sidebar does.
                "is_nav_sidebar_enabled": False,
                "autosave": autosave.context_for(self, request, obj),
            }
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def moved_on_diff(self, form, article):
        """What changed in ``article`` since its form was shown, from the saved version the
        page was shown from to what the database holds now."""
        version = (
            Version.objects.get_for_object_reference(Article, article.pk)
            .filter(pk=form.moved_on_from)
            .first()
            if form.moved_on_from
            else None
        )
        if version is None:
            return []
        return compare(
            snapshot_of_version(version), snapshot_of(Article.objects.get(pk=article.pk))
        )

    # --- The list ------------------------------------------------------------------------------

    @admin.display(description="Status", ordering="status")
    def status_label(self, article):
        css, text = article.status_chip, article.public_status
        if css == Article.Status.DRAFT and (
            getattr(article, "last_action", None) == ArticleEvent.Action.RETURNED
        ):
            css, text = "returned", "Sendt tilbage"
        return format_html('<span class="article-status article-status--{}">{}</span>', css, text)

    @admin.display(description="Udgivet", ordering="published_at")
    def published_label(self, article):
        if article.published_at is None:
            return None  # the list's "-"
        local = timezone.localtime(article.published_at)
        return format_html(
            '<time datetime="{}"><span>{}</span> <span>kl. {}</span></time>',
            local.isoformat(timespec="minutes"),
            short_date(local),
            f"{local:%H:%M}",
        )

    @admin.display(description="Byline")
    def byline(self, article):
        """Cut to one line by the list's CSS; the whole byline is in the title."""
        names = ", ".join(byline.author.name for byline in article.bylines.all())
        return format_html('<span class="article-byline" title="{}">{}</span>', names, names)

    @admin.display(description="Forside", ordering="front_page")
    def front_page_label(self, article):
        # "Fastgjort": the column's heading says where.
        labels = {Article.FrontPage.TOP: "Tophistorie", Article.FrontPage.PINNED: "Fastgjort"}
        return labels.get(article.front_page, "")

    # --- Actions -------------------------------------------------------------------------------

    def apply_to_each(self, request, articles, transition, done: str, refused: str):
        """Run a workflow transition on each article; say how many it changed and why any
        were refused. Each article is its own transaction and version."""
        changed = 0
        for article in articles:
            try:
                transition(article, request.user)
            except workflow.ContentMovedOn as reason:
                link = format_html('<a href="{}">Se artiklen</a>', self.change_url(article))
                self.message_user(
                    request, format_html("{}: {} {}", refused, reason, link), messages.WARNING
                )
            except workflow.TransitionRefused as reason:
                self.message_user(request, f"{refused}: {reason}", messages.WARNING)
            else:
                changed += 1
        self.message_user(request, f"{count_articles(changed)} {done}.")

    @admin.action(description="Send valgte til redigering", permissions=["change"])
    def submit_for_review(self, request, queryset):
        self.apply_to_each(
            request,
            queryset.filter(status=Article.Status.DRAFT),
            workflow.submit_for_review,
            "sendt til redigering",
            "Ikke sendt",
        )

    @admin.action(description="Udgiv valgte", permissions=["publish"])
    def publish_selected(self, request, queryset):
        """Publishes each chosen article as the list showed it: one changed since (a
        journalist may go on writing while it waits for review) is left for the editor to
        read again. Rows not shown on the page (all chosen across pages) carry no token and
        are never published from here."""

        def publish_as_shown(article, user):
            return workflow.publish(
                article, user, shown=request.POST.get(f"shown-{article.pk}", "")
            )

        self.apply_to_each(
            request,
            queryset.exclude(status=Article.Status.PUBLISHED),
            publish_as_shown,
            "udgivet",
            "Ikke udgivet",
        )

    @admin.action(description="Gør valgte til kladder (afpublicér)", permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        self.apply_to_each(
            request,
            queryset.exclude(status=Article.Status.DRAFT),
            workflow.unpublish,
            "gjort til kladde",
            "Ikke gjort til kladde",
        )

    @admin.action(description="Gør til forsidens tophistorie", permissions=["curate"])
    def make_top_story(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, "Vælg præcis én artikel.", messages.ERROR)
            return
        article = queryset.get()
        try:
            workflow.place_on_front_page(article, request.user, Article.FrontPage.TOP)
        except workflow.TransitionRefused as reason:
            self.message_user(request, str(reason), messages.ERROR)
            return
        self.message_user(request, f"»{article}« er nu forsidens tophistorie.")

    @admin.action(description="Gendan valgte fra papirkurven", permissions=["change"])
    def restore_selected(self, request, queryset):
        self.apply_to_each(
            request,
            queryset.filter(trashed_at__isnull=False),
            workflow.restore_from_trash,
            "gendannet som kladde",
            "Ikke gendannet",
        )

    # --- The trash: the admin's delete puts articles there -------------------------------------

    def delete_model(self, request, obj):
        workflow.trash(obj, request.user)

    def delete_queryset(self, request, queryset):
        for article in queryset:
            workflow.trash(article, request.user)

    def get_deleted_objects(self, objs, request):
        """What "Læg i papirkurven" asks about: the articles only, for nothing else goes
        (their bylines, log and versions stay with them), and none the user may not trash."""
        articles = list(objs)
        refused = {str(a) for a in articles if not workflow.may_trash(request.user, a)}
        return [str(article) for article in articles], {}, refused, []

    def has_delete_permission(self, request, obj=None):
        if not super().has_delete_permission(request, obj):
            return False
        return obj is None or workflow.may_trash(request.user, obj)

    # --- Preview and versions ------------------------------------------------------------------

    def get_urls(self):
        extra = [
            path(
                "autosave/",
                self.admin_site.admin_view(self.autosave_view),
                name="articles_article_autosave_add",
            ),
            path(
                "<path:object_id>/autosave/",
                self.admin_site.admin_view(self.autosave_view),
                name="articles_article_autosave",
            ),
            path(
                "<path:object_id>/forhaandsvisning/",
                self.admin_site.admin_view(self.preview_view),
                name="articles_article_preview",
            ),
            path(
                "<path:object_id>/aendringer/",
                self.admin_site.admin_view(self.review_change_view),
                name="articles_article_review_change",
            ),
            path(
                "<path:object_id>/historik/sammenlign/",
                self.admin_site.admin_view(self.compare_view),
                name="articles_article_compare",
            ),
            path(
                "<path:object_id>/rettelser/",
                self.admin_site.admin_view(self.corrections_view),
                name="articles_article_corrections",
            ),
            path(
                "<path:object_id>/citattjek/",
                self.admin_site.admin_view(self.quote_checks_view),
                name="articles_article_quote_checks",
            ),
            path(
                "<path:object_id>/gendan-fra-papirkurven/",
                self.admin_site.admin_view(self.restore_from_trash_view),
                name="articles_article_restore_from_trash",
            ),
        ]
        return extra + super().get_urls()

    def corrections_view(self, request, object_id):
        """An article's corrections ("Rettelser"): each with its state, and a form to add one.
        A journalist proposes one to their own published article; an editor publishes it (or
        their own at once) and may withdraw a published one with a reason, which readers see.
        Every step through the workflow. Plain forms: it works without JavaScript."""
        article = get_object_or_404(
            Article.objects.select_related("section"), pk=parse_id(object_id)
        )
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        user = request.user
        form = CorrectionForm(request.POST if "_add" in request.POST else None)
        error, withdraw_note = "", ""
        if request.method == "POST":
            try:
                text = self.correction_step(request, article, form)
            except (ValidationError, workflow.TransitionRefused) as refusal:
                error = " ".join(getattr(refusal, "messages", None) or [str(refusal)])
                withdraw_note = request.POST.get("note", "")
            else:
                if text:
                    self.message_user(request, text, messages.SUCCESS)
                    return HttpResponseRedirect(request.path)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": article,
            "title": f"Rettelser til »{article}«",
            "corrections": list(
                article.corrections.select_related("proposed_by", "published_by").order_by(
                    "-created_at", "-pk"
                )
            ),
            "form": form,
            "error": error,
            "withdraw_note": withdraw_note,
            "can_publish": roles.can_publish(user),
            "may_propose": workflow.may_propose_correction(user, article),
        }
        return TemplateResponse(request, "admin/articles/article/corrections.html", context)

    def correction_step(self, request, article, form) -> str:
        """The step the page's POST asks for, through the workflow; the message to show, or
        "" when the form has errors to show."""
        user, post = request.user, request.POST
        if "_add" in post:
            if not form.is_valid():
                return ""
            publish = roles.can_publish(user)
            workflow.propose_correction(article, user, **form.cleaned_data, publish=publish)
            if publish:
                return "Rettelsen er udgivet. Den står over artiklens tekst og på /rettelser/."
            return "Rettelsen er sendt til en redaktør, der udgiver den."
        correction = get_object_or_404(
            Correction, pk=parse_id(post.get("correction")), article=article
        )
        if "_publish" in post:
            workflow.publish_correction(correction, user)
            return "Rettelsen er udgivet."
        if "_withdraw" in post:
            workflow.withdraw_correction(correction, user, post.get("note", ""))
            return "Rettelsen er trukket tilbage. En dateret note med begrundelsen står i stedet."
        raise PermissionDenied

    def quote_checks_view(self, request, object_id):
        """An article's quote checks ("Citattjek"): each source's check with its paragraphs
        and answers (as the source saw them, and what changed since), and a form to open one.
        Its own journalists and the editors only (quotechecks.may_check_quotes); every step
        through newsroom/quotechecks.py. Plain forms: it works without JavaScript."""
        article = get_object_or_404(
            Article.objects.select_related("section"), pk=parse_id(object_id)
        )
        user = request.user
        if not quotechecks.may_check_quotes(user, article):
            raise PermissionDenied(
                "Kun artiklens egne skribenter og redaktørerne kan se og sende citattjek."
            )
        paragraphs = body_paragraphs.split(article.body)
        form = QuoteCheckForm(
            request.POST if "_open" in request.POST else None,
            paragraphs=paragraphs,
            initial={"deadline": timezone.localtime(quotechecks.default_deadline())},
        )
        error = ""
        if request.method == "POST":
            try:
                text = self.quote_check_step(request, article, form)
            except (ValidationError, workflow.TransitionRefused) as refusal:
                error = " ".join(getattr(refusal, "messages", None) or [str(refusal)])
            else:
                if text:
                    self.message_user(request, text, messages.SUCCESS)
                    return HttpResponseRedirect(request.path)
        new_link = request.session.pop(NEW_QUOTE_CHECK_LINK, None)
        checks = quotechecks.checks_of(article)
        for check in checks:
            check.selected = {
                quotechecks.choice_value(item.paragraph) for item in check.now_located if item.found
            }
        choices = [(quotechecks.choice_value(p), p) for p in paragraphs]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": article,
            "title": f"Citattjek af »{article}«",
            "checks": checks,
            "choices": choices,
            "selected": set(form["paragraphs"].value() or []),
            "form": form,
            "error": error,
            "new_link": new_link,
            "may_open": quotechecks.may_open(user, article),
            "max_days": MAX_DAYS,
        }
        return TemplateResponse(request, "admin/articles/article/quote_checks.html", context)

    def quote_check_step(self, request, article, form) -> str:
        """The step the page's POST asks for, through newsroom/quotechecks.py; the message to
        show, or "" when the form has errors to show."""
        user, post = request.user, request.POST
        if "_open" in post:
            if not form.is_valid():
                return ""
            data = form.cleaned_data
            check, token = quotechecks.open_check(
                article,
                user,
                source_name=data["source_name"],
                source_email=data["source_email"],
                chosen=data["paragraphs"],
                deadline=data["deadline"],
            )
            # Only the token's hash is kept: its link is shown once, on the page after this.
            request.session[NEW_QUOTE_CHECK_LINK] = {
                "check": check.pk,
                "url": quotechecks.check_url(token),
                "email": check.source_email,
            }
            return f"Citattjekket til {check.source_name} er oprettet."
        check = get_object_or_404(QuoteCheck, pk=parse_id(post.get("check")), article=article)
        if "_revoke" in post:
            quotechecks.revoke(check, user)
            return f"Linket til {check.source_name} er lukket. Det virker ikke længere."
        if "_choose_again" in post:
            quotechecks.choose_again(check, user, post.getlist("paragraphs"))
            return f"{check.source_name} ser nu de afsnit, du valgte, i samme link."
        raise PermissionDenied

    @method_decorator(require_POST)
    def restore_from_trash_view(self, request, object_id):
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404
        try:
            workflow.restore_from_trash(article, request.user)
        except workflow.TransitionRefused as reason:
            raise PermissionDenied(str(reason)) from reason
        self.message_user(
            request, f"»{article}« er gendannet fra papirkurven som kladde.", messages.SUCCESS
        )
        return HttpResponseRedirect(self.change_url(article))

    def response_delete(self, request, obj_display, obj_id):
        trash = reverse("admin:articles_article_changelist") + "?status=papirkurv"
        self.message_user(
            request,
            format_html(
                '»{}« er lagt i papirkurven. <a href="{}">Gå til papirkurven</a>, hvis du '
                "vil gendanne den.",
                obj_display,
                trash,
            ),
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:articles_article_changelist"))

    def get_actions(self, request):
        # Django's "Slet valgte" deletes for good: the trash takes its place ("Læg i
        # papirkurven", trash_selected).
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    @admin.action(description="Læg valgte i papirkurven", permissions=["delete"])
    def trash_selected(self, request, queryset):
        self.apply_to_each(
            request,
            queryset.filter(trashed_at__isnull=True),
            workflow.trash,
            "lagt i papirkurven",
            "Ikke lagt i papirkurven",
        )

    @method_decorator(never_cache)
    def autosave_view(self, request, object_id=None):
        """The change form saving itself a few seconds after typing stops (newsroom/autosave.py)."""
        return autosave.autosave_view(self, request, object_id)

    # django-reversion's revert and recover views write the whole old row, status and
    # publication time included, before the form's checks run. These two replace them: the
    # workflow restores the content only, and the change form then saves it like any edit.

    def revision_view(self, request, object_id, version_id, extra_context=None):
        article_id = parse_id(unquote(object_id))
        version = get_object_or_404(
            Version.objects.get_for_model(Article),
            pk=parse_id(version_id),
            object_id=str(article_id),
        )
        context = {
            "title": f"Gendan en tidligere version af »{version.object_repr}«",
            "revert": True,
            **(extra_context or {}),
        }
        return self.restore_form_view(request, version, "revision_form.html", context)

    def recover_view(self, request, version_id, extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        version = get_object_or_404(Version.objects.get_for_model(Article), pk=parse_id(version_id))
        if Article.objects.filter(pk=parse_id(version.object_id)).exists():
            # Not deleted: its history is where its versions are restored.
            return redirect("admin:articles_article_history", version.object_id)
        context = {
            "title": f"Gendan den slettede artikel »{version.object_repr}«",
            "recover": True,
            **(extra_context or {}),
        }
        return self.restore_form_view(request, version, "recover_form.html", context)

    def restore_form_view(self, request, version, template_name, context):
        """The change form of the article with ``version``'s content restored. Shown, it is
        rolled back; saved, it is committed like any edit, with the same permission checks,
        and the status buttons still there for an explicit status change. For a journalist's
        published article the old content is put in the form only: saved, it is a change
        proposed for an editor's approval, and the live article is never touched."""
        live = Article.objects.filter(pk=parse_id(version.object_id)).first()
        try:
            if live is not None and workflow.may_propose(request.user, live):
                request.restored_content = workflow.version_content(version)
                response = self.changeform_view(request, quote(str(live.pk)), request.path, context)
                return self.restore_form_response(response, template_name)
            with transaction.atomic():
                # What the live article holds before the old content is written into it: the
                # form is saved only over that (ArticleAdminForm.check_nothing_moved_on). A
                # deleted article being recovered has nothing live to check.
                shown = ""
                if live is not None:
                    live = Article.objects.select_for_update().get(pk=live.pk)
                    shown = self.current_shown(request, live)
                request.shown_before_restore = shown
                article = workflow.restore_version(version, request.user)
                with self.create_revision(request):
                    response = self.changeform_view(
                        request, quote(str(article.pk)), request.path, context
                    )
                    if request.method == "POST" and response.status_code == 302:
                        when = localize(timezone.localtime(version.revision.date_created))
                        reversion.set_comment(f"Gendannet fra versionen gemt {when}")
                        return response
                raise _ShownNotSaved(self.restore_form_response(response, template_name))
        except _ShownNotSaved as shown:
            return shown.response
        except workflow.RestoreFailed as error:
            self.message_user(request, f"Versionen kunne ikke gendannes: {error}", messages.ERROR)
            return redirect("admin:articles_article_changelist")

    def restore_form_response(self, response, template_name):
        if response.status_code == 200:
            response.template_name = self._reversion_get_template_list(template_name)
            response.render()
        return response

    def review_change_view(self, request, object_id):
        """A change waiting for approval, word by word against the live article. An editor
        approves it ("Godkend") or sends it back with a note ("Send tilbage"); the journalist
        who proposed it sees it here too."""
        article = get_object_or_404(
            Article.objects.select_related("section"), pk=parse_id(object_id)
        )
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        change = workflow.open_change(article)
        error = ""
        if request.method == "POST":
            if change is None or not roles.can_publish(request.user):
                raise PermissionDenied
            try:
                if "_approve" in request.POST:
                    shown = request.POST.get("shown", "")
                    workflow.approve_change(change, request.user, shown=shown)
                    text = f"Ændringerne til »{article}« er godkendt og udgivet."
                else:
                    workflow.return_change(change, request.user, request.POST.get("note", ""))
                    text = f"Ændringerne til »{article}« er sendt tilbage til skribenten."
            except (ValidationError, workflow.TransitionRefused) as refusal:
                error = " ".join(getattr(refusal, "messages", None) or [str(refusal)])
                # Shown again as they stand now: the new difference is what to look at.
                article.refresh_from_db()
                change = workflow.open_change(article)
            else:
                self.message_user(request, text, messages.SUCCESS)
                return HttpResponseRedirect(self.change_url(article))
        proposed = (
            article.events.filter(action=ArticleEvent.Action.CHANGE_PROPOSED)
            .select_related("actor")
            .first()
            if change
            else None
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": article,
            "title": f"Ændringer til »{article}«",
            "change": change,
            "diff": compare_with_live(article, change.content) if change else [],
            # What this page shows, for the approval to bind to (workflow.approve_change).
            "shown": workflow.change_token(change, article) if change else "",
            "proposal_note": proposed.note if proposed else "",
            "can_publish": roles.can_publish(request.user),
            "error": error,
            "note": request.POST.get("note", ""),
        }
        return TemplateResponse(request, "admin/articles/article/review_change.html", context)

    @method_decorator(never_cache)
    # Framed by the change form's preview panel, so by the admin's own pages only: the site's
    # pages stay unframeable (X_FRAME_OPTIONS = "DENY", frame-ancestors 'none').
    @method_decorator(xframe_options_sameorigin)
    @method_decorator(csp_replace({"frame-ancestors": ["'self'"]}))
    def preview_view(self, request, object_id):
        """The article in the public template, whatever its status, for staff only."""
        queryset = Article.objects.for_page()
        article = get_object_or_404(queryset, pk=parse_id(object_id))
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        # Holes for the reader's state, filled by the page cache's middleware on the way out,
        # as on the public page (nothing of a preview is ever stored).
        holes.open_for(request)
        context = article_page_context(article) | {
            "is_preview": True,
            # In the change form's sandboxed frame, scripts may not run: none are sent.
            "framed_preview": request.GET.get("ramme") == "1",
        }
        response = TemplateResponse(request, "articles/article_detail.html", context)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    def compare_view(self, request, object_id):
        article = get_object_or_404(Article, pk=parse_id(object_id))
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        versions = list(Version.objects.get_for_object(article).select_related("revision"))
        chosen = {str(version.pk): version for version in versions}
        older = chosen.get(request.GET.get("fra", ""))
        newer = chosen.get(request.GET.get("til", ""))
        if older is None and len(versions) > 1:
            older = versions[1]
        if newer is None and versions:
            newer = versions[0]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": article,
            "title": f"Sammenlign versioner af »{article}«",
            "versions": versions,
            "older": older,
            "newer": newer,
            "changes": compare_versions(older, newer) if older and newer else [],
        }
        return TemplateResponse(request, "admin/articles/article/compare.html", context)


class _ShownNotSaved(Exception):
    """Leaves a restore's transaction without saving it, carrying the page to show."""

    def __init__(self, response):
        self.response = response


@admin.register(Section)
class SectionAdmin(VersionAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "description", "position", "followers"]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "followers":
            # Only editors review articles: the ones who may publish can follow a section.
            kwargs["queryset"] = (
                get_user_model()
                .objects.with_perm("articles.publish_article", backend=MODEL_BACKEND)
                .filter(is_active=True)
                .order_by("first_name", "username")
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)


@admin.register(Author)
class AuthorAdmin(VersionAdmin):
    list_display = ["name", "role", "user"]
    search_fields = ["name", "role"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["user"]
    fields = ["name", "slug", "role", "bio", "photo", "user"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "photo":
            return ImageUploadField(label="Portræt", required=False)
        return super().formfield_for_dbfield(db_field, request, **kwargs)


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    fields = ["name", "slug"]
    readonly_fields = ["slug"]

    def get_search_results(self, request, queryset, search_term):
        """The tag picker's search: the exact name first ("Renovering" before
        "Energirenovering"), then names that begin with the term, then the rest."""
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        term = search_term.strip()
        if term:
            closeness = Case(
                When(name__iexact=term, then=0),
                When(name__istartswith=term, then=1),
                default=2,
                output_field=IntegerField(),
            )
            queryset = queryset.annotate(closeness=closeness).order_by("closeness", "name")
        return queryset, may_have_duplicates


@admin.register(ArticleSlugRedirect)
class ArticleSlugRedirectAdmin(admin.ModelAdmin):
    list_display = ["old_slug", "article", "created_at"]
    search_fields = ["old_slug", "article__title"]
    list_select_related = ["article"]

    def has_add_permission(self, request):
        return False  # made by the site itself when a published article's slug changes

    def has_change_permission(self, request, obj=None):
        return False
