"""unscheduled_care: « Soins non programmés », where to go when one's doctor is closed.

(Boundary to be completed with the app: what it needs, what it offers.)
"""
