"""Trends: what the logged days show over time. The numbers behind every chart (insights; a
person's own items against discomfort in tracked_insights, the range's nights in sleep), habit
strength (habits) and streaks (streaks), the drawn charts (charts), the trends page (dashboard),
the history calendar (history), the report for a clinician (reports), share links (sharing) and
the CSV export (exports)."""
