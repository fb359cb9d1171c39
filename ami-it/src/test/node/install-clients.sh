#!/usr/bin/env bash
# Run by ami-it's build before the integration tests: installs the Node.js AMI clients of
# NodeClientsIT with npm. Without node or npm on the PATH it says so loudly and installs nothing;
# NodeClientsIT then skips, or fails when AMI_TEST_NODE_REQUIRED=yes (.ci/run sets it and installs
# Debian's nodejs and npm). A failing npm install (network, registry) fails the build.
set -euo pipefail
cd "$(dirname "$0")"
missing=()
command -v node >/dev/null || missing+=(node)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
    echo "##########################################################################" >&2
    echo "# ${missing[*]} not found on the PATH: the Node.js AMI client tests will be" >&2
    echo "# skipped (install Debian's nodejs and npm, as .ci/run does, to run them)" >&2
    echo "##########################################################################" >&2
    exit 0
fi
# exact versions are pinned in package.json; no lock file naming download hosts
exec npm install --no-package-lock --no-audit --no-fund
