"""HTTP helpers the Python-driven bench cases share: plain calls and multipart bodies."""
import http.client
import urllib.parse
import uuid


class Client:
    def __init__(self, url):
        self.host = urllib.parse.urlparse(url)

    def call(self, method, path, body=b"", headers=None):
        c = http.client.HTTPConnection(self.host.hostname, self.host.port, timeout=60)
        c.request(method, path, body=body, headers=headers or {})
        r = c.getresponse(); data = r.read(); c.close()
        return r.status, data


def multipart(fields, files, content_type="application/octet-stream"):
    b = uuid.uuid4().hex
    out = bytearray()
    for k, v in fields.items():
        out += f'--{b}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
    for k, (name, data) in files.items():
        out += (f'--{b}\r\nContent-Disposition: form-data; name="{k}"; filename="{name}"\r\n'
                f'Content-Type: {content_type}\r\n\r\n').encode()
        out += data + b"\r\n"
    out += f"--{b}--\r\n".encode()
    return bytes(out), f"multipart/form-data; boundary={b}"
