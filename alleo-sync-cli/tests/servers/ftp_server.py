"""An FTP server for the delivery tests (pyftpdlib), on 127.0.0.1 only.

    ftp_server.py ROOT USER PASSWORD [--cut-after BYTES] [--stall-after BYTES] [--tls DIR]

Serves ROOT to USER with full rights, passive (and active) data connections on
127.0.0.1. With --cut-after, every upload's data connection is reset once that many
bytes arrived, as a network failure would; with --stall-after, it stops reading
(the connection stays open, silent), as a black hole would. With --tls, the server requires explicit
TLS (AUTH TLS) on the control and data connections, with a certificate for
127.0.0.1 signed by a new authority whose certificate it writes to DIR/ca.pem.
Listens on a free port of 127.0.0.1 and prints "ready PORT" once it does.
"""

import argparse
import datetime
import ipaddress
import os
import socket
import struct

from pyftpdlib.authorizers import DummyAuthorizer
from pyftpdlib.handlers import DTPHandler, FTPHandler, TLS_DTPHandler, TLS_FTPHandler
from pyftpdlib.servers import FTPServer


def make_certificates(folder: str) -> tuple[str, str]:
    """An authority (DIR/ca.pem) and a certificate for 127.0.0.1 it signed."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = datetime.datetime.now(datetime.timezone.utc)
    valid = (now - datetime.timedelta(days=1), now + datetime.timedelta(days=1))

    def name(common: str) -> x509.Name:
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (
        x509.CertificateBuilder()
        .subject_name(name("alleo test authority"))
        .issuer_name(name("alleo test authority"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(valid[0])
        .not_valid_after(valid[1])
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(name("127.0.0.1"))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(valid[0])
        .not_valid_after(valid[1])
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    pem = serialization.Encoding.PEM
    with open(os.path.join(folder, "ca.pem"), "wb") as f:
        f.write(ca.public_bytes(pem))
    certfile = os.path.join(folder, "server.pem")
    keyfile = os.path.join(folder, "server.key")
    with open(certfile, "wb") as f:
        f.write(cert.public_bytes(pem))
    with open(keyfile, "wb") as f:
        f.write(
            key.private_bytes(
                pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        )
    return certfile, keyfile


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("root")
    parser.add_argument("user")
    parser.add_argument("password")
    parser.add_argument("--cut-after", type=int, default=0)
    parser.add_argument("--stall-after", type=int, default=0)
    parser.add_argument("--tls")
    args = parser.parse_args()

    authorizer = DummyAuthorizer()
    authorizer.add_user(args.user, args.password, args.root, perm="elradfmwMT")

    tls = args.tls is not None

    class CuttingDTP(TLS_DTPHandler if tls else DTPHandler):
        def handle_read(self) -> None:
            super().handle_read()
            if args.cut_after and self.tot_bytes_received >= args.cut_after:
                # A reset, not a clean close: linger 0.
                self.socket.setsockopt(
                    socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                )
                self.close()

        # pyftpdlib calls this alias, bound to the base class's method.
        handle_read_event = handle_read

        def readable(self) -> bool:
            if args.stall_after and self.tot_bytes_received >= args.stall_after:
                return False
            return super().readable()

    class Handler(TLS_FTPHandler if tls else FTPHandler):
        dtp_handler = CuttingDTP
        masquerade_address = "127.0.0.1"
        permit_foreign_addresses = False

    Handler.authorizer = authorizer
    if tls:
        Handler.certfile, Handler.keyfile = make_certificates(args.tls)
        Handler.tls_control_required = True
        Handler.tls_data_required = True
    server = FTPServer(("127.0.0.1", 0), Handler)
    print("ready", server.address[1], flush=True)
    server.serve_forever(handle_exit=True)


if __name__ == "__main__":
    main()
