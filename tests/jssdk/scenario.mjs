// The AWS SDK for JavaScript v3 (@aws-sdk/client-organizations) against `orgtui serve`: a second
// SDK family proving the awsJson1_1 wire format — typed exceptions with their Reason, epoch
// timestamps parsed to Date, paginators, the caller picked by access key.
//
// Usage: node tests/jssdk/scenario.mjs http://127.0.0.1:PORT
// The server maps the member key: orgtui serve … --caller AKIDMEMBER=222222222222
// It may already hold an organization (the AWS CLI scenario runs first on the same server).
import {
  OrganizationsClient,
  AWSOrganizationsNotInUseException,
  AccountNotFoundException,
  ConstraintViolationException,
  CreateOrganizationCommand,
  CreateOrganizationalUnitCommand,
  CreatePolicyCommand,
  AttachPolicyCommand,
  DescribeAccountCommand,
  DescribeCreateAccountStatusCommand,
  DescribeOrganizationCommand,
  DuplicateOrganizationalUnitException,
  CreateAccountCommand,
  InvalidInputException,
  ListPoliciesForTargetCommand,
  ListRootsCommand,
  OrganizationsServiceException,
  paginateListAccounts,
} from "@aws-sdk/client-organizations";

const endpoint = process.argv[2];
if (!endpoint) {
  console.error("usage: scenario.mjs ENDPOINT_URL");
  process.exit(2);
}

const client = (key) =>
  new OrganizationsClient({
    endpoint,
    region: "us-east-1",
    maxAttempts: 1,
    credentials: { accessKeyId: key, secretAccessKey: "dummy-secret" },
  });
const mgmt = client("AKIDJSMANAGEMENT");
const member = client("AKIDMEMBER");

let passes = 0;
const pass = (what) => {
  passes += 1;
  console.log(`PASS ${what}`);
};
const fail = (what) => {
  console.error(`FAIL ${what}`);
  process.exit(1);
};
const check = (what, ok, detail) => (ok ? pass(what) : fail(`${what}: ${JSON.stringify(detail)}`));

/** The call must throw an instance of `type` (the SDK's typed exception). */
async function expectError(what, type, promise) {
  try {
    await promise;
  } catch (e) {
    if (e instanceof type) return e;
    fail(`${what}: expected ${type.name}, got ${e?.name}: ${e?.message}`);
  }
  fail(`${what}: succeeded, expected ${type.name}`);
}

// The member account stands alone until invited: typed exception, AWS's message.
const notInUse = await expectError(
  "member outside any organization",
  AWSOrganizationsNotInUseException,
  member.send(new DescribeOrganizationCommand({})),
);
check("AWSOrganizationsNotInUseException with AWS's message", notInUse.message === "Your account is not a member of an organization.", notInUse.message);
check("exceptions derive from OrganizationsServiceException with HTTP 400", notInUse instanceof OrganizationsServiceException && notInUse.$metadata.httpStatusCode === 400, notInUse.$metadata);

// An organization (created unless the server already holds one).
let org;
try {
  org = (await mgmt.send(new DescribeOrganizationCommand({}))).Organization;
} catch (e) {
  if (!(e instanceof AWSOrganizationsNotInUseException)) throw e;
  org = (await mgmt.send(new CreateOrganizationCommand({ FeatureSet: "ALL" }))).Organization;
}
check("organization with all features", /^o-[a-z0-9]{10,32}$/.test(org.Id) && org.FeatureSet === "ALL", org);

const root = (await mgmt.send(new ListRootsCommand({}))).Roots[0];
check("root listed", /^r-[0-9a-z]{4,32}$/.test(root.Id), root);

// OUs nested to the depth limit: the sixth level is a ConstraintViolationException with its Reason.
let parent = root.Id;
for (let depth = 1; depth <= 5; depth++) {
  const r = await mgmt.send(new CreateOrganizationalUnitCommand({ ParentId: parent, Name: `js-L${depth}` }));
  parent = r.OrganizationalUnit.Id;
}
pass("five nested OUs created");
const deep = await expectError(
  "sixth OU level",
  ConstraintViolationException,
  mgmt.send(new CreateOrganizationalUnitCommand({ ParentId: parent, Name: "js-L6" })),
);
check("ConstraintViolationException carries Reason OU_DEPTH_LIMIT_EXCEEDED", deep.Reason === "OU_DEPTH_LIMIT_EXCEEDED", deep);
const dup = await expectError(
  "duplicate OU name",
  DuplicateOrganizationalUnitException,
  mgmt.send(new CreateOrganizationalUnitCommand({ ParentId: root.Id, Name: "js-L1" })),
);
check("DuplicateOrganizationalUnitException with AWS's message", dup.message === "An OU with the same name already exists.", dup.message);
const bad = await expectError(
  "invalid enumeration value",
  InvalidInputException,
  mgmt.send(new CreatePolicyCommand({ Name: "x", Description: "d", Type: "NO_SUCH_TYPE", Content: "{}" })),
);
check("InvalidInputException carries a Reason", typeof bad.Reason === "string" && bad.Reason.startsWith("INVALID_ENUM"), bad);
await expectError(
  "unknown account",
  AccountNotFoundException,
  mgmt.send(new DescribeAccountCommand({ AccountId: "123456789101" })),
);
pass("AccountNotFoundException raised");

// A policy created, attached and listed.
const content = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: "s3:*", Resource: "*" }] });
const policy = (
  await mgmt.send(
    new CreatePolicyCommand({ Name: "js-deny-s3", Description: "from the JS SDK", Type: "SERVICE_CONTROL_POLICY", Content: content, Tags: [{ Key: "team", Value: "js" }] }),
  )
).Policy;
check("policy created with its content", policy.Content === content && /^p-/.test(policy.PolicySummary.Id), policy.PolicySummary);
await mgmt.send(new AttachPolicyCommand({ PolicyId: policy.PolicySummary.Id, TargetId: parent }));
const attached = (await mgmt.send(new ListPoliciesForTargetCommand({ TargetId: parent, Filter: "SERVICE_CONTROL_POLICY" }))).Policies;
check("attached policy listed for its target", attached.some((p) => p.Id === policy.PolicySummary.Id), attached);

// An account created on the real clock: epoch timestamps arrive as Date.
const started = (await mgmt.send(new CreateAccountCommand({ Email: `js-${Date.now()}@example.com`, AccountName: "js-account" }))).CreateAccountStatus;
check("CreateAccount starts IN_PROGRESS with a Date", started.State === "IN_PROGRESS" && started.RequestedTimestamp instanceof Date, started);
let status = started;
for (let i = 0; i < 100 && status.State === "IN_PROGRESS"; i++) {
  await new Promise((r) => setTimeout(r, 100));
  status = (await mgmt.send(new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: started.Id }))).CreateAccountStatus;
}
check("CreateAccount reaches SUCCEEDED", status.State === "SUCCEEDED" && /^\d{12}$/.test(status.AccountId), status);

// The paginator walks every account one per page.
const pages = [];
for await (const page of paginateListAccounts({ client: mgmt, pageSize: 1 }, {})) pages.push(page.Accounts);
const accounts = pages.flat();
check(
  `paginator lists ${accounts.length} accounts one per page with Date timestamps`,
  pages.every((p) => p.length <= 1) &&
    accounts.length >= 2 &&
    accounts.some((a) => a.Id === status.AccountId) &&
    accounts.every((a) => a.JoinedTimestamp instanceof Date),
  accounts,
);

console.log(`JS SDK scenario: all ${passes} checks passed`);
