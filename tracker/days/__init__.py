"""Recording a day: submitting a form's answers, valid or not (submit), saving a check-in and
what counts as one (checkins), a day in a few lines (day_summary), the measures with their
labels and units (measures), days saved offline and sent later (offline), a person's own lists
of pain relief and factors (tracked), time away (away), water units (units), the weekly PEG (peg)
and the check-in's water entry, kept for each way it looks (water_entry)."""
