from django.urls import path

from werkpad.secondopinions import views

app_name = "secondopinions"

urlpatterns = [
    path("", views.second_opinion_list, name="list"),
    path("cijfers/", views.second_opinion_figures, name="figures"),
    path("doorverwijzen/<int:job_seeker_id>/", views.second_opinion_refer, name="refer"),
    path("<int:id>/", views.second_opinion_detail, name="detail"),
    path("<int:id>/toewijzing/", views.second_opinion_assign, name="assign"),
    path("<int:id>/advies/", views.second_opinion_advise, name="advise"),
    path("<int:id>/andere-deskundige/", views.second_opinion_other_expert, name="other-expert"),
    path("<int:id>/gesprek/", views.second_opinion_meeting, name="meeting"),
    path("<int:id>/besluit/", views.second_opinion_decide, name="decide"),
    path("<int:id>/intrekking/", views.second_opinion_withdraw, name="withdraw"),
]
