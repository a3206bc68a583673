#!/usr/bin/env bash
# Benchmark: `orgtui serve` against moto's server on the same read-heavy mix, on loopback.
# Both get the same organization, built through the AWS CLI (5 OUs, 8 accounts, 3 SCPs), then
# benches/serve_load.rs drives N keep-alive connections for a fixed time against each and
# prints requests per second and latency; the last line is the throughput ratio.
#
# Usage: scripts/bench-serve.sh [CONNECTIONS] [SECONDS]
# Needs .venv with awscli and moto[server] (as .ci/run installs them).
set -euo pipefail
cd "$(dirname "$0")/.."

connections="${1:-8}"
seconds="${2:-10}"
target_dir="${CARGO_TARGET_DIR:-target}"
export PATH="$PWD/.venv/bin:$PATH"
export AWS_ACCESS_KEY_ID=AKIDBENCH AWS_SECRET_ACCESS_KEY=dummy AWS_DEFAULT_REGION=us-east-1
export AWS_CONFIG_FILE=/nonexistent AWS_SHARED_CREDENTIALS_FILE=/nonexistent AWS_EC2_METADATA_DISABLED=true

cargo build --release --bin orgtui
cargo bench --bench serve_load --no-run

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

logs=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$logs"; }
trap cleanup EXIT

"$target_dir/release/orgtui" serve --empty --port 0 --create-account-delay-ms 0 >"$logs/orgtui" 2>&1 &
pids+=($!)
moto_port=$(free_port)
moto_server -H 127.0.0.1 -p "$moto_port" >"$logs/moto" 2>&1 &
pids+=($!)
port_open() { python3 -c 'import socket,sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=0.2).close()' "$1" 2>/dev/null; }
for _ in $(seq 1 150); do
  if grep -q ready "$logs/orgtui" && port_open "$moto_port"; then break; fi
  sleep 0.2
done
orgtui_url=$(grep -o 'http://[^ ]*' "$logs/orgtui" | head -n 1)
moto_url="http://127.0.0.1:$moto_port"

# setup URL: the same organization on either server.
setup() {
  local url="$1"
  org() { aws organizations --endpoint-url "$url" --output text "$@"; }
  org create-organization --feature-set ALL >/dev/null
  local root
  root=$(org list-roots --query 'Roots[0].Id')
  local ous=()
  for name in Security Infrastructure Workloads Sandbox Suspended; do
    ous+=("$(org create-organizational-unit --parent-id "$root" --name "$name" --query OrganizationalUnit.Id)")
  done
  for i in 1 2 3 4 5 6 7 8; do
    local req state id
    req=$(org create-account --email "acct$i@example.com" --account-name "Account $i" --query CreateAccountStatus.Id)
    for _ in $(seq 1 50); do
      state=$(org describe-create-account-status --create-account-request-id "$req" --query CreateAccountStatus.State)
      [[ "$state" != IN_PROGRESS ]] && break
      sleep 0.1
    done
    id=$(org describe-create-account-status --create-account-request-id "$req" --query CreateAccountStatus.AccountId)
    org move-account --account-id "$id" --source-parent-id "$root" --destination-parent-id "${ous[$((i % 2))]}"
  done
  for i in 1 2 3; do
    local p
    p=$(org create-policy --name "guardrail-$i" --description "Guard rail $i" --type SERVICE_CONTROL_POLICY \
      --content '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"}]}' \
      --query Policy.PolicySummary.Id)
    org attach-policy --policy-id "$p" --target-id "${ous[0]}"
  done
}
setup "$orgtui_url"
setup "$moto_url"

bench() { cargo bench --bench serve_load -- --url "$1" --connections "$connections" --seconds "$seconds" --label "$2" "${@:3}"; }
orgtui_line=$(bench "$orgtui_url" "orgtui serve" | tail -n 1)
orgtui_close_line=$(bench "$orgtui_url" "orgtui serve" --close | tail -n 1)
moto_line=$(bench "$moto_url" "moto_server" | tail -n 1)
echo "$orgtui_line"
echo "$orgtui_close_line"
echo "$moto_line"
rps() { sed -E 's/.* ([0-9]+) req\/s.*/\1/' <<<"$1"; }
ratio() { python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.1f}x')" "$1" "$2"; }
echo "throughput ratio orgtui/moto: $(ratio "$(rps "$orgtui_line")" "$(rps "$moto_line")") with keep-alive," \
  "$(ratio "$(rps "$orgtui_close_line")" "$(rps "$moto_line")") with a new connection per request (as moto's server)"
