"""aci: a CPTS's contract (ACI) year by year — indicators, values achieved, funding earned, annual report.

(Boundary to be completed with the app: what it needs, what it offers.)
"""
