"""The catalogue's pages: public programme pages, the staff catalogue, providers, instruments."""

from django.urls import path

from werkpad.instruments import views as instruments
from werkpad.providers import views

app_name = "providers"

urlpatterns = [
    # public, no login
    path("aanbod/", views.public_index, name="public-index"),
    path("aanbod/<slug:slug>/", views.public_programme, name="public-programme"),
    # staff
    path("trajectaanbod/", views.programme_list, name="programme-list"),
    path("trajectaanbod/<int:id>/", views.programme_detail, name="programme-detail"),
    path("trajectaanbod/<int:id>/wijzigen/", views.programme_edit, name="programme-edit"),
    path("aanbieders/", views.provider_list, name="provider-list"),
    path("aanbieders/<int:id>/", views.provider_detail, name="provider-detail"),
    path("aanbieders/<int:id>/wijzigen/", views.provider_edit, name="provider-edit"),
    path(
        "aanbieders/<int:provider_id>/nieuw-traject/",
        views.programme_create,
        name="programme-create",
    ),
    path("instrumenten/", instruments.instrument_list, name="instrument-list"),
    path("instrumenten/nieuw/", instruments.instrument_create, name="instrument-create"),
    path("instrumenten/standaard/", instruments.instrument_seed, name="instrument-seed"),
    path("instrumenten/<int:id>/wijzigen/", instruments.instrument_edit, name="instrument-edit"),
    path(
        "instrumenten/<int:id>/deactiveren/",
        instruments.instrument_deactivate,
        name="instrument-deactivate",
    ),
]
