from django.urls import path

from werkpad.council.advice import views as advice

app_name = "council"

urlpatterns: list = [
    # Advice requests (CO1).
    path("adviezen/", advice.advice_list, name="advice-list"),
    path("adviezen/nieuw/", advice.advice_create, name="advice-create"),
    path("adviezen/ongevraagd/", advice.advice_unasked, name="advice-unasked"),
    path("adviezen/<int:id>/", advice.advice_detail, name="advice-detail"),
    path("adviezen/<int:id>/versturen/", advice.advice_send, name="advice-send"),
    path("adviezen/<int:id>/intrekken/", advice.advice_withdraw, name="advice-withdraw"),
    path("adviezen/<int:id>/documenten/", advice.advice_attach, name="advice-attach"),
    path(
        "adviezen/<int:id>/documenten/<int:attachment_id>/",
        advice.advice_attachment,
        name="advice-attachment",
    ),
    path("adviezen/<int:id>/advies/", advice.advice_write, name="advice-write"),
    path("adviezen/<int:id>/uitstel/", advice.advice_extension, name="advice-extension"),
    path(
        "adviezen/<int:id>/uitstel/besluit/",
        advice.advice_extension_decision,
        name="advice-extension-decision",
    ),
    path("adviezen/<int:id>/reactie/", advice.advice_respond, name="advice-respond"),
]
