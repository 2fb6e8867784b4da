from django.urls import path, register_converter

from tracker import account_views, views
from tracker.converters import IsoDateConverter

register_converter(IsoDateConverter, "isodate")

app_name = "tracker"

urlpatterns = [
    path("", views.home, name="home"),
    path("checkin/", views.checkin, name="checkin"),
    path("checkin/<isodate:date>/", views.checkin, name="checkin_day"),
    path("water/add/", views.add_water, name="add_water"),
    path("export.csv", views.export_csv, name="export_csv"),
    path("export.json", views.export_json, name="export_json"),
    path("settings/", account_views.settings_page, name="settings"),
    path("settings/delete-account/", account_views.delete_account, name="delete_account"),
]
