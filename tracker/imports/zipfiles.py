"""Reading an uploaded zip without trusting it.

An upload is whatever a stranger's browser sent, so nothing in the archive is believed: not the
names (a member called ``../../settings.py`` or ``/etc/passwd`` is refused, never written
anywhere: members are only read into memory), not the sizes the headers declare (each member is
read in chunks with a running count, so a zip bomb stops at the bound however small it claims to
be), not the kind of member (symlinks, encrypted members and zips inside the zip are refused).

Only the standard library's ``zipfile`` reads the bytes. Every failure ends as
``ImportFileError``, whose ``message`` is the sentence to show the person.
"""

from __future__ import annotations

import io
import stat
import zipfile
import zlib
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext, ngettext

try:  # Optional in some Python builds; a member compressed with it then fails as unsupported.
    import lzma

    _LZMA_ERRORS: tuple[type[Exception], ...] = (lzma.LZMAError,)
except ImportError:  # pragma: no cover
    _LZMA_ERRORS = ()

MB = 1024 * 1024
_CHUNK = 64 * 1024
# The first bytes of a zip's local header, and of the end record an empty zip has only.
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_NESTED_SUFFIXES = (".zip", ".jar", ".apk", ".gz", ".tgz", ".bz2", ".xz", ".7z", ".rar", ".tar")
# What zipfile and its decompressors raise on damaged or unsupported archives. RuntimeError is
# an encrypted member without a password; NotImplementedError an unknown compression method.
_READ_ERRORS: tuple[type[Exception], ...] = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    RuntimeError,
    NotImplementedError,
    *_LZMA_ERRORS,
)


class ImportFileError(Exception):
    """A file that can't be imported; ``message`` says why in words for the person.

    ``file`` and ``line`` name where, when known (a member of the zip, a 1-based line).
    """

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line


@dataclass(frozen=True)
class ZipLimits:
    """Bounds on an upload. The defaults fit a Loop export of years of many habits with room to
    spare: 3 years of 20 habits, as Loop writes them, is 180 KB zipped and 1.1 MB unpacked."""

    max_upload_bytes: int = 5 * MB
    max_members: int = 2000
    max_member_bytes: int = 5 * MB
    max_total_bytes: int = 25 * MB


def _mb(n: int) -> str:
    if n >= MB:
        return gettext("%(size)s MB") % {"size": number_format(round(n / MB))}
    shown = number_format(n, force_grouping=True)
    return ngettext("%(size)s byte", "%(size)s bytes", n) % {"size": shown}


def check_member_name(name: str) -> str:
    """The member's name if it is a plain relative path; else ImportFileError.

    Refused: absolute paths (``/x``, ``\\x``, ``C:x``), any ``..`` or empty component, backslashes
    (never written by Loop's Java ZipOutputStream, and a path separator on Windows), control
    characters. Nothing is ever written to disk, but a refused name is a sign of a hostile or
    damaged file, and the names are shown back to the person.
    """
    shown = name.encode("unicode_escape").decode("ascii")[:80]
    bad = ImportFileError(
        gettext("The zip holds a file with a name we can't accept: “%(name)s”.") % {"name": shown}
    )
    if not name or name.startswith("/") or "\\" in name:
        raise bad
    if len(name) > 255 * 4 or any(ord(c) < 32 or ord(c) == 127 for c in name):
        raise bad
    if len(name) >= 2 and name[1] == ":":
        raise bad
    parts = name.rstrip("/").split("/")
    if any(part in ("", ".", "..") for part in parts):
        raise bad
    return name


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    # Unix zips keep the file's mode in the high 16 bits of the external attributes.
    # Checked whatever create_system says: a zip made elsewhere may still carry the bits.
    return stat.S_ISLNK(info.external_attr >> 16)


def read_zip(data: bytes, limits: ZipLimits | None = None) -> dict[str, bytes]:
    """Every regular file in the zip, by its name, read within ``limits``.

    Directories are left out (their files carry the path). Raises ImportFileError for anything
    that is not a plain, small zip of plain files.
    """
    limits = limits or ZipLimits()
    if len(data) > limits.max_upload_bytes:
        raise ImportFileError(
            gettext("The file is %(size)s; the most we take is %(limit)s.")
            % {"size": _mb(len(data)), "limit": _mb(limits.max_upload_bytes)}
        )
    if not data.startswith(_ZIP_MAGICS):
        raise ImportFileError(
            gettext("This isn't a zip file. Choose the .zip file the export made.")
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except _READ_ERRORS as error:
        raise ImportFileError(
            gettext("This zip file is damaged or not one we can read. Export it again and retry.")
        ) from error
    with archive:
        infos = archive.infolist()
        if len(infos) > limits.max_members:
            raise ImportFileError(
                gettext("The zip holds %(count)s files; the most we take is %(limit)s.")
                % {
                    "count": number_format(len(infos), force_grouping=True),
                    "limit": number_format(limits.max_members, force_grouping=True),
                }
            )
        files: dict[str, bytes] = {}
        total = 0
        for info in infos:
            name = check_member_name(info.filename)
            if _is_symlink(info):
                raise ImportFileError(
                    gettext("The zip holds a link (“%(name)s”); we only take files.")
                    % {"name": name}
                )
            if info.flag_bits & 0x1:
                raise ImportFileError(
                    gettext("“%(name)s” in the zip is password-protected.") % {"name": name}
                )
            if info.is_dir():
                continue
            if name in files:
                raise ImportFileError(gettext("The zip holds “%(name)s” twice.") % {"name": name})
            if name.lower().endswith(_NESTED_SUFFIXES):
                raise ImportFileError(_nested(name))
            content, total = _read_member(archive, info, name, total, limits)
            if content.startswith(_ZIP_MAGICS):
                raise ImportFileError(_nested(name))
            files[name] = content
    return files


def _nested(name: str) -> str:
    return gettext("The zip holds another archive (“%(name)s”); choose the export's own zip.") % {
        "name": name
    }


def _read_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, total: int, limits: ZipLimits
) -> tuple[bytes, int]:
    """The member's bytes and the new running total, counted as they are unpacked: a header
    may claim a few bytes and unpack to gigabytes, so its sizes are never used as the bound."""
    chunks: list[bytes] = []
    size = 0
    try:
        with archive.open(info) as member:
            while chunk := member.read(_CHUNK):
                size += len(chunk)
                total += len(chunk)
                if size > limits.max_member_bytes:
                    raise ImportFileError(
                        gettext(
                            "“%(name)s” unpacks to more than %(limit)s, more than we take from "
                            "one file."
                        )
                        % {"name": name, "limit": _mb(limits.max_member_bytes)}
                    )
                if total > limits.max_total_bytes:
                    raise ImportFileError(
                        gettext("The zip unpacks to more than %(limit)s, more than we take.")
                        % {"limit": _mb(limits.max_total_bytes)}
                    )
                chunks.append(chunk)
    except _READ_ERRORS as error:
        raise ImportFileError(
            gettext(
                "“%(name)s” in the zip is damaged or not one we can read. Export it again and "
                "retry."
            )
            % {"name": name}
        ) from error
    return b"".join(chunks), total
