"""Wagtail's Elasticsearch backend, with one set of indexes per CPTS schema.

Wagtail names its indexes after the model only (``wagtailcore_page``) and its
document ids after the primary key, so every CPTS would share one index and
overwrite each other's pages. Here the schema is part of the index name, read
from the connection at each operation: ``cpts-metz__wagtailcore_page``.

A CPTS's indexes are created with Wagtail's mappings the first time they are
used (its home page is indexed when the CPTS is created), instead of by an
``update_index`` run per schema; a CPTS with nothing indexed yet searches an
empty index rather than failing.
"""

from django.db import connection
from modelsearch.backends.base import get_model_root
from modelsearch.backends.elasticsearch8 import Elasticsearch8Index, Elasticsearch8SearchBackend
from modelsearch.index import get_indexed_models

# (cluster, index) pairs this process has seen ready: one existence check per index and process.
_ready: set[tuple[str, str]] = set()


class SchemaIndex(Elasticsearch8Index):
    @property
    def key(self) -> tuple[str, str]:
        return (repr(self.backend.hosts), self.name)

    def ensure(self, root) -> None:
        if self.key in _ready:
            return
        if not self.exists():
            self.put()
            for model in get_indexed_models():
                if get_model_root(model) is root:
                    self.add_model(model)
        _ready.add(self.key)

    def exists(self):
        # modelsearch passes the name positionally, which the Elasticsearch 8 client refuses.
        return bool(self.es.indices.exists(index=self.name))

    def add_item(self, item):
        super().add_item(item)
        # Visible to the site's search box at once, as with the database backend.
        self.refresh()

    def delete(self):
        _ready.discard(self.key)
        super().delete()


class SchemaIndexedElasticsearch8SearchBackend(Elasticsearch8SearchBackend):
    index_class = SchemaIndex

    def get_index_for_model(self, model):
        root = get_model_root(model)
        model_part = f"{root._meta.app_label.lower()}_{root.__name__.lower()}"
        name = f"{self.index_prefix}{connection.schema_name}__{model_part}"
        index = self.index_class(self, name)
        index.ensure(root)
        return index


SearchBackend = SchemaIndexedElasticsearch8SearchBackend
