"""Settings from ``revdiff.toml`` (in the working directory) or ``revdiff --config FILE``.

The file is a flat set of tables; every key is optional::

    [compare]
    watch = ["商标", "专利"]      # extra watched terms
    lang = "en"                   # default --lang
    format = "json"               # default --format (when -o has no telling extension)

    [funding]
    verbs = ["奖补资金"]          # extra words that make a sentence a funding pledge
    units = ["千元"]              # extra money units after an amount

    [severity]
    funding_added = "high"        # override the severity of a finding kind

    [clean]
    drop = ["^本文来源：.*$"]     # boilerplate: a line that matches a pattern whole is dropped

Unknown tables or keys, wrong types, bad patterns and unknown severities are errors
(``ConfigError``, one line naming the file and the key).  Command-line options override the
file.  The settings reach the library as explicit parameters (``Settings.compare_options``),
never as global state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from revdiff.errors import RevdiffError

DEFAULT_FILE = "revdiff.toml"
SEVERITIES = ("high", "medium", "low")
LANGS = ("zh", "en")
FORMATS = ("html", "json", "md", "csv")


class ConfigError(RevdiffError):
    """A settings file that cannot be used: the message names the file and the key."""


def finding_kinds() -> list[str]:
    """Every finding kind a severity can be set for (the classifier's and the UI's lists)."""
    from revdiff.classify import _KIND_ORDER
    from revdiff.render.i18n import KIND_ORDER

    return list(dict.fromkeys([*KIND_ORDER, *_KIND_ORDER]))


# table -> key -> checker name
_SCHEMA: dict[str, dict[str, str]] = {
    "compare": {"watch": "strings", "lang": "lang", "format": "format"},
    "funding": {"verbs": "strings", "units": "strings"},
    "severity": {},  # one key per finding kind, see finding_kinds()
    "clean": {"drop": "patterns"},
}


def known_keys() -> list[str]:
    """The keys a settings file may hold, as ``table.key``."""
    out = []
    for table, keys in _SCHEMA.items():
        out += [f"{table}.{k}" for k in keys] if keys else [f"{table}.<finding kind>"]
    return out


@dataclass(frozen=True)
class Settings:
    """What a settings file says (empty when there is none)."""

    source: str | None = None  # the file, as named to the user
    watch: tuple[str, ...] | None = None
    lang: str | None = None
    format: str | None = None
    pledge_words: tuple[str, ...] = ()
    pledge_units: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    drop_patterns: tuple[str, ...] = ()

    def compare_options(self) -> dict[str, Any]:
        """Keyword arguments for ``revdiff.compare`` (only the settings that are set).

        ``watch`` is not among them: it is a command-line default (``--watch`` replaces it).
        """
        out: dict[str, Any] = {}
        if self.source:  # named in the report, so a reader knows settings shaped it
            out["settings_file"] = self.source
        if self.pledge_words:
            out["pledge_words"] = list(self.pledge_words)
        if self.pledge_units:
            out["pledge_units"] = list(self.pledge_units)
        if self.severity:
            out["severity"] = dict(self.severity)
        if self.drop_patterns:
            out["drop_patterns"] = list(self.drop_patterns)
        return out

    def outline_options(self) -> dict[str, Any]:
        """Keyword arguments for ``revdiff.outline``: the boilerplate patterns."""
        return {"drop_patterns": list(self.drop_patterns)} if self.drop_patterns else {}

    def ledger_options(self) -> dict[str, Any]:
        """Keyword arguments for ``revdiff.ledger``: pledge words and units, boilerplate."""
        keys = ("pledge_words", "pledge_units", "drop_patterns")
        return {k: v for k, v in self.compare_options().items() if k in keys}

    def default_map(self) -> dict[str, dict[str, Any]]:
        """click defaults per command: the options a command line can still override."""
        compare: dict[str, Any] = {}
        batch: dict[str, Any] = {}
        if self.lang:
            compare["lang"] = batch["lang"] = self.lang
        if self.watch is not None:
            compare["watch"] = ",".join(self.watch)
        return {"compare": compare, "batch": batch}


def _type_name(value: Any) -> str:
    return {
        str: "a string",
        bool: "a boolean",
        int: "an integer",
        float: "a number",
        list: "a list",
        dict: "a table",
    }.get(type(value), type(value).__name__)


def _check(name: str, kind: str, value: Any) -> Any:
    """The checked value of key ``name``; ConfigError text (without the file) otherwise."""
    if kind in ("strings", "patterns"):
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise ValueError(
                f"'{name}' must be a list of non-empty strings, not {_type_name(value)}"
                if not isinstance(value, list)
                else f"'{name}' must be a list of non-empty strings"
            )
        items = [v.strip() for v in value] if kind == "strings" else list(value)
        if kind == "patterns":
            for p in items:
                try:
                    re.compile(p)
                except re.error as exc:
                    raise ValueError(f"'{name}': {p!r} is not a valid regular expression ({exc})") from None
        return tuple(dict.fromkeys(items))
    choices = {"lang": LANGS, "format": FORMATS, "severity": SEVERITIES}[kind]
    if not isinstance(value, str) or value not in choices:
        shown = repr(value) if isinstance(value, str) else _type_name(value)
        raise ValueError(f"'{name}' must be one of {', '.join(choices)}, not {shown}")
    return value


def parse_settings(data: dict[str, Any], source: str) -> Settings:
    """Check a parsed TOML document against the schema and return its Settings."""

    def fail(message: str) -> ConfigError:
        return ConfigError(f"{source}: {message}")

    known = ", ".join(known_keys())
    values: dict[str, Any] = {}
    severity: dict[str, str] = {}
    kinds = finding_kinds()
    for table, body in data.items():
        if table not in _SCHEMA:
            raise fail(f"unknown key '{table}'; known keys: {known}")
        if not isinstance(body, dict):
            raise fail(f"'{table}' must be a table ([{table}]), not {_type_name(body)}")
        for key, value in body.items():
            name = f"{table}.{key}"
            if table == "severity":
                if key not in kinds:
                    raise fail(f"unknown key '{name}'; known finding kinds: {', '.join(kinds)}")
                try:
                    severity[key] = _check(name, "severity", value)
                except ValueError as exc:
                    raise fail(str(exc)) from None
                continue
            kind = _SCHEMA[table].get(key)
            if kind is None:
                raise fail(f"unknown key '{name}'; known keys: {known}")
            try:
                values[name] = _check(name, kind, value)
            except ValueError as exc:
                raise fail(str(exc)) from None
    return Settings(
        source=source,
        watch=values.get("compare.watch"),
        lang=values.get("compare.lang"),
        format=values.get("compare.format"),
        pledge_words=values.get("funding.verbs", ()),
        pledge_units=values.get("funding.units", ()),
        severity=severity,
        drop_patterns=values.get("clean.drop", ()),
    )


def load_settings(path: str | None = None, cwd: str | Path | None = None) -> Settings:
    """Settings from ``path``, else from ``revdiff.toml`` in ``cwd`` (default: the working
    directory) if there is one, else empty Settings."""
    if path is None:
        candidate = Path(cwd or Path.cwd()) / DEFAULT_FILE
        if not candidate.is_file():
            return Settings()
        source, file = DEFAULT_FILE if cwd is None else str(candidate), candidate
    else:
        source, file = path, Path(path)
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise ConfigError(
            f"cannot read settings file {source}: {exc.strerror or exc}; check the --config path"
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError(f"{source}: not UTF-8 text; save the settings file as UTF-8") from None
    import tomllib  # here, not at the top: most runs have no settings file to parse

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{source}: not valid TOML ({exc})") from None
    return parse_settings(data, source)
