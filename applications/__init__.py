"""applications: students apply to a CPTS's internship offers (« Candidater »).

(Boundary to be completed with the app: what it needs, what it offers.)
"""
