"""A transport option for tests only: osmem-server refuses Elasticsearch 8's compatibility mimetypes.

The Elasticsearch 8 client always sends ``application/vnd.elasticsearch+json;
compatible-with=8``; a real cluster accepts it, osmem-server wants plain JSON.
tests/search/conftest.py plugs this node class in; nothing else uses it.
"""

from elastic_transport import Urllib3HttpNode


def _plain(value: str) -> str:
    if "vnd.elasticsearch+" in value:
        kind = value.split("+", 1)[1].split(";", 1)[0]
        return f"application/{kind}"
    return value


class PlainJsonHttpNode(Urllib3HttpNode):
    def perform_request(self, method, target, body=None, headers=None, **kwargs):
        if headers:
            headers = headers.copy()
            for name in ("accept", "content-type"):
                if name in headers:
                    headers[name] = _plain(headers[name])
        return super().perform_request(method, target, body=body, headers=headers, **kwargs)
