"""Which e-mail addresses the newsletter takes: addresses a mail server on the internet can
deliver to, as the RFCs define them, and nothing else.

Django's ``EmailValidator`` is kinder than the newsletter may be: it takes address literals
(``x@[127.0.0.1]``, a mail to a machine named by its IP address, which lets anyone point our
mail server at an internal host), ``x@localhost``, and local parts of any length, which no
mail server accepts. Here an address must also keep the limits of SMTP (RFC 5321 §4.5.3.1):
at most 64 octets before the @, at most 254 in all (the 256-octet path less its angle
brackets), a domain name of at most 253 octets in labels of at most 63 (RFC 1035), counted as
the domain goes over the wire (IDNA, so ``ærø.dk`` is ``xn--r-1ga8b.dk``); and a quoted local
part may hold only what RFC 5321 lets it (printable ASCII, no control characters).

Each refusal says in Danish what is wrong, so the reader can mend the address.
"""

from __future__ import annotations

import ipaddress
import re

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator

MAX_LOCAL_OCTETS = 64
MAX_ADDRESS_OCTETS = 254
MAX_DOMAIN_OCTETS = 253
MAX_LABEL_OCTETS = 63

INVALID = "Skriv en gyldig e-mailadresse, fx navn@eksempel.dk."
LITERAL = "Skriv et domænenavn efter @, fx navn@eksempel.dk. En IP-adresse kan ikke bruges."
LOCAL_TOO_LONG = "Delen før @ er for lang: den må højst være på {limit} tegn, men er på {length}."
ADDRESS_TOO_LONG = "Adressen er for lang: den må højst være på {limit} tegn, men er på {length}."
DOMAIN_TOO_LONG = (
    "Domænet efter @ er for langt: det må højst være på {limit} tegn, men er på {length}."
)
LABEL_TOO_LONG = (
    "Hver del af domænet mellem punktummerne må højst være på {limit} tegn. »{label}« er for lang."
)

# RFC 5321 §4.1.2: a quoted local part holds printable ASCII (qtextSMTP), or a backslash and
# one printable character (quoted-pairSMTP). Django's pattern also lets control characters in.
QUOTED_LOCAL = re.compile(r'"(?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\[\x20-\x7e])*"\Z')

# Django's syntax check, without its "localhost" exception: a newsletter goes to the internet.
_syntax = EmailValidator(message=INVALID, allowlist=[])


def validate_address(value: str) -> None:
    """Raise a ``ValidationError`` with a Danish message unless ``value`` (stripped) is an
    address the newsletter can mail."""
    if not value or "@" not in value:
        raise ValidationError(INVALID, code="invalid")
    local, domain = value.rsplit("@", 1)
    if domain.startswith("[") or domain.endswith("]") or is_ip_address(domain):
        raise ValidationError(LITERAL, code="address_literal")
    wire_domain = on_the_wire(domain)
    if wire_domain is None:
        raise ValidationError(INVALID, code="invalid")
    if len(local.encode()) > MAX_LOCAL_OCTETS:
        raise ValidationError(
            LOCAL_TOO_LONG.format(limit=MAX_LOCAL_OCTETS, length=len(local.encode())),
            code="local_too_long",
        )
    for typed, label in zip(domain.split("."), wire_domain.split("."), strict=True):
        if len(label) > MAX_LABEL_OCTETS:
            raise ValidationError(
                LABEL_TOO_LONG.format(limit=MAX_LABEL_OCTETS, label=shortened(typed)),
                code="label_too_long",
            )
    if len(wire_domain) > MAX_DOMAIN_OCTETS:
        raise ValidationError(
            DOMAIN_TOO_LONG.format(limit=MAX_DOMAIN_OCTETS, length=len(wire_domain)),
            code="domain_too_long",
        )
    length = len(local.encode()) + 1 + len(wire_domain)
    if length > MAX_ADDRESS_OCTETS:
        raise ValidationError(
            ADDRESS_TOO_LONG.format(limit=MAX_ADDRESS_OCTETS, length=length),
            code="address_too_long",
        )
    if local.startswith('"') and not QUOTED_LOCAL.match(local):
        raise ValidationError(INVALID, code="invalid")
    _syntax(value)


def is_mailable(value: str) -> bool:
    """Whether the newsletter may send mail to ``value`` (a stored address: one taken before
    these rules is not mailed)."""
    try:
        validate_address(value)
    except ValidationError:
        return False
    return True


def is_ip_address(domain: str) -> bool:
    try:
        ipaddress.ip_address(domain)
    except ValueError:
        return False
    return True


def on_the_wire(domain: str) -> str | None:
    """The domain as a mail server is given it: IDNA (punycode) for a name with letters
    outside ASCII; None if it cannot be written so (an empty label, say)."""
    if domain.isascii():
        return domain
    try:
        return domain.encode("idna").decode("ascii")
    except UnicodeError:
        # Python's codec refuses a label longer than 63 octets once encoded: it is told as
        # such, counted by its own encoding.
        labels = []
        for label in domain.split("."):
            try:
                labels.append(label.encode("idna").decode("ascii"))
            except UnicodeError:
                if not label:
                    return None
                labels.append("xn--" + label.encode("punycode").decode("ascii"))
        return ".".join(labels)


def shortened(label: str, keep: int = 20) -> str:
    return label if len(label) <= keep else label[:keep] + "…"
