import datetime as dt

from django.urls import path, register_converter

from tracker.views import (
    account,
    care,
    day,
    guide,
    history,
    imports,
    offline,
    reminders,
    share,
    trends,
)


class IsoDateConverter:
    """Matches YYYY-MM-DD; an impossible date such as 2025-02-30 is a 404, not a 500."""

    regex = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"

    def to_python(self, value: str) -> dt.date:
        return dt.date.fromisoformat(value)  # ValueError makes the URL not match

    def to_url(self, value: dt.date) -> str:
        return value.isoformat()


register_converter(IsoDateConverter, "isodate")

app_name = "tracker"

urlpatterns = [
    path("", day.home, name="home"),
    path("checkin/", day.checkin, name="checkin"),
    path("checkin/<isodate:date>/", day.checkin, name="checkin_day"),
    path("checkin/offline/", offline.checkin_shell, name="checkin_shell"),
    path("checkin/sync/", offline.checkin_sync, name="checkin_sync"),
    path("offline/emergency/", offline.emergency_advice, name="offline_emergency"),
    path("offline/", offline.needs_network, name="offline"),
    path("offline/when-to-seek-help/", offline.seek_help, name="offline_seek_help"),
    # The web app manifest, in the request's language (its description): not a static file.
    path("manifest.webmanifest", offline.manifest, name="manifest"),
    path("water/add/", day.add_water, name="add_water"),
    path("water/undo/", day.undo_water, name="undo_water"),
    path("history/", history.history, name="history"),
    path("peg/", day.peg_check, name="peg"),
    path("away/", history.away_start, name="away_start"),
    path("away/<int:period_id>/end/", history.away_end, name="away_end"),
    path("export.csv", day.export_csv, name="export_csv"),
    path("export.json", day.export_json, name="export_json"),
    path("guide/", guide.guide, name="guide"),
    path("guide/<slug:slug>/", guide.guide_section, name="guide_section"),
    path("tips/", guide.tip_list, name="tip_list"),
    path("tips/<int:tip_id>/not-for-me/", guide.dismiss_tip, name="dismiss_tip"),
    path("tips/<int:tip_id>/restore/", guide.restore_tip, name="restore_tip"),
    path("trends/", trends.trends_page, name="trends"),
    path("trends/table/<slug:measure_key>/", trends.measure_table, name="measure_table"),
    path("report/", trends.report, name="report"),
    path("report/share/", share.share_create, name="share_create"),
    path("report/share/<int:link_id>/revoke/", share.share_revoke, name="share_revoke"),
    path("shared/<str:token>/", share.shared_report, name="shared_report"),
    path("care/", care.care_page, name="care"),
    path("care/<int:alert_id>/", care.alert_detail, name="care_alert"),
    path("care/<int:alert_id>/acknowledge/", care.acknowledge_alert, name="acknowledge_alert"),
    path("care/<int:alert_id>/mistake/", care.ticked_by_mistake, name="alert_mistake"),
    path("push/subscribe/", reminders.push_subscribe, name="push_subscribe"),
    path("push/<int:subscription_id>/delete/", reminders.push_delete, name="push_delete"),
    path(
        "reminders/unsubscribe/<str:token>/",
        reminders.unsubscribe,
        name="unsubscribe",
    ),
    path("settings/health/", care.health_profile, name="health_profile"),
    path("settings/", account.settings_page, name="settings"),
    path(
        "settings/log-out-everywhere/",
        account.log_out_everywhere,
        name="log_out_everywhere",
    ),
    path("settings/import/", imports.import_upload, name="import"),
    path("settings/import/preview/", imports.import_preview, name="import_preview"),
    path("settings/import/loop/", imports.import_loop, name="import_loop"),
    path("settings/delete-account/", account.delete_account, name="delete_account"),
    path("settings/tracked/", account.tracked_add, name="tracked_add"),
    path(
        "settings/tracked/<int:item_id>/rename/",
        account.tracked_rename,
        name="tracked_rename",
    ),
    path(
        "settings/tracked/<int:item_id>/retire/",
        account.tracked_retire,
        name="tracked_retire",
    ),
    path("settings/email/resend/", account.resend_confirmation, name="resend_confirmation"),
    path("confirm-email/<str:token>/", account.confirm_email, name="confirm_email"),
]
