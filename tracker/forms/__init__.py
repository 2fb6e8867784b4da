"""The forms, one module per page group as in tracker/views: day (the check-in and the PEG),
account (sign-up, Settings, passwords, own lists), care, history (time away), share, offline,
reminders (push subscriptions) and guide (the admin's guide-section form). Import each form from
its module: from tracker.forms.day import CheckInForm."""
