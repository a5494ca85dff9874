"""The demo network of this repository: fictitious or sourced CPTS, sites and a region.

Used by ``manage.py load_demo_network``; it writes through the apps' services only.
"""
