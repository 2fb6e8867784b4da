from django.urls import path, register_converter

from tracker import (
    account_views,
    care_views,
    guide_views,
    history_views,
    offline_views,
    reminder_views,
    share_views,
    trend_views,
    views,
)
from tracker.converters import IsoDateConverter

register_converter(IsoDateConverter, "isodate")

app_name = "tracker"

urlpatterns = [
    path("", views.home, name="home"),
    path("checkin/", views.checkin, name="checkin"),
    path("checkin/<isodate:date>/", views.checkin, name="checkin_day"),
    path("checkin/offline/", offline_views.checkin_shell, name="checkin_shell"),
    path("checkin/sync/", offline_views.checkin_sync, name="checkin_sync"),
    path("offline/emergency/", offline_views.emergency_advice, name="offline_emergency"),
    path("water/add/", views.add_water, name="add_water"),
    path("water/undo/", views.undo_water, name="undo_water"),
    path("history/", history_views.history, name="history"),
    path("peg/", views.peg_check, name="peg"),
    path("away/", history_views.away_start, name="away_start"),
    path("away/<int:period_id>/end/", history_views.away_end, name="away_end"),
    path("export.csv", views.export_csv, name="export_csv"),
    path("export.json", views.export_json, name="export_json"),
    path("guide/", guide_views.guide, name="guide"),
    path("guide/<slug:slug>/", guide_views.guide_section, name="guide_section"),
    path("tips/", guide_views.tip_list, name="tip_list"),
    path("tips/<int:tip_id>/not-for-me/", guide_views.dismiss_tip, name="dismiss_tip"),
    path("tips/<int:tip_id>/restore/", guide_views.restore_tip, name="restore_tip"),
    path("trends/", trend_views.trends_page, name="trends"),
    path("trends/table/<slug:measure_key>/", trend_views.measure_table, name="measure_table"),
    path("report/", trend_views.report, name="report"),
    path("report/share/", share_views.share_create, name="share_create"),
    path("report/share/<int:link_id>/revoke/", share_views.share_revoke, name="share_revoke"),
    path("shared/<str:token>/", share_views.shared_report, name="shared_report"),
    path("care/", care_views.care_page, name="care"),
    path("care/<int:alert_id>/", care_views.alert_detail, name="care_alert"),
    path(
        "care/<int:alert_id>/acknowledge/", care_views.acknowledge_alert, name="acknowledge_alert"
    ),
    path("care/<int:alert_id>/mistake/", care_views.ticked_by_mistake, name="alert_mistake"),
    path("push/subscribe/", reminder_views.push_subscribe, name="push_subscribe"),
    path("push/<int:subscription_id>/delete/", reminder_views.push_delete, name="push_delete"),
    path(
        "reminders/unsubscribe/<str:token>/",
        reminder_views.unsubscribe,
        name="unsubscribe",
    ),
    path("settings/health/", care_views.health_profile, name="health_profile"),
    path("settings/", account_views.settings_page, name="settings"),
    path(
        "settings/log-out-everywhere/",
        account_views.log_out_everywhere,
        name="log_out_everywhere",
    ),
    path("settings/delete-account/", account_views.delete_account, name="delete_account"),
    path("settings/tracked/", account_views.tracked_add, name="tracked_add"),
    path(
        "settings/tracked/<int:item_id>/rename/",
        account_views.tracked_rename,
        name="tracked_rename",
    ),
    path(
        "settings/tracked/<int:item_id>/retire/",
        account_views.tracked_retire,
        name="tracked_retire",
    ),
    path("settings/email/resend/", account_views.resend_confirmation, name="resend_confirmation"),
    path("confirm-email/<str:token>/", account_views.confirm_email, name="confirm_email"),
]
