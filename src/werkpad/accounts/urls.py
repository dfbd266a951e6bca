from django.urls import path

from werkpad.accounts import views

app_name = "accounts"

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("login/tweede-stap/", views.second_factor, name="second-factor"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("profiel/", views.profile, name="profile"),
]
