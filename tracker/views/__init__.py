"""The views, one module per page group: day (home, check-in, water, PEG, export), history, trends,
share, care, guide, account, reminders, offline and health (healthz and error pages). No view
module imports another: pages two groups share are built in the feature packages
(tracker.days.pages, tracker.trends.pages)."""
