#!/usr/bin/env bash
# The AWS CLI against `orgtui serve`: a whole organization built and checked over the real
# awsJson1_1 protocol, with every answer and error code verified.
#
# Usage: tests/awscli/scenario.sh http://127.0.0.1:PORT
# The server must start with no organization and map the member and standalone keys:
#   orgtui serve --empty --port PORT --caller AKIDMEMBER=222222222222 --caller AKIDSOLO=333333333333
# Needs `aws` (awscli from PyPI) and `python3` on PATH.
set -euo pipefail

ENDPOINT="${1:?usage: scenario.sh ENDPOINT_URL}"
MEMBER=222222222222
MEMBER_KEY=AKIDMEMBER
MGMT_KEY=AKIDMANAGEMENT
SOLO=333333333333
SOLO_KEY=AKIDSOLO

# Isolate from any real AWS configuration: dummy credentials, no config files, no metadata.
export AWS_ACCESS_KEY_ID="$MGMT_KEY" AWS_SECRET_ACCESS_KEY=dummy-secret AWS_DEFAULT_REGION=us-east-1
export AWS_CONFIG_FILE=/nonexistent AWS_SHARED_CREDENTIALS_FILE=/nonexistent AWS_EC2_METADATA_DISABLED=true
export AWS_PAGER="" AWS_MAX_ATTEMPTS=1
unset AWS_PROFILE AWS_SESSION_TOKEN

passes=0
pass() { echo "PASS $*"; passes=$((passes + 1)); }
fail() { echo "FAIL $*" >&2; exit 1; }

# org ARGS... : the management account's call, output as text.
org() { aws organizations --endpoint-url "$ENDPOINT" --region us-east-1 --output text "$@"; }
# as_member ARGS... : the same call made with the member account's key.
as_member() { AWS_ACCESS_KEY_ID="$MEMBER_KEY" org "$@"; }
# as_solo ARGS... : the call made by an account that starts in no organization.
as_solo() { AWS_ACCESS_KEY_ID="$SOLO_KEY" org "$@"; }

# expect_eq WHAT EXPECTED ACTUAL
expect_eq() { [[ "$3" == "$2" ]] && pass "$1" || fail "$1: expected [$2], got [$3]"; }

# expect_error WHAT EXCEPTION COMMAND... : the call must fail with that exception name.
expect_error() {
  local what="$1" code="$2" err
  shift 2
  if err=$("$@" 2>&1 >/dev/null); then fail "$what: succeeded, expected $code"; fi
  grep -q "($code)" <<<"$err" && pass "$what -> $code" || fail "$what: expected $code, got: $err"
}

# --- organization -------------------------------------------------------------------------
expect_error "describe-organization before any" AWSOrganizationsNotInUseException org describe-organization
feature_set=$(org create-organization --feature-set ALL --query Organization.FeatureSet)
expect_eq "create-organization" ALL "$feature_set"
expect_error "create-organization twice" AlreadyInOrganizationException org create-organization
master=$(org describe-organization --query Organization.MasterAccountId)
expect_eq "describe-organization master account" 111111111111 "$master"
root=$(org list-roots --query 'Roots[0].Id')
[[ "$root" =~ ^r-[0-9a-z]{4,32}$ ]] && pass "list-roots $root" || fail "root id [$root]"

# --- OUs: nesting and the depth limit ---------------------------------------------------------
parent="$root"
for level in 1 2 3 4 5; do
  parent=$(org create-organizational-unit --parent-id "$parent" --name "Level$level" --query OrganizationalUnit.Id)
  [[ "$parent" =~ ^ou- ]] || fail "level $level OU id [$parent]"
done
pass "five nested OUs (deepest $parent)"
expect_error "a sixth level" ConstraintViolationException org create-organizational-unit --parent-id "$parent" --name Level6
workloads=$(org create-organizational-unit --parent-id "$root" --name Workloads --query OrganizationalUnit.Id)
expect_error "duplicate OU name" DuplicateOrganizationalUnitException \
  org create-organizational-unit --parent-id "$root" --name Workloads
expect_eq "list-organizational-units-for-parent" "Level1 Workloads" \
  "$(org list-organizational-units-for-parent --parent-id "$root" --query 'sort(OrganizationalUnits[].Name)' | tr '\t' ' ')"
expect_error "unknown parent" ParentNotFoundException org list-children --parent-id ou-zzzz-zzzzzzzz --child-type ORGANIZATIONAL_UNIT

# --- accounts: create (asynchronous) and move ---------------------------------------------
request=$(org create-account --email dev@example.com --account-name Dev --query CreateAccountStatus.Id)
state=IN_PROGRESS
for _ in $(seq 1 50); do
  state=$(org describe-create-account-status --create-account-request-id "$request" --query CreateAccountStatus.State)
  [[ "$state" != IN_PROGRESS ]] && break
  sleep 0.1
done
expect_eq "create-account reaches SUCCEEDED within 5 s" SUCCEEDED "$state"
dev=$(org describe-create-account-status --create-account-request-id "$request" --query CreateAccountStatus.AccountId)
[[ "$dev" =~ ^[0-9]{12}$ ]] || fail "new account id [$dev]"
org move-account --account-id "$dev" --source-parent-id "$root" --destination-parent-id "$workloads"
expect_eq "move-account" "$dev" "$(org list-accounts-for-parent --parent-id "$workloads" --query 'Accounts[].Id')"
expect_eq "list-parents" "$workloads" "$(org list-parents --child-id "$dev" --query 'Parents[0].Id')"
expect_error "move from a parent it is not in" AccountNotFoundException \
  org move-account --account-id "$dev" --source-parent-id "$root" --destination-parent-id "$workloads"
expect_error "move to its own parent" DuplicateAccountException \
  org move-account --account-id "$dev" --source-parent-id "$workloads" --destination-parent-id "$workloads"
expect_error "move from an unknown OU" SourceParentNotFoundException \
  org move-account --account-id "$dev" --source-parent-id ou-zzzz-zzzzzzzz --destination-parent-id "$root"
expect_error "move to an unknown OU" DestinationParentNotFoundException \
  org move-account --account-id "$dev" --source-parent-id "$workloads" --destination-parent-id ou-zzzz-zzzzzzzz
expect_error "move an unknown account" AccountNotFoundException \
  org move-account --account-id 999999999999 --source-parent-id "$workloads" --destination-parent-id "$root"

# --- service control policies -------------------------------------------------------------
scp_doc='{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"}]}'
scp=$(org create-policy --name deny-bucket-delete --description "No bucket deletion" \
  --type SERVICE_CONTROL_POLICY --content "$scp_doc" --query Policy.PolicySummary.Id)
[[ "$scp" =~ ^p- ]] && pass "create-policy SCP $scp" || fail "policy id [$scp]"
expect_error "malformed SCP" MalformedPolicyDocumentException org create-policy --name bad --description x \
  --type SERVICE_CONTROL_POLICY --content '{"Statement": "nope"}'
org attach-policy --policy-id "$scp" --target-id "$workloads"
expect_eq "attach-policy SCP" "deny-bucket-delete FullAWSAccess" \
  "$(org list-policies-for-target --target-id "$workloads" --filter SERVICE_CONTROL_POLICY --query 'reverse(sort(Policies[].Name))' | tr '\t' ' ')"
expect_error "attach twice" DuplicatePolicyAttachmentException org attach-policy --policy-id "$scp" --target-id "$workloads"
expect_error "delete an attached policy" PolicyInUseException org delete-policy --policy-id "$scp"
org detach-policy --policy-id "$scp" --target-id "$workloads"
expect_eq "detach-policy SCP" "" "$(org list-targets-for-policy --policy-id "$scp" --query 'Targets[].TargetId')"
expect_error "detach twice" PolicyNotAttachedException org detach-policy --policy-id "$scp" --target-id "$workloads"
expect_error "detach the last SCP" ConstraintViolationException \
  org detach-policy --policy-id p-FullAWSAccess --target-id "$workloads"

# --- tag policies and the effective policy ------------------------------------------------
tag_doc='{"tags":{"costcenter":{"tag_key":{"@@assign":"CostCenter"},"tag_value":{"@@assign":["100","200"]}}}}'
tag=$(org create-policy --name cost-center --description "Cost centre tags" --type TAG_POLICY \
  --content "$tag_doc" --query Policy.PolicySummary.Id)
[[ "$tag" =~ ^p- ]] && pass "create-policy TAG_POLICY $tag" || fail "policy id [$tag]"
expect_error "attach a tag policy before the type is enabled" PolicyTypeNotEnabledException \
  org attach-policy --policy-id "$tag" --target-id "$workloads"
org enable-policy-type --root-id "$root" --policy-type TAG_POLICY >/dev/null
expect_eq "enable-policy-type TAG_POLICY" ENABLED \
  "$(org list-roots --query "Roots[0].PolicyTypes[?Type=='TAG_POLICY'].Status")"
org attach-policy --policy-id "$tag" --target-id "$workloads"
effective=$(org describe-effective-policy --policy-type TAG_POLICY --target-id "$dev" --query EffectivePolicy.PolicyContent)
grep -q '"CostCenter"' <<<"$effective" && pass "describe-effective-policy shows CostCenter" \
  || fail "effective tag policy: $effective"
expect_error "effective policy of an unknown account" TargetNotFoundException \
  org describe-effective-policy --policy-type TAG_POLICY --target-id 999999999999
org detach-policy --policy-id "$tag" --target-id "$workloads"
expect_error "no effective tag policy left" EffectivePolicyNotFoundException \
  org describe-effective-policy --policy-type TAG_POLICY --target-id "$dev"

# --- invitations, as the invited account ----------------------------------------------------
expect_error "member key before joining" AWSOrganizationsNotInUseException as_member describe-organization
handshake=$(org invite-account-to-organization --target "Id=$MEMBER,Type=ACCOUNT" --notes "Welcome" --query Handshake.Id)
[[ "$handshake" =~ ^h- ]] && pass "invite-account-to-organization $handshake" || fail "handshake id [$handshake]"
read -r requested expires < <(org describe-handshake --handshake-id "$handshake" \
  --query 'Handshake.[RequestedTimestamp,ExpirationTimestamp]')
# awscli v1 prints the wire value (epoch seconds); v2 prints ISO 8601. Accept either.
days=$(python3 -c '
import datetime as d, sys
def t(s):
    try:
        return d.datetime.fromtimestamp(float(s), d.timezone.utc)
    except ValueError:
        return d.datetime.fromisoformat(s)
print(round((t(sys.argv[2]) - t(sys.argv[1])).total_seconds() / 86400))
' "$requested" "$expires")
expect_eq "invitation expires after 15 days" 15 "$days"
expect_error "invite again" DuplicateHandshakeException org invite-account-to-organization --target "Id=$MEMBER,Type=ACCOUNT"
expect_eq "the invitee sees its invitation" "$handshake" \
  "$(as_member list-handshakes-for-account --query 'Handshakes[0].Id')"
expect_eq "accept-handshake as the member" ACCEPTED "$(as_member accept-handshake --handshake-id "$handshake" --query Handshake.State)"
expect_eq "the member is in the organization" 111111111111 "$(as_member describe-organization --query Organization.MasterAccountId)"
expect_eq "the member joined by invitation" INVITED "$(org describe-account --account-id "$MEMBER" --query Account.JoinedMethod)"
expect_error "a member may not list accounts" AccessDeniedException as_member list-accounts
expect_error "the management account cannot leave" MasterCannotLeaveOrganizationException org leave-organization
as_member leave-organization
pass "leave-organization as the member"
expect_error "the member has left" AWSOrganizationsNotInUseException as_member describe-organization
handshake=$(org invite-account-to-organization --target "Id=$MEMBER,Type=ACCOUNT" --query Handshake.Id)
expect_eq "decline-handshake as the member" DECLINED "$(as_member decline-handshake --handshake-id "$handshake" --query Handshake.State)"

# --- a second organization, created by a standalone account -----------------------------------
expect_error "a standalone account has no organization" AWSOrganizationsNotInUseException as_solo describe-organization
expect_eq "create-organization as the standalone account" "$SOLO" \
  "$(as_solo create-organization --feature-set ALL --query Organization.MasterAccountId)"
[[ "$(as_solo describe-organization --query Organization.Id)" != "$(org describe-organization --query Organization.Id)" ]] \
  && pass "two organizations, each caller sees its own" || fail "the second organization has the first one's id"
expect_error "invite a member of another organization" HandshakeConstraintViolationException \
  as_solo invite-account-to-organization --target "Id=111111111111,Type=ACCOUNT"
handshake=$(as_solo invite-account-to-organization --target "Id=$MEMBER,Type=ACCOUNT" --query Handshake.Id)
expect_eq "accept the second organization's invitation" ACCEPTED \
  "$(as_member accept-handshake --handshake-id "$handshake" --query Handshake.State)"
expect_eq "the member is in the second organization" "$SOLO" "$(as_member describe-organization --query Organization.MasterAccountId)"
expect_error "delete a non-empty organization" OrganizationNotEmptyException as_solo delete-organization
as_member leave-organization
as_solo delete-organization
pass "leave, then delete the empty second organization"
expect_error "the second organization is gone" AWSOrganizationsNotInUseException as_solo describe-organization

# --- raw protocol errors (what no SDK sends) --------------------------------------------------
python3 - "$ENDPOINT" <<'PY'
import json, sys, urllib.request, urllib.error
endpoint = sys.argv[1]
def post(body, target="AWSOrganizationsV20161128.DescribePolicy"):
    headers = {"Content-Type": "application/x-amz-json-1.1"}
    if target:
        headers["X-Amz-Target"] = target
    req = urllib.request.Request(endpoint + "/", data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(req) as r:
            return r.status, json.load(r)
    except urllib.error.HTTPError as e:
        return e.code, json.load(e)
cases = [
    ("malformed body", post(b'{"PolicyId": '), "SerializationException"),
    ("missing target header", post(b"{}", target=None), "UnknownOperationException"),
    ("unknown operation", post(b"{}", target="AWSOrganizationsV20161128.Teleport"), "UnknownOperationException"),
    ("wrong member type", post(b'{"PolicyId": 7}'), "SerializationException"),
    ("oversized body", post(b'{"PolicyId": "' + b"x" * (3 * 1024 * 1024) + b'"}'), "SerializationException"),
]
for what, (status, body), code in cases:
    if status != 400 or body.get("__type") != code:
        print(f"FAIL {what}: {status} {body}", file=sys.stderr)
        sys.exit(1)
    print(f"PASS {what} -> 400 {code}")
PY
passes=$((passes + 5))

# --- boto3 (installed with moto): typed exceptions with their Reason, parsed timestamps ------
if python3 -c "import boto3" 2>/dev/null; then
  python3 - "$ENDPOINT" "$parent" <<'PY'
import datetime, sys
import boto3
c = boto3.client("organizations", endpoint_url=sys.argv[1], region_name="us-east-1")
try:
    c.create_organizational_unit(ParentId=sys.argv[2], Name="TooDeep")
    sys.exit("FAIL boto3: the sixth level was created")
except c.exceptions.ConstraintViolationException as e:
    assert e.response.get("Reason") == "OU_DEPTH_LIMIT_EXCEEDED", e.response
print("PASS boto3 raises ConstraintViolationException with Reason OU_DEPTH_LIMIT_EXCEEDED")
org = c.describe_organization()["Organization"]
accounts = [a for page in c.get_paginator("list_accounts").paginate(PaginationConfig={"PageSize": 1}) for a in page["Accounts"]]
assert len(accounts) >= 2 and all(isinstance(a["JoinedTimestamp"], datetime.datetime) for a in accounts), accounts
print(f"PASS boto3 paginates {len(accounts)} accounts one per page with parsed timestamps")
PY
  passes=$((passes + 2))
fi

echo "awscli scenario: all $passes checks passed"
