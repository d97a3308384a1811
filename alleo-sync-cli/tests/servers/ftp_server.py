"""An FTP server for the delivery tests (pyftpdlib), on 127.0.0.1 only.

    ftp_server.py PORT ROOT USER PASSWORD [--cut-after BYTES]

Serves ROOT to USER with full rights, passive (and active) data connections on
127.0.0.1. With --cut-after, every upload's data connection is reset once that many
bytes arrived, as a network failure would. Prints "ready" when it listens.
"""

import argparse
import socket
import struct
import sys

from pyftpdlib.authorizers import DummyAuthorizer
from pyftpdlib.handlers import DTPHandler, FTPHandler
from pyftpdlib.servers import FTPServer


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("port", type=int)
    parser.add_argument("root")
    parser.add_argument("user")
    parser.add_argument("password")
    parser.add_argument("--cut-after", type=int, default=0)
    args = parser.parse_args()

    authorizer = DummyAuthorizer()
    authorizer.add_user(args.user, args.password, args.root, perm="elradfmwMT")

    class CuttingDTP(DTPHandler):
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

    class Handler(FTPHandler):
        dtp_handler = CuttingDTP
        masquerade_address = "127.0.0.1"
        permit_foreign_addresses = False

    Handler.authorizer = authorizer
    server = FTPServer(("127.0.0.1", args.port), Handler)
    print("ready", flush=True)
    sys.stdout.flush()
    server.serve_forever(handle_exit=True)


if __name__ == "__main__":
    main()
