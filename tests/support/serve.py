"""A quiet, threaded HTTP server over a folder, on localhost."""

import http.server
import threading


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, without a log line per request."""

    def log_message(self, *args):
        pass


class Server(http.server.ThreadingHTTPServer):
    """Bound when made, so that its `url` is known (a site can be built for it) before it serves.

    It serves `directory`, which may be set until `start()`.
    """

    def __init__(self, directory=None, handler=QuietHandler):
        self.directory, self.handler = directory, handler
        super().__init__(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server_address[1]}/"

    def finish_request(self, request, client_address):
        self.handler(request, client_address, self, directory=str(self.directory))

    def start(self):
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self


def serve(directory, handler=QuietHandler):
    """Serve a folder until `.shutdown()`; the server's `.url` is its base address."""
    return Server(directory, handler).start()
