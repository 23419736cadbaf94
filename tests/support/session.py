"""The test session's local server, bound as soon as the tests start, and the address
(SITE_URL) the full build is made for: the hosted site is built for its own address, so
absolute links (hreflang, canonical, cite box, sitemap) stay on this machine."""

from tests.support.serve import Server

SERVER = Server()  # serves the built site once the `server` fixture names its folder and starts it
SITE_URL = SERVER.url
