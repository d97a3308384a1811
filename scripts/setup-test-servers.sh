#!/usr/bin/env bash
# Installs what the delivery tests run their own servers with: OpenSSH's sshd and
# a test user that logs in with a password, and pyftpdlib (in .venv/ftp-server)
# for the FTP tests. The tests start each server themselves,
# on 127.0.0.1 only, with their own configuration, host key and log (see
# alleo-sync-cli/tests/servers/mod.rs). Needs root (apt, useradd). Idempotent.
set -euo pipefail

user=alleo-push-test
# A password for a throwaway local account that only loopback sshd instances
# started by the tests accept (AllowUsers); it is not a secret.
password=alleo-push-test-pw

if [ "$(id -u)" -ne 0 ]; then
  echo "error: the delivery tests need root, to install openssh-server and run sshd; run this as root" >&2
  exit 2
fi
if ! command -v /usr/sbin/sshd >/dev/null || ! command -v ssh-keygen >/dev/null; then
  echo "==> installing openssh-server (apt)"
  # Without this, apt would start the system's sshd on port 22.
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openssh-server openssh-client >/dev/null
fi
# systemd-analyze, which checks the units `alleo-sync schedule --systemd` prints.
if ! command -v systemd-analyze >/dev/null; then
  echo "==> installing systemd (apt), for systemd-analyze"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends systemd >/dev/null
fi
mkdir -p /run/sshd
chmod 755 /run/sshd
if ! id "$user" >/dev/null 2>&1; then
  echo "==> creating the test user $user"
  useradd -m -s /bin/sh "$user"
fi
echo "$user:$password" | chpasswd

# pyftpdlib, for an FTP server the tests can break on purpose (cut data connections).
root=$(cd "$(dirname "$0")/.." && pwd)
venv=$root/.venv/ftp-server
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import pyftpdlib, OpenSSL" 2>/dev/null; then
  echo "==> installing pyftpdlib and pyOpenSSL (for FTPS) into .venv/ftp-server"
  if ! python3 -m venv "$venv" 2>/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
    python3 -m venv "$venv"
  fi
  "$venv/bin/pip" install --quiet "pyftpdlib==2.0.1" "pyOpenSSL==25.3.0"
fi
