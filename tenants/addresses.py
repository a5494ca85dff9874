"""The address visitors reach a host at: the install's scheme and port, never the request's.

Behind a proxy the request's port is the app server's, and a kept answer is
served to visitors of every app server: links built from settings only are
the same for all of them.
"""

from django.conf import settings


def public_url(host: str, path: str = "/") -> str:
    port = f":{settings.PUBLIC_PORT}" if settings.PUBLIC_PORT else ""
    return f"{settings.PUBLIC_SCHEME}://{host}{port}{path}"
