"""Languages (docs/LANGUAGES.md): which locale a request reads in, and the message catalogs that put the code's
English messages into the others.

The locale of a request is chosen once, by the gateway, before anything is read: the operation's
`@locale(code:)` directive, else the `Accept-Language` header, else the viewer's preferred language (their
partner's, then the enterprise's), else the default; each negotiated against the supported locales with Babel
(`de-CH` reads German). It travels as `Viewer.locale`, so every scoped query reads it as `$scope.locale`.

The catalogs are gettext `.po` files, `locales/<locale>/LC_MESSAGES/partnergraph.po`, read with Babel's
`read_po` when the gateway starts (no compile step: the catalogs are small, and a `.mo` beside each `.po` could go
stale). A message id is the English message as the code writes it; a variable part is a `{name}` placeholder (the
msgid is the f-string's text with each expression named), and the translation names the same placeholders. A
message is translated where it leaves the gateway (a payload's `UserError.message`, a GraphQL error, an HTTP
refusal): the English text is matched against the catalog, exactly, else against each template with placeholders,
whose values are translated too when the catalog holds them (the action of a FORBIDDEN message). A message the
catalog does not hold stays English; codes never change.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from babel import Locale, UnknownLocaleError, negotiate_locale
from babel.messages.pofile import read_po

CATALOGS = Path(__file__).resolve().parents[2] / "locales"
DOMAIN = "partnergraph"
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
MAX_LANGUAGE_RANGES = 20  # of an Accept-Language header: the rest is ignored
MAX_TEMPLATED_MESSAGE = 500  # characters; a longer message stays English unless the catalog holds it exactly
MAX_NESTING = 1  # a message inside a message (`variables`: …) is translated; nothing deeper


def accept_language(header: str | None) -> list[str]:
    """The language ranges of an `Accept-Language` header (RFC 9110, 12.5.4), most wanted first (by weight, then
    order); `*` and ranges weighted 0 are left out, as is anything malformed."""
    ranges: list[tuple[float, int, str]] = []
    for position, part in enumerate((header or "").split(",")[:MAX_LANGUAGE_RANGES]):
        tag, *parameters = (piece.strip() for piece in part.split(";"))
        weight = 1.0
        for parameter in parameters:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        if tag and tag != "*" and re.fullmatch(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*", tag) and 0 < weight <= 1:
            ranges.append((-weight, position, tag))
    return [tag for _, _, tag in sorted(ranges)]


@dataclass(frozen=True)
class Template:
    """A catalog entry with placeholders: the regex that matches its English message, and the translation."""

    pattern: re.Pattern[str]
    translation: str


@dataclass
class Catalog:
    """One locale's translations: exact messages, and templates with placeholders (longest text first, so the most
    specific wins)."""

    exact: dict[str, str] = field(default_factory=dict)
    templates: list[Template] = field(default_factory=list)

    @classmethod
    def read(cls, path: Path, locale: str) -> Catalog:
        with path.open("rb") as file:
            po = read_po(file, locale=locale.replace("-", "_"), domain=DOMAIN)
        catalog = cls()
        for message in po:
            if not message.id or not message.string or message.fuzzy or not isinstance(message.id, str):
                continue
            assert isinstance(message.string, str)
            if _PLACEHOLDER.search(message.id):
                catalog.templates.append(Template(template_pattern(message.id), message.string))
            else:
                catalog.exact[message.id] = message.string
        catalog.templates.sort(key=lambda t: -len(_PLACEHOLDER.sub("", t.pattern.pattern)))
        return catalog

    def translate(self, message: str, depth: int = 0) -> str:
        found = self.exact.get(message)
        if found is not None:
            return found
        # Messages carry client input (names, keys): only short ones are matched against the templates, and a
        # value is translated one level down at most, so a hostile message costs bounded time and no recursion.
        if len(message) > MAX_TEMPLATED_MESSAGE or depth > MAX_NESTING:
            return message
        for template in self.templates:
            match = template.pattern.fullmatch(message)
            if match:
                # A value is translated too when the catalog holds it (an action, "the body", a nested message).
                values = {name: self.translate(value, depth + 1) if value else value
                          for name, value in match.groupdict().items()}
                return template.translation.format(**values)
        return message


def template_pattern(msgid: str) -> re.Pattern[str]:
    """The regex of a message id with `{name}` placeholders: its text literally, each placeholder any text."""
    parts = _PLACEHOLDER.split(msgid)
    seen: set[str] = set()
    pattern = ""
    for index, part in enumerate(parts):
        if index % 2 == 0:
            pattern += re.escape(part)
        elif part in seen:
            pattern += f"(?P={part})"
        else:
            seen.add(part)
            pattern += f"(?P<{part}>.*?)"
    return re.compile(pattern, re.DOTALL)


def placeholders(text: str) -> set[str]:
    return set(_PLACEHOLDER.findall(text))


@dataclass(frozen=True)
class Languages:
    """The supported locales (PARTNERGRAPH_LOCALES), the default (PARTNERGRAPH_DEFAULT_LOCALE), and their message
    catalogs; one per gateway, read at startup."""

    supported: tuple[str, ...]
    default: str
    catalogs: dict[str, Catalog] = field(default_factory=dict, compare=False)

    @classmethod
    def load(cls, supported: Iterable[str], default: str, directory: Path = CATALOGS) -> Languages:
        codes = tuple(dict.fromkeys(supported))
        for code in codes:
            try:
                Locale.parse(code, sep="-")
            except (ValueError, UnknownLocaleError) as exc:
                raise ValueError(f"PARTNERGRAPH_LOCALES: {code!r} is not a locale Babel knows") from exc
        if default not in codes:
            raise ValueError(f"PARTNERGRAPH_DEFAULT_LOCALE {default!r} is not one of PARTNERGRAPH_LOCALES {codes}")
        catalogs = {code: Catalog.read(path, code) for code in codes if code != default
                    if (path := directory / code / "LC_MESSAGES" / f"{DOMAIN}.po").exists()}
        return cls(codes, default, catalogs)

    def supports(self, code: str | None) -> str | None:
        """The supported locale `code` names exactly (case and `_` or `-` aside), else None."""
        if not code:
            return None
        wanted = code.replace("_", "-").lower()
        return next((c for c in self.supported if c.lower() == wanted), None)

    def negotiate(self, requested: Sequence[str]) -> str | None:
        """The supported locale that best serves the requested ones, in order (Babel's negotiation: an exact match,
        else a locale's language, `de-CH` → `de`), else None."""
        found = negotiate_locale([r.replace("_", "-") for r in requested if r], list(self.supported), sep="-")
        return self.supports(found)

    def choose(self, requested: Sequence[str], preferred: Sequence[str]) -> str:
        """The request's locale: the requested ones (the directive's, then the header's), else the viewer's
        preferred languages, else the default."""
        return self.negotiate(requested) or self.negotiate(preferred) or self.default

    def display_name(self, code: str) -> str:
        """The locale's name in its own language (Deutsch, français)."""
        return Locale.parse(code, sep="-").get_display_name(code.replace("-", "_")) or code

    def translate(self, message: str, locale: str | None) -> str:
        """`message` (English, as the code writes it) in `locale`; unchanged where the catalog has no entry."""
        catalog = self.catalogs.get(locale or self.default)
        return catalog.translate(message) if catalog is not None else message


ENGLISH_ONLY = Languages(("en",), "en")  # a context built without the gateway's (tools, tests of one layer)
