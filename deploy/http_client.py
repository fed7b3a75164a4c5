"""A small browser for the cluster test: cookies, forms (multipart with files), no redirects
followed, over HTTPS through nginx or over HTTP to one app server as nginx talks to it.

Talking to a node directly, it sends what nginx adds (deploy/nginx/almene.conf): the site's
cookies are Secure and the settings expect TLS at the proxy, so a request straight to
gunicorn says ``X-Forwarded-Proto: https``, from 127.0.0.1, which gunicorn.conf.py and the
settings trust. Cookies are kept by name, Secure or not, as a browser on the HTTPS side would.
"""

from __future__ import annotations

import http.client
import secrets
import ssl
import urllib.parse
from dataclasses import dataclass, field


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode()

    @property
    def location(self) -> str:
        return self.headers.get("Location", "")


@dataclass
class Browser:
    base: str  # http://127.0.0.1:PORT (a node) or https://127.0.0.1:PORT (nginx)
    context: ssl.SSLContext | None = None
    cookies: dict[str, str] = field(default_factory=dict)

    @property
    def through_nginx(self) -> bool:
        return self.base.startswith("https://")

    @property
    def origin(self) -> str:
        """The origin a browser on the HTTPS side sends with a form."""
        return "https://" + urllib.parse.urlsplit(self.base).netloc

    def connection(self, url: urllib.parse.SplitResult) -> http.client.HTTPConnection:
        if url.scheme == "https":
            return http.client.HTTPSConnection(url.netloc, timeout=30, context=self.context)
        return http.client.HTTPConnection(url.netloc, timeout=30)

    def request(
        self, method: str, path: str, body: bytes | None = None, headers: dict | None = None
    ) -> Answer:
        url = urllib.parse.urlsplit(path if "://" in path else self.base + path)
        sent = {"Host": url.netloc, "Accept-Encoding": "identity", **(headers or {})}
        if url.netloc == urllib.parse.urlsplit(self.base).netloc:
            if self.cookies:
                sent["Cookie"] = "; ".join(
                    f"{name}={value}" for name, value in self.cookies.items()
                )
            if not self.through_nginx:
                sent |= {"X-Forwarded-Proto": "https", "X-Forwarded-For": "127.0.0.1"}
        connection = self.connection(url)
        try:
            target = url.path + (f"?{url.query}" if url.query else "")
            connection.request(method, target or "/", body=body, headers=sent)
            response = connection.getresponse()
            answer = Answer(response.status, response.headers, response.read())
        finally:
            connection.close()
        for cookie in answer.headers.get_all("Set-Cookie") or []:
            name, _, rest = cookie.partition("=")
            value = rest.split(";", 1)[0]
            if value and "max-age=0" not in rest.lower():
                self.cookies[name.strip()] = value
            else:
                self.cookies.pop(name.strip(), None)
        return answer

    def get(self, path: str) -> Answer:
        return self.request("GET", path)

    def post(
        self,
        path: str,
        fields: dict[str, list[str]],
        files: dict[str, tuple[str, str, bytes]] | None = None,
    ) -> Answer:
        """A form as a browser sends it, with the CSRF token's cookie and the page's origin;
        ``files``: field name to (file name, content type, bytes), sent as multipart."""
        headers = {"Origin": self.origin, "Referer": self.origin + path}
        if files:
            boundary = "----almene" + secrets.token_hex(12)
            parts = []
            for name, values in fields.items():
                for value in values:
                    parts.append(
                        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                        f"{value}\r\n".encode()
                    )
            for name, (filename, content_type, content) in files.items():
                parts.append(
                    f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                    f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'.encode()
                    + content
                    + b"\r\n"
                )
            body = b"".join(parts) + f"--{boundary}--\r\n".encode()
            headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
        else:
            body = urllib.parse.urlencode(fields, doseq=True).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        return self.request("POST", path, body, headers)
