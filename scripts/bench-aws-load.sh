#!/usr/bin/env bash
# Benchmark: load an organization of 1,000 accounts and 200 OUs from moto_server with orgtui's
# live backend and with the AWS CLI (roots, OUs per parent recursively, accounts per parent);
# report wall time, API calls and the ratio.
#
# Needs moto_server, python3 with boto3 and the aws CLI: from .venv (as .ci/run creates it)
# when present, else from PATH. Everything talks to 127.0.0.1 only.
#   scripts/bench-aws-load.sh            # ACCOUNTS=1000 OUS=200 CONCURRENCY=8 PROFILE=dev
set -euo pipefail
cd "$(dirname "$0")/.."
ACCOUNTS=${ACCOUNTS:-1000}
OUS=${OUS:-200}
PROFILE=${PROFILE:-dev}
export ORGTUI_LOAD_CONCURRENCY=${CONCURRENCY:-8}
if [[ -x .venv/bin/moto_server ]]; then PATH="$PWD/.venv/bin:$PATH"; fi
for tool in moto_server python3 aws; do
  command -v "$tool" >/dev/null || { echo "needs $tool (python3 -m venv .venv && .venv/bin/pip install awscli 'moto[server]')"; exit 2; }
done

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
endpoint="http://127.0.0.1:$port"
moto_server -H 127.0.0.1 -p "$port" >/dev/null 2>&1 &
moto_pid=$!
trap 'kill "$moto_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 1)" 2>/dev/null && break
  sleep 0.2
done

export AWS_ACCESS_KEY_ID=AKIDBENCH AWS_SECRET_ACCESS_KEY=bench-secret AWS_DEFAULT_REGION=us-east-1
export AWS_EC2_METADATA_DISABLED=true AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null

echo "== seeding $ACCOUNTS accounts and $OUS OUs into moto ($endpoint)"
seed_start=$(date +%s.%N)
python3 - "$endpoint" "$ACCOUNTS" "$OUS" <<'PY'
import sys, boto3
endpoint, n_accounts, n_ous = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
o = boto3.client("organizations", endpoint_url=endpoint, region_name="us-east-1")
o.create_organization(FeatureSet="ALL")
root = o.list_roots()["Roots"][0]["Id"]
# 20 top-level OUs, the rest spread under them (two levels), parents before children.
top = [o.create_organizational_unit(ParentId=root, Name=f"top-{i:02}")["OrganizationalUnit"]["Id"]
       for i in range(min(20, n_ous))]
ous = list(top)
for i in range(n_ous - len(top)):
    parent = top[i % len(top)]
    ous.append(o.create_organizational_unit(ParentId=parent, Name=f"ou-{i:03}")["OrganizationalUnit"]["Id"])
parents = [root] + ous
for i in range(n_accounts - 1):  # the management account is the thousandth
    st = o.create_account(Email=f"bench{i}@example.com", AccountName=f"bench-{i:04}")["CreateAccountStatus"]
    dest = parents[i % len(parents)]
    if dest != root:
        o.move_account(AccountId=st["AccountId"], SourceParentId=root, DestinationParentId=dest)
PY
echo "seeded in $(python3 -c "import time; print(round(time.time() - $seed_start, 1))") s"

echo "== orgtui live backend (cargo bench --bench aws_load, profile $PROFILE, concurrency $ORGTUI_LOAD_CONCURRENCY)"
cargo bench --quiet --profile "$PROFILE" --bench aws_load -- "$endpoint" | tee /tmp/orgtui-bench-aws-load.$$.json

echo "== AWS CLI: roots, OUs per parent (recursively), accounts per parent"
cli_calls=0
cli_accounts=0
cli_ous=0
walk() {
  local parent=$1
  local kids
  kids=$(aws --endpoint-url "$endpoint" organizations list-organizational-units-for-parent \
    --parent-id "$parent" --query 'OrganizationalUnits[].Id' --output text)
  cli_calls=$((cli_calls + 1))
  local n
  n=$(aws --endpoint-url "$endpoint" organizations list-accounts-for-parent \
    --parent-id "$parent" --query 'length(Accounts)' --output text)
  cli_calls=$((cli_calls + 1))
  cli_accounts=$((cli_accounts + n))
  for k in $kids; do
    [[ "$k" == "None" ]] && continue
    cli_ous=$((cli_ous + 1))
    walk "$k"
  done
}
cli_start=$(date +%s.%N)
root=$(aws --endpoint-url "$endpoint" organizations list-roots --query 'Roots[0].Id' --output text)
cli_calls=$((cli_calls + 1))
walk "$root"
cli_seconds=$(python3 -c "import time; print(round(time.time() - $cli_start, 3))")
echo "{\"measure\": \"aws_cli_tree\", \"wall_seconds\": $cli_seconds, \"cli_invocations\": $cli_calls, \"result\": {\"ous\": $cli_ous, \"accounts\": $cli_accounts}}"

python3 - "/tmp/orgtui-bench-aws-load.$$.json" "$cli_seconds" "$cli_calls" <<'PY'
import json, sys
rows = {r["measure"]: r for r in (json.loads(l) for l in open(sys.argv[1]) if l.startswith("{"))}
cli_s, cli_calls = float(sys.argv[2]), int(sys.argv[3])
tree, full = rows["tree"], rows["full"]
print("== summary")
print(f"orgtui tree load : {tree['wall_seconds']:8.2f} s  {tree['calls']:5d} calls  ({tree['result']})")
print(f"orgtui full load : {full['wall_seconds']:8.2f} s  {full['calls']:5d} calls  ({full['result']})")
print(f"AWS CLI tree     : {cli_s:8.2f} s  {cli_calls:5d} invocations (each pages to the end)")
print(f"ratio, tree (CLI / orgtui): {cli_s / max(tree['wall_seconds'], 1e-9):.1f}x faster wall time")
print(f"ratio, CLI tree / orgtui full load: {cli_s / max(full['wall_seconds'], 1e-9):.1f}x")
print(f"ListAccounts alone: {rows['list_accounts_only']['calls']} calls (no parents; cannot replace the per-parent listing)")
PY
rm -f "/tmp/orgtui-bench-aws-load.$$.json"
