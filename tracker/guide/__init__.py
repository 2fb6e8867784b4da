"""The guide: its sections and tips as read from content/ (content) and loaded into the
database (loading), how their Markdown is rendered (markdown), which tips to offer on a given
day (tips: the rules; day_choice: the day's choice, kept), the tip cards drawn once and kept
(tip_cards), and the guide's opening "When to get help" summary, in the care prompts' words with
the person's numbers (get_help)."""
