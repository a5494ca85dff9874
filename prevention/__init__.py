"""prevention: a CPTS's prevention campaigns, and their copies in the network listing.

- needs: ``content`` (pages, blocks, forms), ``network`` (themes, kits, the
  public campaign listing) and ``tenants``.
- offers: ``CampaignIndexPage`` and ``CampaignPage``; its public copy
  (« campaign copies ») registered with ``tenants.public_copies``; services
  ``campaign_publish_copy``, ``campaign_withdraw_copy``,
  ``campaign_copies_rebuild``, ``kit_adopt`` and ``kit_update_apply``; signals
  that keep the public copy in step with publishing and privacy.
"""
