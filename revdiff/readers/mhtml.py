"""MHTML (.mht, .mhtml): a web page saved as one file ("Web 档案，单个文件") by IE, Edge, Chrome or WPS.

The file is a MIME message (RFC 2557), ``multipart/related``: the page's HTML in one part
(quoted-printable or base64, its charset in the part's header or only in the page's
``<meta>``), its images and style sheets in the others.  The stdlib ``email`` package takes
the message apart; the page is then read by the HTML reader, so a government page, or a
Wayback Machine snapshot saved as MHTML, is read as the same page saved as .html would be.
The message's ``Subject`` (the page title) and ``Date`` are metadata; the page's address
(``Snapshot-Content-Location`` / ``Content-Location``) is ``metadata["url"]``.
"""

from __future__ import annotations

from email import errors as email_errors
from email.message import Message

from revdiff.errors import InputError
from revdiff.model import RawDoc

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _corrupt(source: str, why: str) -> InputError:
    return InputError(f"{source}: corrupt or truncated MHTML ({why}); save the page again")


def _root_part(msg: Message, source: str) -> Message:
    """The page's HTML part: the first one (browsers write the page first, its frames after)."""
    if not msg.is_multipart():
        if msg.get_content_type() in _HTML_TYPES:
            return msg
        if msg.get_content_maintype() == "multipart":  # its boundary is found nowhere
            raise _corrupt(source, "its parts cannot be found")
        raise _corrupt(source, f"a single {msg.get_content_type()} part and no web page")
    parts = [p for p in msg.walk() if not p.is_multipart()]
    html = [p for p in parts if p.get_content_type() in _HTML_TYPES]  # (no parts at all: none either)
    if not html:
        raise _corrupt(source, "no text/html part")
    chosen = html[0]
    if chosen is parts[-1] and any(isinstance(d, email_errors.CloseBoundaryNotFoundDefect) for d in msg.defects):
        raise _corrupt(source, "the page's part has no end")
    return chosen


def read(data: bytes, source: str) -> RawDoc:
    """Read the web page inside an MHTML file (see the module docstring)."""
    import email
    import email.policy

    msg = email.message_from_bytes(data, policy=email.policy.compat32)
    part = _root_part(msg, source)
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes) or not payload.strip():
        raise _corrupt(source, "the page's part is empty")
    if any(isinstance(d, (email_errors.InvalidBase64CharactersDefect, email_errors.InvalidBase64PaddingDefect,
                          email_errors.InvalidBase64LengthDefect))
           for d in part.defects):  # fmt: skip  (recorded while decoding)
        raise _corrupt(source, "damaged base64")
    from revdiff.readers import html

    raw = html.read(payload, source, charset=part.get_content_charset())
    raw.format = "mhtml"
    url = _header(msg, "Snapshot-Content-Location") or _header(part, "Content-Location") or _header(msg, "Content-Location")
    if not url.strip().lower().startswith(("http://", "https://")):
        url = ""  # Word's and WPS's "single file web page" name a file:/// of the saving machine
    found = {"url": url, "saved": _header(msg, "Date"), "subject": _header_text(_header(msg, "Subject"))}
    for key, value in found.items():
        if value and value.strip():
            raw.metadata.setdefault(key, value.strip())
    return raw


def _header(msg: Message, name: str) -> str:
    """A header's value as a string (a header holding raw non-ASCII bytes comes as a Header object)."""
    value = msg.get(name)
    return str(value) if value is not None else ""


def _header_text(value: str | None) -> str | None:
    """A MIME header's text with its RFC 2047 encoded words (=?utf-8?B?…?=) decoded."""
    if not value:
        return None
    from email.header import decode_header, make_header

    try:
        return str(make_header(decode_header(value)))
    except (UnicodeDecodeError, LookupError, email_errors.HeaderParseError):
        return value
