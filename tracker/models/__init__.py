"""The app's tables, one file per feature: a person and what reaches them (accounts), a
recorded day and what comes with it (days), the guide and its tips (guide), care alerts and
their wording (care) and share links (sharing). Everything is imported from here, as
`tracker.models`, which is where Django and the migrations look for it."""

from tracker.models.accounts import (
    Profile,
    PushSubscription,
    ReminderSent,
    new_unsubscribe_key,
)
from tracker.models.care import OPEN_CARE_ALERT, CareAlert, CareAlertQuerySet, CareWording
from tracker.models.days import (
    DAY_CONTENT_FIELDS,
    AwayPeriod,
    CheckIn,
    ImportDraft,
    OfflineDay,
    TrackedItem,
    any_given_q,
    given_q,
    is_given,
)
from tracker.models.guide import GuideSection, Tip, TipDismissal
from tracker.models.sharing import ShareLink

__all__ = [
    "DAY_CONTENT_FIELDS",
    "OPEN_CARE_ALERT",
    "AwayPeriod",
    "CareAlert",
    "CareAlertQuerySet",
    "CareWording",
    "CheckIn",
    "GuideSection",
    "ImportDraft",
    "OfflineDay",
    "Profile",
    "PushSubscription",
    "ReminderSent",
    "ShareLink",
    "Tip",
    "TipDismissal",
    "TrackedItem",
    "any_given_q",
    "given_q",
    "is_given",
    "new_unsubscribe_key",
]
