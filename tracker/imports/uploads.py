"""Taking an uploaded file in: kept in memory and bounded, then read as UTF-8 text."""

import io

from django.conf import settings
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from tracker.imports.days import Problem, Refused

# Set on the request when a file went past IMPORT_MAX_BYTES and was dropped unread.
TOO_LARGE_ATTRIBUTE = "import_file_too_large"


class BoundedMemoryUploadHandler(FileUploadHandler):
    """The app's only upload handler (FILE_UPLOAD_HANDLERS). An uploaded file is health data:
    it stays in this process's memory and is never written to a temporary file on disk, as
    Django's default handlers do past 2.5 MB. A file past IMPORT_MAX_BYTES is skipped as it
    arrives (the rest of it is read and dropped), so a huge upload costs no memory; the view
    sees no file and the request says why."""

    def new_file(self, *args, **kwargs) -> None:
        super().new_file(*args, **kwargs)
        self.buffer = io.BytesIO()

    def receive_data_chunk(self, raw_data: bytes, start: int) -> None:
        if start + len(raw_data) > settings.IMPORT_MAX_BYTES:
            if self.request is not None:
                setattr(self.request, TOO_LARGE_ATTRIBUTE, True)
            raise SkipFile
        self.buffer.write(raw_data)
        return None

    def file_complete(self, file_size: int) -> InMemoryUploadedFile:
        self.buffer.seek(0)
        return InMemoryUploadedFile(
            file=self.buffer,
            field_name=self.field_name,
            name=self.file_name,
            content_type=self.content_type,
            size=file_size,
            charset=self.charset,
            content_type_extra=self.content_type_extra,
        )


def megabytes(size: int) -> str:
    value = size / (1024 * 1024)
    shown = number_format(int(value) if value.is_integer() else round(value, 4))
    return _("%(size)s MB") % {"size": shown}


def too_large() -> Problem:
    limit = megabytes(settings.IMPORT_MAX_BYTES)
    return Problem("", _("The file is larger than %(limit)s.") % {"limit": limit})


def is_zip(raw: bytes) -> bool:
    """A zip by its content, not its name (Loop Habit Tracker's export): a local file header,
    or an empty archive's end record."""
    return raw[:4] in (b"PK\x03\x04", b"PK\x05\x06")


def read_text(raw: bytes) -> str:
    """The file as text: UTF-8 (a byte-order mark is allowed, as spreadsheets write one), with
    no NUL character (a binary file, or UTF-16). Refused otherwise."""
    if len(raw) > settings.IMPORT_MAX_BYTES:
        raise Refused([too_large()])
    if not raw.strip():
        raise Refused([Problem("", _("The file is empty."))])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise Refused(
            [
                Problem(
                    _("Line %(line)s") % {"line": line},
                    _(
                        "The file is not UTF-8 text. Export it again from backhabits, or save "
                        "it as “CSV UTF-8” from a spreadsheet."
                    ),
                )
            ]
        ) from None
    if "\x00" in text:
        raise Refused([Problem("", _("This is not a text file (CSV or JSON)."))])
    return text
