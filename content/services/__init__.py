from .pages import home_page_update, page_publish, paragraphs, site_provision, standard_page_publish
from .territory import territory_add_communes, territory_remove_communes

__all__ = [
    "home_page_update",
    "page_publish",
    "paragraphs",
    "site_provision",
    "standard_page_publish",
    "territory_add_communes",
    "territory_remove_communes",
]
