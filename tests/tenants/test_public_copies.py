"""check_public_copies: one command over every copy a feature registered, campaigns and offers too."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from network.prevention import NetworkCampaign
from search.models import InternshipListing
from tests.prevention.test_campaigns import campaign, publish
from tests.search.conftest import offer_page


def test_a_campaign_copy_lost_is_reported_for_its_cpts_and_rebuilt(alpha, beta, capsys):
    page = publish(alpha, campaign())
    call_command("check_public_copies")
    NetworkCampaign.objects.filter(cpts=alpha.cpts, page_id=page.pk).delete()

    with pytest.raises(CommandError, match="écart"):
        call_command("check_public_copies")
    out = capsys.readouterr().out
    assert f"alpha · campaign copies : 1 campagne(s) publiée(s) sans copie : [{page.pk}]" in out
    assert "beta ·" not in out

    call_command("check_public_copies", "--fix", "--cpts", "alpha")
    assert NetworkCampaign.objects.filter(cpts=alpha.cpts, page_id=page.pk).exists()
    call_command("check_public_copies")


def test_an_offer_listed_after_it_was_unpublished_is_reported_and_withdrawn(alpha, capsys):
    from content.models import HomePage, InternshipIndexPage
    from content.services import page_publish, territory_add_communes

    with alpha.context():
        territory_add_communes(cpts=alpha.cpts, codes=["57463"])
        index = page_publish(parent=HomePage.objects.get(), page=InternshipIndexPage(title="Stages"))
        offer = page_publish(parent=index, page=offer_page())
        # Unpublished behind the signals' back (a raw update): the listing is stale.
        type(offer).objects.filter(pk=offer.pk).update(live=False)
    assert InternshipListing.objects.filter(cpts=alpha.cpts, page_id=offer.pk).exists()

    with pytest.raises(CommandError):
        call_command("check_public_copies", "--cpts", "alpha")
    assert "dans la recherche mais plus publiée(s)" in capsys.readouterr().out
    call_command("check_public_copies", "--fix", "--cpts", "alpha")
    assert not InternshipListing.objects.filter(cpts=alpha.cpts, page_id=offer.pk).exists()


def test_an_unknown_cpts_is_named(db):
    with pytest.raises(CommandError, match="Aucune CPTS « nulle-part »"):
        call_command("check_public_copies", "--cpts", "nulle-part")


def test_a_function_scoped_to_one_cpts_refuses_another_schema(alpha, beta):
    """The schema is an explicit parameter: called in the wrong schema, a function says so
    instead of reading or writing another CPTS's rows."""
    from content.services import territory_add_communes
    from prevention.services import campaign_copies_rebuild
    from tenants.selectors import SchemaNotActiveError, active_cpts

    with pytest.raises(SchemaNotActiveError, match="Le schéma de la CPTS « alpha » doit être actif"):
        territory_add_communes(cpts=alpha.cpts, codes=["57463"])  # public schema active
    with beta.context(), pytest.raises(SchemaNotActiveError, match="actif : « beta »"):
        campaign_copies_rebuild(alpha.cpts)
    with pytest.raises(SchemaNotActiveError, match="Aucune CPTS active"):
        active_cpts()
    with alpha.context():
        assert active_cpts() == alpha.cpts
