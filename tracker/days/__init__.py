"""Recording a day: saving a check-in and what counts as one (checkins), days saved offline and
sent later (offline), a person's own lists of pain relief and factors (tracked), time away
(away), water units (units) and the weekly PEG (peg)."""
