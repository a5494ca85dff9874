"""File storage whose stored names begin with the schema that uploaded them.

django-tenants' own tenant storage picks the folder from the schema active
when a URL is *rendered*, so an image of one CPTS shown from the public
schema (a search hit, the network directory) would point into the wrong
folder. Putting the schema in the stored name makes the name self-contained:
``metz/original_images/logo.png`` is right wherever it is read.
"""

from django.core.files.storage import FileSystemStorage
from django.db import connection


class SchemaPrefixedFileSystemStorage(FileSystemStorage):
    def generate_filename(self, filename: str) -> str:
        filename = super().generate_filename(filename)
        prefix = f"{connection.schema_name}/"
        if filename.startswith(prefix):
            return filename
        return prefix + filename
