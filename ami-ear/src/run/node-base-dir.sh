#!/usr/bin/env bash
# Prepares the server base folder ($2) of another node on this machine (README: Several nodes) from
# the provisioned server ($1): its own configuration, log, data and deployments, so that nodes on
# one WildFly installation write nothing of each other's. Its configuration starts as the one
# configure-server.sh left (.ami-configured-standalone-full.xml, without what node 1 has changed
# at run time, such as its HTTP manager listeners), and is replaced by it again whenever that is
# newer (a changed ami-cluster.cli or ami-http-listener.cli); otherwise the node keeps its own. The
# node's data folder ($4) gets the secret key of the first node's ($3): nodes sharing a database
# must read its secrets with the same key. Node 1 (base folder $1/standalone) is left alone.
set -euo pipefail
home=$1 base=$2 first_data=$3 data=$4
if [ "$base" = "$home/standalone" ]; then
  exit 0
fi
configured=$home/.ami-configured-standalone-full.xml
if [ ! -d "$base/configuration" ]; then
  mkdir -p "$base"
  cp -r "$home/standalone/configuration" "$base/configuration"
  rm -rf "$base/configuration/standalone_xml_history"
  cp "$configured" "$base/configuration/standalone-full.xml"
elif [ "$configured" -nt "$base/configuration/standalone-full.xml" ]; then
  cp "$configured" "$base/configuration/standalone-full.xml"
fi
if [ "$data" != "$first_data" ] && [ -f "$first_data/secret.key" ] && [ ! -e "$data/secret.key" ]; then
  mkdir -p "$data"
  chmod 700 "$data"
  cp -p "$first_data/secret.key" "$data/secret.key"
  echo "node-base-dir.sh: $data/secret.key is $first_data's (one key for one database)"
fi
