#!/usr/bin/env bash
# Applies ami-http-listener.cli (beside this file) to the WildFly in $1, unless that server has
# already had this very version of it. The script changes nothing when run again, but each run
# boots the server's configuration twice in an embedded CLI (about 7 s of CPU on a 2-core machine),
# which the run profile would otherwise pay before every start. The server keeps the SHA-256 of
# the script it was given; a changed script is applied again. The run profile, ami-it and the
# benchmark run this on the server the root pom provisions.
set -euo pipefail
home=$1
script=$(dirname "$0")/ami-http-listener.cli
marker=$home/.ami-http-listener.sha256
sum=$(sha256sum "$script" | cut -d ' ' -f 1)
if [ "$(cat "$marker" 2>/dev/null)" = "$sum" ]; then
  echo "configure-server.sh: $home already has this ami-http-listener.cli"
  exit 0
fi
"$home/bin/jboss-cli.sh" --file="$script"
echo "$sum" > "$marker"
