#!/usr/bin/env bash
# Installs pepqa as a systemd service on this machine (run as root from the repository root).
#   deploy/install.sh            build a release binary, install it, its rules and the unit
# Then edit /etc/pepqa/pepqa.yaml and run: systemctl enable --now pepqa
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product pepqa
install -m 0755 "$(swift build -c release --show-bin-path)/pepqa" /usr/local/bin/pepqa
id pepqa >/dev/null 2>&1 || useradd --system --home-dir /var/lib/pepqa --shell /usr/sbin/nologin pepqa
install -d -m 0750 -o root -g pepqa /etc/pepqa
if [ ! -e /etc/pepqa/Rules ]; then cp -r Rules /etc/pepqa/Rules; chgrp -R pepqa /etc/pepqa/Rules; fi
[ -e /etc/pepqa/pepqa.yaml ] || install -m 0640 -o root -g pepqa deploy/pepqa.yaml /etc/pepqa/pepqa.yaml
install -d -m 0770 -o pepqa -g pepqa /srv/pepqa /srv/pepqa/inbox /srv/pepqa/inbox/drop /srv/pepqa/out
install -d -m 0770 -o pepqa -g pepqa /srv/pepqa/inbox/Maildir /srv/pepqa/inbox/Maildir/new /srv/pepqa/inbox/Maildir/cur /srv/pepqa/inbox/Maildir/tmp
install -m 0644 deploy/pepqa.service /etc/systemd/system/pepqa.service
/usr/local/bin/pepqa rules check /etc/pepqa/Rules
systemctl daemon-reload
echo "Installed. Edit /etc/pepqa/pepqa.yaml, then: systemctl enable --now pepqa"
