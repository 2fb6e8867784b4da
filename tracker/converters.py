import datetime as dt


class IsoDateConverter:
    """Matches YYYY-MM-DD; an impossible date such as 2025-02-30 is a 404, not a 500."""

    regex = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"

    def to_python(self, value: str) -> dt.date:
        return dt.date.fromisoformat(value)  # ValueError makes the URL not match

    def to_url(self, value: dt.date) -> str:
        return value.isoformat()
