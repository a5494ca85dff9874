"""members: a CPTS's members, from the adhésion form to the directory and the counts.

- needs: ``content`` (the page tree and its base page, the contact form's
  rate limits and honeypot, the registry of member counts), ``network``
  (communes of the reference data and how people write them, the CPTS's
  territory claims) and ``tenants`` (the vocabulary of professions, the
  current CPTS).
- offers, in each CPTS's schema: applications and members (``Membership``)
  with every board decision logged (``MembershipDecision``); the page types
  « Adhésion » (the public form, with the personal data notice, and signed
  links for a member to download their record or leave the directory) and
  « Annuaire » (members who consented, by profession and commune); the
  admin's *Adhésions* screens; an account per accepted member in the group
  « Adhérents » for pages and documents kept private to members; the
  attestation as a PDF; ``/api/v2/members/``; member counts computed from
  accepted members for the home page and the governance pages, and their
  public copy for the federation (``network.MemberCount``).
"""
