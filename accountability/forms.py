"""The genmæle form (/genmaele/): the article, the reply, and how to reach the reader.

Every message is one Danish sentence that says what to do. A form sent back keeps all that
was typed. An article that cannot be found is an error the first time, saying so and keeping
what was typed; the reader may then send the request all the same (``send_alligevel``), as
the right to a genmæle does not depend on our finding the article: the editors find it.
"""

from __future__ import annotations

import re

from django import forms

from newsletter.addresses import validate_address

from .lookup import find_article

TEXT_MAX = 5000

NOT_FOUND = (
    "Vi kan ikke finde en udgivet artikel med den adresse eller titel. Kopiér adressen fra "
    "artiklen (den begynder med {site}/artikler/), eller send anmodningen alligevel, så finder "
    "redaktionen artiklen."
)
OTHER_SITE = (
    "Adressen er ikke en adresse på {site_name}. Kopiér adressen fra artiklen på vores site, "
    "eller send anmodningen alligevel."
)
AMBIGUOUS = (
    "Flere artikler passer på det, du skrev. Kopiér adressen fra artiklen, eller skriv hele titlen."
)
PHONE = re.compile(r"^\+?[0-9 ()-]{6,30}$")


class GenmaeleForm(forms.Form):
    artikel = forms.CharField(
        label="Artiklens adresse eller titel",
        max_length=500,
        help_text="Kopiér adressen fra browserens adresselinje, eller skriv titlen.",
        error_messages={
            "required": "Skriv artiklens adresse eller titel.",
            "max_length": "Adressen eller titlen er for lang: højst %(limit_value)d tegn.",
        },
    )
    genmaele = forms.CharField(
        label="Dit genmæle",
        max_length=TEXT_MAX,
        widget=forms.Textarea,
        help_text=(
            "Det, du ønsker offentliggjort: dine oplysninger om de faktiske forhold, kort og "
            f"sagligt. Højst {TEXT_MAX} tegn."
        ),
        error_messages={
            "required": "Skriv dit genmæle: det, du ønsker offentliggjort.",
            "max_length": "Genmælet er for langt: højst %(limit_value)d tegn, men er på "
            "%(show_value)d.",
        },
    )
    navn = forms.CharField(
        label="Dit navn",
        max_length=150,
        error_messages={
            "required": "Skriv dit navn.",
            "max_length": "Navnet er for langt: højst %(limit_value)d tegn.",
        },
    )
    email = forms.CharField(
        label="Din e-mailadresse",
        max_length=254,
        validators=[validate_address],
        help_text="Vi sender en kvittering hertil, og redaktøren svarer dig her.",
        error_messages={
            "required": "Skriv din e-mailadresse, så redaktøren kan svare dig.",
            "max_length": "Adressen er for lang: højst %(limit_value)d tegn.",
        },
    )
    telefon = forms.CharField(
        label="Dit telefonnummer (kan udelades)",
        max_length=30,
        required=False,
        error_messages={"max_length": "Telefonnummeret er for langt: højst %(limit_value)d tegn."},
    )
    send_alligevel = forms.BooleanField(
        label="Send anmodningen alligevel, selv om artiklen ikke blev fundet",
        required=False,
    )

    def __init__(self, *args, hosts=frozenset(), site="", site_name="", **kwargs):
        super().__init__(*args, **kwargs)
        self.hosts, self.site, self.site_name = set(hosts), site, site_name
        self.article = None
        self.article_missing = False  # the reader may send it all the same

    def clean_telefon(self):
        phone = " ".join(self.cleaned_data["telefon"].split())
        if phone and not PHONE.match(phone):
            raise forms.ValidationError(
                "Skriv telefonnummeret med cifre, fx 12 34 56 78 eller +45 12 34 56 78.",
                code="phone",
            )
        return phone

    def clean_navn(self):
        return " ".join(self.cleaned_data["navn"].split())

    def clean_email(self):
        return self.cleaned_data["email"].strip()

    def clean(self):
        data = super().clean()
        typed = data.get("artikel")
        if typed:
            found = find_article(typed, self.hosts)
            self.article = found.article
            if found.article is None:
                self.article_missing = True
                if not data.get("send_alligevel"):
                    message = {
                        "other_site": OTHER_SITE,
                        "ambiguous": AMBIGUOUS,
                    }.get(found.problem, NOT_FOUND)
                    self.add_error(
                        "artikel",
                        forms.ValidationError(
                            message.format(site=self.site, site_name=self.site_name),
                            code=found.problem,
                        ),
                    )
        return data

    def error_list(self) -> list[tuple[str, str]]:
        """(field id, message) of every error, in the form's order, for the summary."""
        return [
            (self[name].id_for_label, error)
            for name in self.fields
            for error in self.errors.get(name, [])
        ] + [("genmaele-formular", error) for error in self.non_field_errors()]
