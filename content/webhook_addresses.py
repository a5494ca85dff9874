"""Where a webhook may go: a public http(s) server, checked when typed and again at every send.

A CPTS administrator types the address and the server posts to it. Unchecked,
that lets whoever holds a CPTS admin make the server call its own loopback,
the cloud's metadata service (169.254.169.254) or the operator's private
network, and read in the delivery log which internal ports answer. So:

- **Registration** (``webhook_url_problem``, the model's validator): http and
  https only; an IP typed as such must be public; ``localhost`` and other
  local-only names are refused. A courtesy for the administrator: DNS can
  change after the form is saved.
- **Sending** (``webhook_post``, the real guard): the host is resolved once,
  every address it resolves to must be public, and the connection goes to
  that very address while the ``Host`` header, TLS SNI and the certificate
  check still name the host, so no second resolution can swap in an internal
  address (DNS rebinding). Redirects are not followed: a 3xx is a failed
  delivery. Proxy environment variables are ignored.
- **The log** gets a short French text (``REFUSED``, ``CONNECTION_FAILED``,
  ``http_failure``), never the socket's own error, which would map ports.

*Public* is ``ipaddress``'s ``is_global`` and none of loopback, private,
link-local, site-local, multicast, reserved or unspecified, for IPv4 and IPv6;
an IPv4 carried in IPv6 (``::ffff:127.0.0.1``, 6to4) is judged as that IPv4.

Setting ``CPTS_WEBHOOK_ALLOWED_NETWORKS`` (default ``[]``, from
``cpts_settings()``): networks in CIDR notation (``["10.20.0.0/16"]``) that a
webhook may reach although they are not public, for a front end on the
operator's own network. While it is set, the form also lets local names
through and leaves them to the send-time check. The tests that need a
receiver on 127.0.0.1 set it to ``["127.0.0.1/32"]`` for themselves only.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from django.conf import settings

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
SockAddr = tuple[int, tuple]  # (family, sockaddr) as socket.getaddrinfo gives them

SCHEMES = ("http", "https")
# Characters a path or query keeps as typed (RFC 3986's reserved and unreserved, and % escapes).
URL_SAFE = "/?%:@!$&'()*+,;=~"
# Names that never lead to a public server (RFC 6761, RFC 8375, mDNS, common intranet suffixes).
LOCAL_NAMES = ("localhost",)
LOCAL_SUFFIXES = (".localhost", ".local", ".localdomain", ".internal", ".home.arpa")

# What the delivery log shows: the same words whatever the socket said.
REFUSED = "Adresse refusée ou introuvable"
CONNECTION_FAILED = "Échec de la connexion"


def http_failure(status: int) -> str:
    if 300 <= status < 400:
        return f"Échec de la livraison (HTTP {status}, redirection non suivie)"
    return f"Échec de la livraison (HTTP {status})"


class AddressRefused(Exception):
    """The URL does not lead to an address a webhook may reach."""


def _allowed_networks() -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    # Read at each use, not kept at import: a test's ``settings`` fixture changes it for that test only.
    return [
        ipaddress.ip_network(n, strict=False) for n in getattr(settings, "CPTS_WEBHOOK_ALLOWED_NETWORKS", ())
    ]


def address_is_reachable(ip: IPAddress) -> bool:
    """Whether a webhook may connect to ``ip``: public, or in ``CPTS_WEBHOOK_ALLOWED_NETWORKS``."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        # The socket goes to the IPv4 itself: judge that one (::ffff:127.0.0.1 is the loopback).
        ip = ip.ipv4_mapped
    if any(ip in network for network in _allowed_networks()):
        return True
    return _is_public(ip)


def _is_public(ip: IPAddress) -> bool:
    if isinstance(ip, ipaddress.IPv6Address):
        # 6to4 routes to the IPv4 it carries.
        if ip.sixtofour and not _is_public(ip.sixtofour):
            return False
        if ip.is_site_local:
            return False
    # is_global alone is not enough on Python 3.11: it calls 224.0.0.1 and fec0::1 global.
    return ip.is_global and not (
        ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
    )


def _literal_ip(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


def _is_local_name(host: str) -> bool:
    host = host.rstrip(".").lower()
    return host in LOCAL_NAMES or host.endswith(LOCAL_SUFFIXES) or "." not in host


def webhook_url_problem(url: str) -> str:
    """Why the form refuses ``url`` (French, for the administrator), or ``""``."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in SCHEMES:
        return "Adresse refusée : seules les adresses en http:// ou https:// sont acceptées."
    host = parts.hostname or ""
    ip = _literal_ip(host)
    if ip is not None:
        if not address_is_reachable(ip):
            return (
                "Adresse refusée : cette adresse IP n'est pas publique (machine locale, réseau privé "
                "ou réservé). Indiquez l'adresse publique du front-end."
            )
        return ""
    if _is_local_name(host) and not _allowed_networks():
        return (
            f"Adresse refusée : « {host} » ne désigne pas un serveur public. "
            "Indiquez l'adresse publique du front-end."
        )
    return ""


def _checked_addresses(host: str, port: int) -> list[SockAddr]:
    """Every address ``host`` resolves to, once; refused if any is not reachable."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        raise AddressRefused from error
    addresses: list[SockAddr] = []
    for family, _type, _proto, _name, sockaddr in found:
        # A scope (fe80::1%eth0) is link-local anyway; strip it so ip_address() parses.
        ip = ipaddress.ip_address(sockaddr[0].split("%")[0])
        # One internal address among public ones refuses the whole name: we will not pick for the attacker.
        if not address_is_reachable(ip):
            raise AddressRefused(host)
        addresses.append((family, sockaddr))
    if not addresses:
        raise AddressRefused(host)
    return addresses


def _connect(addresses: list[SockAddr], timeout: float) -> socket.socket:
    """A socket to the first checked address that answers (as socket.create_connection tries each)."""
    last_error: OSError = OSError("no address")
    for family, sockaddr in addresses:
        sock = socket.socket(family, socket.SOCK_STREAM)
        try:
            sock.settimeout(timeout)
            sock.connect(sockaddr)
        except OSError as error:
            sock.close()
            last_error = error
            continue
        return sock
    raise last_error


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """http.client, connected to addresses already checked instead of resolving ``host`` again."""

    def __init__(self, host: str, port: int, *, addresses: list[SockAddr], timeout: float):
        super().__init__(host, port, timeout=timeout)
        self._checked = addresses

    def connect(self) -> None:
        self.sock = _connect(self._checked, self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """The same for https; SNI and the certificate are checked against the host typed, not the IP."""

    def __init__(self, host: str, port: int, *, addresses: list[SockAddr], timeout: float):
        self._tls = ssl.create_default_context()
        super().__init__(host, port, timeout=timeout, context=self._tls)
        self._checked = addresses

    def connect(self) -> None:
        sock = _connect(self._checked, self.timeout)
        try:
            self.sock = self._tls.wrap_socket(sock, server_hostname=self.host)
        except BaseException:
            sock.close()
            raise


@dataclass(frozen=True)
class Outcome:
    delivered: bool
    status: int | None = None
    error: str = ""


def webhook_post(url: str, *, body: bytes, headers: dict[str, str], timeout: float) -> Outcome:
    """POST ``body`` to ``url`` if it leads to a reachable address; never follows a redirect."""
    try:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in SCHEMES or not parts.hostname:
            raise AddressRefused(url)
        port = parts.port or (443 if scheme == "https" else 80)  # .port raises ValueError when out of range
        addresses = _checked_addresses(parts.hostname, port)
    except (AddressRefused, ValueError):
        return Outcome(delivered=False, error=REFUSED)

    connection_class = _PinnedHTTPSConnection if scheme == "https" else _PinnedHTTPConnection
    connection = connection_class(parts.hostname, port, addresses=addresses, timeout=timeout)
    # URLField accepts é in a path; the request line is ASCII (what urllib's callers had to do by hand).
    path = quote(parts.path or "/", safe=URL_SAFE) + (
        f"?{quote(parts.query, safe=URL_SAFE)}" if parts.query else ""
    )
    try:
        connection.request("POST", path, body=body, headers=headers)
        status = connection.getresponse().status
    except (OSError, http.client.HTTPException, ValueError):
        # OSError covers refused, reset, timeout and TLS errors: their text names ports, it stays here.
        return Outcome(delivered=False, error=CONNECTION_FAILED)
    finally:
        connection.close()
    if 200 <= status < 300:
        return Outcome(delivered=True, status=status)
    return Outcome(delivered=False, status=status, error=http_failure(status))
