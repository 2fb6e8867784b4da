"""Bringing days in from a file (Settings -> Import): read, checked, previewed, then written
all or nothing.

A source reads its file into plain data (`days.Parsed`: one `ImportedDay` per date, and the
names of the person's lists it ticks); everything after that is the same for every source.

- `days.py`: what a source yields, and how it is kept between the preview and the confirmation.
- `uploads.py`: taking the upload in memory within the size limit, and reading it as UTF-8 text.
- `checks.py`: each value checked with the check-in's own form fields, by line and column;
  dates, duplicates and the row limit.
- `own_export.py`: backhabits' own CSV and JSON exports (tracker.trends.exports writes them).
- `drafts.py`: the parsed file, kept in a short-lived row owned by the person until they
  confirm or cancel.
- `preview.py`: what the file holds, what clashes with days already here, what each column
  becomes.
- `zipfiles.py`: an uploaded zip read without trusting it (names, members, unpacked size).
- `loop.py`: Loop Habit Tracker's CSV export zip read into habits and their days.
- `apply.py`: the confirmation, in one transaction, each day through the one way a day changes
  (tracker.days.checkins.record_day), so the red-flag rules run on imported days too.
"""
