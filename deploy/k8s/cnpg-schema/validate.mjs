// Validates CloudNativePG resources (postgresql.cnpg.io/v1) against the schemas that
// @kubernetes-models/cloudnative-pg generates from the operator's Go API types.
// Input on stdin: a JSON array of resources. Output on stdout: a JSON array with one entry per
// resource, {kind, name, errors: [...]} (errors empty when it validates). Exit 0 even with errors:
// the caller decides; exit 2 for a kind this package has no schema for.
import * as v1 from "@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const results = [];
for (const resource of JSON.parse(input)) {
  const Model = v1[resource.kind];
  if (resource.apiVersion !== "postgresql.cnpg.io/v1" || typeof Model?.is !== "function") {
    console.error(`no schema for ${resource.apiVersion} ${resource.kind}`);
    process.exit(2);
  }
  const name = resource.metadata?.name;
  try {
    new Model(resource).validate();
    results.push({ kind: resource.kind, name, errors: [] });
  } catch (error) {
    const details = (error.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
    results.push({ kind: resource.kind, name, errors: details.length ? details : [String(error.message)] });
  }
}
console.log(JSON.stringify(results));
