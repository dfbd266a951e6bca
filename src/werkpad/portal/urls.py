from django.urls import path

from werkpad.portal import consents, views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("inzage/", views.access_log, name="access-log"),
    path("rechten/", views.rights, name="rights"),
    path("klagen/", views.complaints, name="complaints"),
    path("onafhankelijk-advies/", views.second_opinion, name="second-opinion"),
    path("bemiddeling/", views.mediation, name="mediation"),
    path("toestemming/", consents.consents, name="consents"),
    path("toestemming/geven/", consents.consent_give, name="consent-give"),
    path("toestemming/<int:id>/intrekken/", consents.consent_withdraw, name="consent-withdraw"),
    path("toestemming/<int:id>/weigeren/", consents.consent_refuse, name="consent-refuse"),
    path("ingediend/", views.filed, name="filed"),
]
