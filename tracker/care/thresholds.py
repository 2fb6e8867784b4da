"""The numbers behind the red-flag rules (tracker.care.redflags), each with its source or said
plainly to be our own choice. The rules and the default wording (tracker.care.wording) both read
them from here, so a threshold and what a prompt says about it cannot drift apart."""

from fractions import Fraction

from tracker.choices import AgeBand

# "Soon": severe pain that does not settle. NHS, Back pain: see a GP if "the pain is severe or
# getting worse over time". No source gives a number of days; 8+/10 on three calendar days in a
# row, or on 4 of the last 7 days, is our own reading of "severe and not settling".
SEVERE_DISCOMFORT = 8
SEVERE_CONSECUTIVE_DAYS = 3
SEVERE_WINDOW_DAYS = 7
SEVERE_DAYS_IN_WINDOW = 4
# "Soon": persistent pain. NHS, Back pain: see a GP if "the pain does not improve within a few
# weeks". NICE NG59 gives no number of weeks. Six weeks is our own choice, the usual end of the
# "few weeks" most back pain takes to settle: moderate pain (4+/10) on two thirds of logged days,
# at least 12 logged days, the first of them 6+ weeks (42 days) back, looking back 8 weeks.
PERSISTENT_DISCOMFORT = 4
PERSISTENT_SHARE = Fraction(2, 3)
PERSISTENT_MIN_LOGGED_DAYS = 12
PERSISTENT_MIN_SPAN_DAYS = 42
PERSISTENT_MAX_LOOKBACK_DAYS = 56
# "Soon": sciatica that persists. NHS, Sciatica: see a GP if it "has not improved after a few
# weeks" or "keeps coming back". Symptoms on 7 or more of the last 14 days is our own choice.
LEG_SYMPTOM_DAYS = 7
LEG_SYMPTOM_WINDOW_DAYS = 14
# "Soon": worsening. Ostelo et al. (Spine 2008) give 2 points and 30% as the smallest
# important *improvement* on a 0–10 pain scale; using it for worsening is our extrapolation.
# Each 7-day window needs 4+ logged days (our own choice).
WORSENING_WINDOW_DAYS = 7
WORSENING_MIN_LOGGED_DAYS = 4
WORSENING_MIN_POINTS = 2
WORSENING_MIN_RATIO = Fraction(13, 10)
# "Soon": pain that stops usual activities. NHS, Back pain: see a GP if "the pain stops you doing
# day-to-day activities"; on 3 or more of the last 7 days is our own choice (one bad day is not
# a pattern). "I'm struggling to cope with the pain" is on the same NHS list and needs no count.
ACTIVITIES_STOPPED_DAYS = 3
ACTIVITIES_STOPPED_WINDOW_DAYS = 7
# "Soon": age. Back pain starting before 20 is a red flag in the Clinical Standards Advisory
# Group's list (CSAG 1994, which gives over 55 at the other end). Over 50 follows Finucane 2020,
# which lists age over 50 among the risk factors for spinal cancer. The pattern is our own
# choice (a pattern, not one bad day; someone logging once a fortnight is covered): among the
# days logged in the last 90 (the day checked and the 90 before it), 4 or more with discomfort
# logged, the first and last of them 28 or more days apart, and discomfort 1+ on more than half.
AGE_PAIN_DISCOMFORT = 1
AGE_PAIN_MIN_SPAN_DAYS = 28  # days between the first and last day with discomfort logged
AGE_PAIN_LOOKBACK_DAYS = 90
AGE_PAIN_MIN_LOGGED_DAYS = 4
AGE_RISK_BANDS = frozenset({AgeBand.AGE_16_19, AgeBand.OVER_50})
# "Urgent": a history of cancer, or a higher risk of infection, with a new episode of back pain
# (Finucane 2020: previous cancer is the strongest single flag for spinal cancer; immune
# suppression and injected drug use raise the risk of spinal infection). New means discomfort
# 1+ with no logged discomfort of 1+ in the 28 days before, our own choice; days not logged
# cannot show pain, so an unlogged stretch counts as pain-free: the safe side.
NEW_EPISODE_DISCOMFORT = 1
NEW_EPISODE_PAIN_FREE_DAYS = 28
# "Urgent": a high temperature with back pain. NHS, Back pain: get an urgent GP appointment or
# call 111 if you have back pain and "a very high temperature or you feel hot and shivery". For
# someone at higher risk of infection, a fever is urgent whatever the pain (Finucane 2020).
# Discomfort not logged is not "no pain": in a back-pain log a fever on such a day is taken as
# back pain with a high temperature (the safe side); a logged 0 says there was none.
FEVER_DISCOMFORT = 1
# A recent fall, knock or blow. NHS, Back pain lists only a serious accident (emergency, below);
# Finucane 2020 counts minor trauma only as a risk factor for fracture, with older age (over 50
# here, as above), osteoporosis or long-term steroids. So: urgent with one of those, or with no
# age given (the safe side, our choice); otherwise soon, our choice.
# How far back evaluation reads, covering every window above.
HISTORY_DAYS = max(PERSISTENT_MAX_LOOKBACK_DAYS, AGE_PAIN_LOOKBACK_DAYS)
# A pattern rule already acknowledged is not raised again for the same pattern within this many
# days of its last evidence; a symptom logged on a new day is always a new episode.
PATTERN_EPISODE_GAP_DAYS = 14
# After "I've spoken to a professional", the same rule raises no new full prompt for this many
# days unless it comes back at a higher tier; a different, worse rule still fires at once. Our
# own choice (no source gives a number): a symptom someone has just had checked is often still
# there for a while, and prompting again each day would teach them to skip the prompt; two
# weeks, the same as PATTERN_EPISODE_GAP_DAYS, is long enough to act on that advice and short
# enough that a symptom still logged after it is raised in full again.
SPOKEN_QUIET_DAYS = 14
