"""The federation deletes a staff account from its admin, in the public schema."""

from django_otp.plugins.otp_totp.models import TOTPDevice


def test_the_federation_deletes_a_staff_account_and_its_second_factor(
    federation_staff_client, django_user_model
):
    from network.second_factor import second_factor_enrol

    leaving = django_user_model.objects.create_user("leaving", "leaving@federation.test", "pw-leaving-123")
    second_factor_enrol(user=leaving)
    confirm = federation_staff_client.get(f"/admin/auth/user/{leaving.pk}/delete/")
    assert confirm.status_code == 200
    assert "leaving" in confirm.content.decode()

    done = federation_staff_client.post(f"/admin/auth/user/{leaving.pk}/delete/", {"post": "yes"})
    assert done.status_code == 302
    assert not django_user_model.objects.filter(pk=leaving.pk).exists()
    assert not TOTPDevice.objects.filter(user_id=leaving.pk).exists()


def test_the_federation_deletes_accounts_in_bulk(federation_staff_client, django_user_model):
    ids = [django_user_model.objects.create_user(f"bulk{n}", password="pw-bulk-123").pk for n in range(2)]
    confirm = federation_staff_client.post(
        "/admin/auth/user/", {"action": "delete_selected", "_selected_action": ids}
    )
    assert confirm.status_code == 200
    done = federation_staff_client.post(
        "/admin/auth/user/", {"action": "delete_selected", "_selected_action": ids, "post": "yes"}
    )
    assert done.status_code == 302
    assert not django_user_model.objects.filter(pk__in=ids).exists()
