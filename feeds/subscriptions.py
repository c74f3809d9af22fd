"""The user's feed subscriptions: ``subscriptions.toml`` in the config dir, and OPML in and out.

Example::

    [[feed]]
    url = "https://astanatimes.com/feed/"
    title = "The Astana Times"
    folder = "Central Asia"        # nested folders as "A/B"
    tags = ["kz", "english"]
    refresh_minutes = 60           # at least 5
    enabled = true

The file is the user's: order is kept, and it is rewritten atomically (temp file + rename), so a
crash never leaves half a file. The fetch state (validators, errors) lives in the database.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from feeds.config import ConfigError
from feeds.errors import ParseError
from feeds.paths import config_dir

SUBSCRIPTIONS_FILE = "subscriptions.toml"
MIN_REFRESH_MINUTES = 5
"""Politeness floor (SECURITY.md §4): smaller values are raised to this."""
DEFAULT_REFRESH_MINUTES = 60
MAX_OPML_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Subscription:
    """One subscribed feed."""

    url: str
    title: str = ""
    """Display name; empty means "use the feed's own title"."""
    folder: str = ""
    """Folder path, nested levels joined by "/" ("World/Europe"); empty for the top level."""
    tags: tuple[str, ...] = ()
    refresh_minutes: int = DEFAULT_REFRESH_MINUTES
    """How often ``newsdesk fetch --due`` asks this feed; at least :data:`MIN_REFRESH_MINUTES`."""
    enabled: bool = True

    @property
    def name(self) -> str:
        """What to call the feed: its title, else its URL."""
        return self.title or self.url


def subscriptions_path() -> Path:
    """Where ``subscriptions.toml`` lives (XDG_CONFIG_HOME respected)."""
    return config_dir() / SUBSCRIPTIONS_FILE


# -- URL checks ------------------------------------------------------------------------------


def url_problem(url: str) -> str | None:
    """Why ``url`` cannot be subscribed, or None when it is a plain http(s) URL.

    Commands (``exec:``, ``filter:``, ``|cmd``) and local files are refused outright: other
    readers ran them from imported OPML (newsboat PR #3400, SECURITY.md §5).
    """
    text = url.strip()
    lowered = text.lower()
    if not text:
        return "empty URL"
    if lowered.startswith("|"):
        return "pipe commands are never run"
    if lowered.startswith(("exec:", "filter:")):
        return f"{lowered.split(':', 1)[0]}: commands are never run"
    if lowered.startswith("file:"):
        return "local files cannot be subscribed (use 'newsdesk import PATH')"
    try:
        parts = urlsplit(text)
    except ValueError:
        return "not a valid URL"
    if parts.scheme not in ("http", "https"):
        return f"only http and https URLs are allowed (got {parts.scheme or 'no scheme'})"
    if not parts.hostname:
        return "the URL has no host name"
    if any(ch.isspace() or ord(ch) < 32 for ch in text):
        return "the URL contains spaces or control characters"
    return None


def _same_url(a: str, b: str) -> bool:
    return a.strip().rstrip("/").casefold() == b.strip().rstrip("/").casefold()


# -- reading and writing the TOML file ---------------------------------------------------------


def _subscription_from(entry: Any, index: int, path: Path) -> Subscription:
    where = f"[[feed]] number {index + 1}"
    if not isinstance(entry, dict):
        raise ConfigError(f"{where} is not a table", source=str(path))
    url = entry.get("url")
    if not isinstance(url, str) or not url.strip():
        raise ConfigError(f"{where} has no url", source=str(path))
    problem = url_problem(url)
    if problem:
        raise ConfigError(f"{where}: {problem}: {url}", source=str(path))
    title, folder = entry.get("title", ""), entry.get("folder", "")
    tags, minutes = entry.get("tags", []), entry.get("refresh_minutes", DEFAULT_REFRESH_MINUTES)
    enabled = entry.get("enabled", True)
    if not isinstance(title, str) or not isinstance(folder, str):
        raise ConfigError(f"{where}: title and folder must be strings", source=str(path))
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise ConfigError(f"{where}: tags must be a list of strings", source=str(path))
    # bool is an int subclass; refresh_minutes = true is a mistake, not 1 minute.
    if isinstance(minutes, bool) or not isinstance(minutes, int):
        raise ConfigError(f"{where}: refresh_minutes must be a whole number", source=str(path))
    if not isinstance(enabled, bool):
        raise ConfigError(f"{where}: enabled must be true or false", source=str(path))
    return Subscription(
        url=url.strip(),
        title=title,
        folder=_clean_folder(folder),
        tags=tuple(tags),
        refresh_minutes=max(MIN_REFRESH_MINUTES, minutes),
        enabled=enabled,
    )


def _clean_folder(folder: str) -> str:
    return "/".join(part.strip() for part in folder.split("/") if part.strip())


def parse_subscriptions(text: str, path: Path) -> list[Subscription]:
    """Subscriptions from TOML text (``path`` names the file in messages).

    Raises:
        ConfigError: not valid TOML, or a wrong value.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"cannot read subscriptions: {error}", source=str(path)) from None
    feeds = data.get("feed", [])
    if not isinstance(feeds, list):
        raise ConfigError("'feed' must be an array of tables ([[feed]])", source=str(path))
    return [_subscription_from(entry, i, path) for i, entry in enumerate(feeds)]


def load_subscriptions(path: Path | None = None) -> list[Subscription]:
    """Read the subscriptions file in its order; a missing file means no subscriptions.

    Raises:
        ConfigError: the file cannot be read, is not valid TOML, or has a wrong value.
    """
    path = path or subscriptions_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read subscriptions: {error}", source=str(path)) from None
    return parse_subscriptions(text, path)


def toml_string(value: str) -> str:
    """A TOML basic string: quotes, backslashes and every control character escaped."""
    out = ['"']
    for char in value:
        code = ord(char)
        if char == '"':
            out.append('\\"')
        elif char == "\\":
            out.append("\\\\")
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif char == "\r":
            out.append("\\r")
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04X}")
        elif 0xD800 <= code <= 0xDFFF:
            # A lone surrogate cannot be written as UTF-8 nor escaped in TOML.
            out.append("\\uFFFD")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def dumps_subscriptions(subscriptions: Iterable[Subscription]) -> str:
    """The TOML text for ``subscriptions``, in order (``tomllib`` reads it back unchanged)."""
    lines = [
        "# newsdesk subscriptions: one [[feed]] table per feed, in the order shown.",
        '# Fields: url, title, folder ("A/B" nests), tags, refresh_minutes (>= 5), enabled.',
    ]
    for sub in subscriptions:
        tags = ", ".join(toml_string(t) for t in sub.tags)
        lines += [
            "",
            "[[feed]]",
            f"url = {toml_string(sub.url)}",
            f"title = {toml_string(sub.title)}",
            f"folder = {toml_string(sub.folder)}",
            f"tags = [{tags}]",
            f"refresh_minutes = {int(sub.refresh_minutes)}",
            f"enabled = {'true' if sub.enabled else 'false'}",
        ]
    return "\n".join(lines) + "\n"


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so readers see the old file or the new one, never half.

    Raises:
        ConfigError: the directory or file cannot be written.
    """
    import tempfile  # only when writing: it pulls in random and shutil

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise ConfigError(f"cannot write: {error.strerror or error}", source=str(path)) from None


def save_subscriptions(subscriptions: Iterable[Subscription], path: Path | None = None) -> None:
    """Write the subscriptions file atomically.

    Raises:
        ConfigError: it cannot be written.
    """
    path = path or subscriptions_path()
    write_atomically(path, dumps_subscriptions(subscriptions).encode("utf-8"))


# -- editing ----------------------------------------------------------------------------------


def find_subscription(subscriptions: Sequence[Subscription], key: str) -> Subscription | None:
    """The subscription whose URL, else title (case-insensitive), is ``key``."""
    for sub in subscriptions:
        if _same_url(sub.url, key):
            return sub
    folded = key.strip().casefold()
    for sub in subscriptions:
        if sub.title and sub.title.casefold() == folded:
            return sub
    return None


@dataclass(frozen=True, slots=True)
class MergeResult:
    """Subscriptions after adding new ones, and what happened to each new one."""

    subscriptions: tuple[Subscription, ...]
    added: tuple[Subscription, ...] = ()
    duplicates: tuple[Subscription, ...] = ()


def merge_subscriptions(
    existing: Sequence[Subscription], new: Iterable[Subscription]
) -> MergeResult:
    """Append ``new`` subscriptions whose URL is not already subscribed (order kept)."""
    merged = list(existing)
    added: list[Subscription] = []
    duplicates: list[Subscription] = []
    for sub in new:
        if any(_same_url(sub.url, have.url) for have in merged):
            duplicates.append(sub)
        else:
            merged.append(sub)
            added.append(sub)
    return MergeResult(tuple(merged), tuple(added), tuple(duplicates))


def remove_subscription(
    subscriptions: Sequence[Subscription], key: str
) -> tuple[list[Subscription], Subscription | None]:
    """Subscriptions without the one matching ``key`` (URL or title), and the one removed."""
    found = find_subscription(subscriptions, key)
    return [s for s in subscriptions if s is not found], found


# -- OPML -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RejectedOutline:
    """An OPML entry that was not imported, and why."""

    line: int
    url: str
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.url}: {self.reason}"


@dataclass(frozen=True, slots=True)
class OpmlImport:
    """Feeds found in an OPML file, in document order, and the entries refused."""

    subscriptions: tuple[Subscription, ...] = ()
    rejected: tuple[RejectedOutline, ...] = field(default_factory=tuple)


def _safe_parser() -> Any:
    from lxml import etree

    # No entity expansion, no DTD or network access, no "huge" documents (SECURITY.md §3).
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=False
    )


def parse_opml(data: bytes, origin: str = "OPML") -> OpmlImport:
    """Feeds in an OPML document; nested folder outlines become folder paths ("A/B").

    Only http(s) feed URLs are accepted; each refused entry is reported with its line.

    Raises:
        ParseError: not well-formed XML, not OPML, or too large.
    """
    from lxml import etree

    if len(data) > MAX_OPML_BYTES:
        raise ParseError(
            f"OPML file is too large (over {MAX_OPML_BYTES // 2**20} MiB)", source=origin
        )
    from feeds.loaders.feed import strip_doctype

    try:
        # libxml2 still substitutes internal entities inside attribute values (where feed URLs
        # live) even with resolve_entities=False; OPML needs no DTD, so drop it entirely.
        root = etree.fromstring(strip_doctype(data), parser=_safe_parser())
    except etree.XMLSyntaxError as error:
        raise ParseError(f"not well-formed XML: {error}", source=origin) from None
    if not isinstance(root.tag, str) or etree.QName(root).localname.lower() != "opml":
        raise ParseError("not an OPML file (the root element is not <opml>)", source=origin)
    body = next((c for c in root if isinstance(c.tag, str) and _local(c) == "body"), None)
    if body is None:
        raise ParseError("OPML file has no <body>", source=origin)
    found: list[Subscription] = []
    rejected: list[RejectedOutline] = []

    def walk(parent: Any, folder: tuple[str, ...]) -> None:
        for node in parent:
            if not isinstance(node.tag, str) or _local(node) != "outline":
                continue
            attrs = {str(k).lower(): str(v) for k, v in node.attrib.items()}
            label = (attrs.get("title") or attrs.get("text") or "").strip()
            url = attrs.get("xmlurl", "").strip()
            if not url:
                # An outline without a feed URL is a folder; "/" inside a name would nest.
                name = label.replace("/", "-")
                walk(node, (*folder, name) if name else folder)
                continue
            problem = url_problem(url)
            if problem:
                rejected.append(RejectedOutline(node.sourceline or 0, url, problem))
                continue
            tags = tuple(
                t.strip().strip("/") for t in attrs.get("category", "").split(",") if t.strip("/ ")
            )
            # Exporters (ours too) put the URL in text= when a feed has no title.
            title = "" if label == url else label
            found.append(Subscription(url=url, title=title, folder="/".join(folder), tags=tags))
            walk(node, folder)  # tolerate feeds nested under feeds

    walk(body, ())
    unique = merge_subscriptions([], found)
    return OpmlImport(unique.subscriptions, tuple(rejected))


def _local(node: Any) -> str:
    from lxml import etree

    return str(etree.QName(node).localname).lower()


def to_opml(
    subscriptions: Iterable[Subscription], *, title: str = "newsdesk subscriptions"
) -> bytes:
    """An OPML 2.0 document of ``subscriptions``, folders as nested outlines (order kept)."""
    from lxml import etree

    root = etree.Element("opml", version="2.0")
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = title
    etree.SubElement(head, "dateCreated").text = datetime.now(UTC).strftime(
        "%a, %d %b %Y %H:%M:%S GMT"
    )
    body = etree.SubElement(root, "body")
    folders: dict[tuple[str, ...], Any] = {(): body}

    def folder_node(path: tuple[str, ...]) -> Any:
        if path not in folders:
            parent = folder_node(path[:-1])
            folders[path] = etree.SubElement(parent, "outline", text=path[-1], title=path[-1])
        return folders[path]

    for sub in subscriptions:
        path = tuple(p for p in sub.folder.split("/") if p)
        attrs = {"type": "rss", "text": sub.title or sub.url, "xmlUrl": sub.url}
        if sub.title:
            attrs["title"] = sub.title
        if sub.tags:
            attrs["category"] = ",".join(sub.tags)
        # lxml refuses control characters in attributes; they cannot be in XML 1.0 anyway.
        clean = {k: "".join(c for c in v if c >= " " or c in "\t\n") for k, v in attrs.items()}
        etree.SubElement(folder_node(path), "outline", clean)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))
