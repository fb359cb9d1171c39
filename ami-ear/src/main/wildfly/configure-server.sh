#!/usr/bin/env bash
# Applies the CLI scripts beside this file (ami-http-listener.cli, ami-cluster.cli) to the WildFly
# in $1, each unless that server has already had this very version of it. The scripts change
# nothing when run again, but each run boots the server's configuration in an embedded CLI (about
# 3.5 s of CPU a boot on a 2-core machine), which the run profile would otherwise pay before every
# start. The server keeps the SHA-256 of each script it was given (.<script>.sha256); a changed
# script is applied again. The run profile, ami-it and the benchmark run this on the server the
# root pom provisions. The configuration as the scripts leave it is kept aside as
# .ami-configured-standalone-full.xml, the one further nodes of the run profile start from
# (ami-ear/src/run/node-base-dir.sh): the server's own file takes on what ami changes at run time.
set -euo pipefail
home=$1
if ! grep -q 'urn:jboss:domain:jgroups' "$home/standalone/configuration/standalone-full.xml"; then
  echo "configure-server.sh: $home has no jgroups subsystem (provisioned before the singleton-ha layer): mvn clean" >&2
  exit 1
fi
for script in "$(dirname "$0")"/ami-http-listener.cli "$(dirname "$0")"/ami-cluster.cli; do
  name=$(basename "$script" .cli)
  marker=$home/.$name.sha256
  sum=$(sha256sum "$script" | cut -d ' ' -f 1)
  if [ "$(cat "$marker" 2>/dev/null)" = "$sum" ]; then
    echo "configure-server.sh: $home already has this $name.cli"
    continue
  fi
  "$home/bin/jboss-cli.sh" --file="$script"
  echo "$sum" > "$marker"
  cp "$home/standalone/configuration/standalone-full.xml" "$home/.ami-configured-standalone-full.xml"
done
if [ ! -e "$home/.ami-configured-standalone-full.xml" ]; then
  # configured by an earlier version of this script, which kept no copy: the file as it is
  cp "$home/standalone/configuration/standalone-full.xml" "$home/.ami-configured-standalone-full.xml"
fi
