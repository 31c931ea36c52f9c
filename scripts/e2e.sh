#!/usr/bin/env bash
# End-to-end run in a real n8n: installs n8n (once) into $E2E_DIR, installs this package into it as
# a community package from `npm pack`, imports credentials and workflows, executes Send to Many and
# Send Promotional against the local emulator, then publishes a BulkGate Trigger workflow, starts
# n8n and calls its webhook. Everything listens on 127.0.0.1. Usage: npm run e2e
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
E2E_DIR=${E2E_DIR:-${TMPDIR:-/tmp}/bulk-sms-e2e}
N8N_VERSION=${N8N_VERSION:-2.8.4} # the newest n8n that runs on Node 20
PORT=${E2E_PORT:-15678}
mkdir -p "$E2E_DIR"
log() { printf '\n== %s\n' "$*"; }
fail() { printf 'E2E FAILED: %s\n' "$*" >&2; exit 1; }

n8n_bin="$E2E_DIR/n8n/node_modules/.bin/n8n"
if [ ! -x "$n8n_bin" ]; then
	log "installing n8n $N8N_VERSION (once; several minutes)"
	mkdir -p "$E2E_DIR/n8n"
	# n8n-nodes-base pulls xlsx from a CDN; the registry's 0.18.5 stands in for it.
	printf '{"private":true,"overrides":{"xlsx":"0.18.5"}}\n' > "$E2E_DIR/n8n/package.json"
	(cd "$E2E_DIR/n8n" && npm install "n8n@$N8N_VERSION" --no-audit --no-fund --loglevel=error)
fi

log "packing the package and installing it as a community package"
(cd "$root" && npm run build --silent && npx tsc -p tsconfig.bench.json)
tarball=$(cd "$root" && npm pack --silent --pack-destination "$E2E_DIR" | tail -n 1)
home="$E2E_DIR/home"
rm -rf "$home" && mkdir -p "$home/.n8n/nodes"
printf '{"private":true}\n' > "$home/.n8n/nodes/package.json"
(cd "$home/.n8n/nodes" && npm install --omit=peer --no-audit --no-fund --loglevel=error "$E2E_DIR/$tarball")

export N8N_USER_FOLDER="$home" N8N_LISTEN_ADDRESS=127.0.0.1 N8N_HOST=127.0.0.1 N8N_PORT="$PORT" N8N_PROTOCOL=http
export WEBHOOK_URL="http://127.0.0.1:$PORT/" N8N_RUNNERS_BROKER_LISTEN_ADDRESS=127.0.0.1 N8N_RUNNERS_BROKER_PORT=$((PORT + 1))
export N8N_DIAGNOSTICS_ENABLED=false N8N_VERSION_NOTIFICATIONS_ENABLED=false N8N_PERSONALIZATION_ENABLED=false
export N8N_TEMPLATES_ENABLED=false N8N_LICENSE_AUTO_RENEW_ENABLED=false EXTERNAL_FRONTEND_HOOKS_URLS=
export N8N_ENCRYPTION_KEY=bulk-sms-e2e-encryption-key N8N_USER_MANAGEMENT_JWT_SECRET=bulk-sms-e2e
export N8N_SECURE_COOKIE=false DB_TYPE=sqlite N8N_LOG_LEVEL=info GENERIC_TIMEZONE=Europe/Prague

log "starting the gateway emulator"
emulator_log="$E2E_DIR/emulator.log"
node "$root/scripts/bench/emulator.mjs" > "$emulator_log" &
emulator_pid=$!
n8n_pid=
cleanup() {
	[ -n "$n8n_pid" ] && kill "$n8n_pid" 2>/dev/null || true
	kill "$emulator_pid" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 100); do [ -s "$emulator_log" ] && break; sleep 0.1; done
urls=$(head -n 1 "$emulator_log")

log "importing credentials and workflows"
node "$root/scripts/e2e/fixtures.mjs" "$urls" "$E2E_DIR"
"$n8n_bin" import:credentials --input="$E2E_DIR/credentials.json" > "$E2E_DIR/n8n-cli.log" 2>&1
for workflow in sendToMany sendPromotional deliveryReports; do
	"$n8n_bin" import:workflow --input="$E2E_DIR/$workflow.json" >> "$E2E_DIR/n8n-cli.log" 2>&1
done

for workflow in sendToMany sendPromotional; do
	log "executing $workflow in n8n $N8N_VERSION"
	"$n8n_bin" execute --id="bulkSmsE2e$workflow" --rawOutput 2>> "$E2E_DIR/n8n-cli.log" |
		awk 'f||/^\{$/{f=1;print}' > "$E2E_DIR/$workflow.run.json" || fail "$workflow did not run (see $E2E_DIR/n8n-cli.log)"
	node "$root/scripts/e2e/check-run.mjs" "$E2E_DIR/$workflow.run.json" || fail "$workflow"
done

log "publishing the BulkGate Trigger workflow and starting n8n"
"$n8n_bin" publish:workflow --id=bulkSmsE2edeliveryReports >> "$E2E_DIR/n8n-cli.log" 2>&1
"$n8n_bin" start > "$E2E_DIR/n8n-start.log" 2>&1 &
n8n_pid=$!
for _ in $(seq 600); do
	grep -q "Editor is now accessible" "$E2E_DIR/n8n-start.log" && break
	kill -0 "$n8n_pid" 2>/dev/null || fail "n8n start exited (see $E2E_DIR/n8n-start.log)"
	sleep 0.2
done
hook="http://127.0.0.1:$PORT/webhook/bulk-sms-e2e-dlr/webhook"
reports='[{"status":"1","smsID":"e2e-1","to":"420777000001","date":"2604111007;2604111011"},{"status":"3","smsID":"e2e-2","to":"420777000002"}]'
status_ok=$(curl -s -o /dev/null -w '%{http_code}' -H 'content-type: application/json' -d "$reports" "$hook?token=e2e-secret")
status_wrong=$(curl -s -o /dev/null -w '%{http_code}' -H 'content-type: application/json' -d "$reports" "$hook?token=wrong")
status_bad=$(curl -s -o /dev/null -w '%{http_code}' -H 'content-type: application/json' -d '[{"smsID":"x"}]' "$hook?token=e2e-secret")
echo "BulkGate Trigger: right token $status_ok, wrong token $status_wrong, report without status $status_bad"
[ "$status_ok" = 200 ] && [ "$status_wrong" = 401 ] && [ "$status_bad" = 400 ] || fail "trigger answers"

log "gateway requests seen by the emulator"
kill "$emulator_pid" && wait "$emulator_pid" 2>/dev/null || true
node -e '
	const lines = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n");
	const { requests } = JSON.parse(lines[lines.length - 1]);
	const count = (path) => requests.filter(([, p]) => p.endsWith(path)).length;
	console.log(`token exchanges ${count("/oauth/access_token")}, to_many ${count("/sms/to_many")}, promotional ${count("/advanced/promotional")}`);
	if (count("/sms/to_many") !== 2 || count("/advanced/promotional") !== 2) process.exit(1);
' "$emulator_log" || fail "request counts"
echo "E2E PASSED with n8n $N8N_VERSION"
