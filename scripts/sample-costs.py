#!/usr/bin/env python3
"""Writes the billing data of the bundled sample organization ("Example Corp").

Rewrites the `costExplorer` section of assets/sample-org.json (and drops the earlier
`extras.costs` rows): twelve months of unblended cost per account and service, with the shapes
a real bill has — steady production, growing analytics, one spike (a forgotten GPU fleet in a
sandbox), closed accounts going to zero, and a migration credit as a negative line.
Deterministic: run it again and the file does not change.

    python3 scripts/sample-costs.py
"""
import json
import random
from pathlib import Path

PATH = Path(__file__).resolve().parent.parent / "assets" / "sample-org.json"
MONTHS = [f"{2025 + (10 + i) // 12}-{(10 + i) % 12 + 1:02d}" for i in range(12)]  # 2025-11 .. 2026-10

EC2 = "Amazon Elastic Compute Cloud - Compute"
EC2O = "EC2 - Other"
S3 = "Amazon Simple Storage Service"
RDS = "Amazon Relational Database Service"
DDB = "Amazon DynamoDB"
LAMBDA = "AWS Lambda"
CW = "Amazon CloudWatch"
VPC = "Amazon Virtual Private Cloud"
ECS = "Amazon Elastic Container Service"
R53 = "Amazon Route 53"
CT = "AWS CloudTrail"
CONFIG = "AWS Config"
GD = "Amazon GuardDuty"
SH = "AWS Security Hub"
KMS = "AWS Key Management Service"
ATHENA = "Amazon Athena"
GLUE = "AWS Glue"
SM = "Amazon SageMaker"
BEDROCK = "Amazon Bedrock"
SUPPORT = "AWS Support (Business)"
BACKUP = "AWS Backup"
CODEBUILD = "AWS CodeBuild"
CREDITS = "AWS Credits"

WEB = {EC2: 1900, EC2O: 240, S3: 180, CW: 120, ECS: 640, R53: 25, LAMBDA: 60}
PAY = {EC2: 2600, EC2O: 310, RDS: 1800, DDB: 420, S3: 150, CW: 160, KMS: 40}
DATA = {S3: 1400, ATHENA: 520, GLUE: 760, EC2: 900, CW: 70}
ML = {SM: 1800, BEDROCK: 650, S3: 380, EC2: 700, CW: 60}

# name -> (services with a production-size base, scale, monthly growth, special shape)
PROFILES = {
    "Example Corp Management": ({SUPPORT: 1400, CT: 50, CONFIG: 42, S3: 24}, 1.0, 0.0, None),
    "log-archive": ({S3: 380, CT: 20, KMS: 12}, 1.0, 0.02, None),
    "audit": ({SH: 210, CONFIG: 95, GD: 120, ATHENA: 30}, 1.0, 0.0, None),
    "security-tooling": ({GD: 340, SH: 180, LAMBDA: 45, CW: 40}, 1.0, 0.0, None),
    "network-prod": ({VPC: 620, EC2O: 880, R53: 40, CW: 35}, 1.0, 0.01, None),
    "network-nonprod": ({VPC: 260, EC2O: 310, CW: 15}, 1.0, 0.0, None),
    "shared-services": ({EC2: 540, ECS: 210, S3: 60, CW: 45}, 1.0, 0.0, None),
    "identity": ({LAMBDA: 18, CW: 9, KMS: 6}, 1.0, 0.0, None),
    "cicd-tooling": ({CODEBUILD: 430, EC2: 320, S3: 85}, 1.0, 0.01, None),
    "backup-vault": ({BACKUP: 690, S3: 240}, 1.0, 0.015, None),
    "payments-prod": (PAY, 1.0, 0.005, None),
    "payments-ledger-prod": (PAY, 0.45, 0.005, None),
    "pci-cardholder-prod": (PAY, 0.6, 0.0, None),
    "pci-tokenization-prod": (PAY, 0.25, 0.0, None),
    "analytics-prod": (DATA, 1.0, 0.07, None),
    "datalake-prod": (DATA, 1.4, 0.06, None),
    "ml-platform-prod": (ML, 1.0, 0.09, None),
    "web-prod": (WEB, 1.0, 0.0, None),
    "mobile-api-prod": (WEB, 0.7, 0.01, None),
    "search-prod": ({EC2: 1300, EC2O: 180, S3: 60, CW: 50}, 1.0, 0.0, None),
    "payments-staging": (PAY, 0.22, 0.0, None),
    "analytics-staging": (DATA, 0.2, 0.03, None),
    "web-staging": (WEB, 0.2, 0.0, None),
    "mobile-api-staging": (WEB, 0.15, 0.0, None),
    "payments-dev": (PAY, 0.08, 0.0, None),
    "analytics-dev": (DATA, 0.07, 0.02, None),
    "web-dev": (WEB, 0.07, 0.0, None),
    "mobile-api-dev": (WEB, 0.06, 0.0, None),
    "ml-platform-dev": (ML, 0.09, 0.04, None),
    "datalake-dev": (DATA, 0.06, 0.0, None),
    "sandbox-alice": ({EC2: 40, S3: 4, LAMBDA: 2}, 1.0, 0.0, None),
    "sandbox-bob": ({EC2: 25, S3: 3}, 1.0, 0.0, None),
    "sandbox-carol": ({EC2: 55, S3: 6, BEDROCK: 12}, 1.0, 0.0, None),
    "sandbox-dave": ({EC2: 30, S3: 3}, 1.0, 0.0, ("spike", "2026-09", EC2, 5200.0)),
    "sandbox-erin": ({EC2: 20, S3: 2}, 1.0, 0.0, None),
    "sandbox-frank": ({EC2: 35, S3: 5, LAMBDA: 1}, 1.0, 0.0, None),
    "legacy-crm-prod": ({EC2: 1100, RDS: 650, S3: 90}, 1.0, 0.0, ("ends", "2026-06")),
    "legacy-reporting": ({EC2: 320, RDS: 210}, 1.0, 0.0, ("ends", "2026-02")),
    "marketing-microsite": ({EC2: 80, S3: 12, R53: 2}, 1.0, 0.0, ("ends", "2026-08")),
    "payments-poc": ({EC2: 260, RDS: 140}, 1.0, 0.0, ("ends", "2026-11")),
    "policy-canary": ({LAMBDA: 3, CW: 2}, 1.0, 0.0, None),
    "scp-test": ({LAMBDA: 2, S3: 1}, 1.0, 0.0, None),
    "bookly-prod": ({EC2: 880, RDS: 420, S3: 110, CW: 40}, 1.0, 0.02, ("credit", "2026-09", -1500.0)),
}


def previous(month):
    y, m = map(int, month.split("-"))
    return f"{y - (m == 1)}-{(m - 2) % 12 + 1:02d}"


def main():
    text = PATH.read_text()
    doc = json.loads(text)
    rng = random.Random(18)
    names = {a["id"]: a["name"] for a in doc["accounts"] if a.get("parentId")}
    accounts = {}
    for account_id in sorted(names):
        services, scale, growth, special = PROFILES[names[account_id]]
        rows = {}
        for service, base in sorted(services.items()):
            amounts = []
            for i, month in enumerate(MONTHS):
                v = base * scale * (1 + growth) ** i * rng.uniform(0.94, 1.06)
                if special and special[0] == "ends" and month >= special[1]:
                    amounts.append(None)
                    continue
                if special and special[0] == "ends" and month == previous(special[1]):
                    v *= 0.35  # winding down the month before the closure
                if special and special[0] == "spike" and month == special[1] and service == special[2]:
                    v += special[3]
                amounts.append(round(v, 2))
            rows[service] = amounts
        if special and special[0] == "credit":
            rows[CREDITS] = [special[2] if m == special[1] else None for m in MONTHS]
        accounts[account_id] = dict(sorted(rows.items()))
    doc["extras"].pop("costs", None)
    out = {}
    for k, v in doc.items():
        out[k] = v
        if k == "extras":
            out["costExplorer"] = {"months": MONTHS, "accounts": accounts}
    out.setdefault("costExplorer", {"months": MONTHS, "accounts": accounts})
    PATH.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
