#!/usr/bin/env python3
"""Regenerates the list of known Service Fabric error codes in runtime/src/error_code.rs.

Reads `definitions.FabricErrorCodes` from ../shared/spec/servicefabric.subset.json (relative
to the repository root), adds the codes the gateway sends that the spec omits, and rewrites:

* the two GENERATED blocks of runtime/src/error_code.rs: the variants of the open enum
  `FabricErrorCode`, one per code with its doc comment, and the arms of the `match` that
  gives each code the HTTP status the gateway answers with, one arm per status;
* runtime/tests/fixtures/fabric_error_codes.json: the spec's codes, in spec order, for the
  test that checks every one of them decodes to a known variant.

Run from anywhere: `python3 scripts/gen_error_codes.py`. With `--check` it writes nothing and
exits 1 when the committed files differ from what it would write.
"""

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / ".." / "shared" / "spec" / "servicefabric.subset.json"
TARGET = ROOT / "runtime" / "src" / "error_code.rs"
FIXTURE = ROOT / "runtime" / "tests" / "fixtures" / "fabric_error_codes.json"
def begin(block):
    return f"// BEGIN GENERATED {block} by scripts/gen_error_codes.py; do not edit by hand.\n"


def end(block):
    return f"// END GENERATED {block}\n"

# Codes the gateway is known to send although the spec's enum lacks them. They come from the
# gateway's behaviour (its status table and the upgrade service's rejections), not the spec.
EXTRA_CODES = [
    "FABRIC_E_CONFIG_UPGRADE_FAILED",
    "E_ACCESSDENIED",
    "E_NOTIMPL",
    "FABRIC_E_GATEWAY_NOT_REACHABLE",
    "FABRIC_E_SERVER_AUTHENTICATION_FAILED",
    "FABRIC_E_MESSAGE_TOO_LARGE",
    "FABRIC_E_OBJECT_CLOSED",
    "FABRIC_E_REPLICATION_QUEUE_FULL",
    "FABRIC_E_SERVICE_TOO_BUSY",
]

# The gateway's own status table for the codes it names explicitly. It wins over the spec's
# per-status lists (the spec puts FABRIC_E_VALUE_TOO_LARGE under both 413 and 503).
GATEWAY_STATUS = {
    "E_INVALIDARG": 400,
    "FABRIC_E_INVALID_CONFIGURATION": 400,
    "FABRIC_E_FABRIC_NOT_UPGRADING": 400,
    "FABRIC_E_FABRIC_UPGRADE_VALIDATION_ERROR": 400,
    "FABRIC_E_INVALID_NAME_URI": 400,
    "FABRIC_E_SERVER_AUTHENTICATION_FAILED": 401,
    "E_ACCESSDENIED": 403,
    "FABRIC_E_VALUE_TOO_LARGE": 413,
    "FABRIC_E_MESSAGE_TOO_LARGE": 413,
    "FABRIC_E_CONFIG_UPGRADE_FAILED": 500,
    "E_FAIL": 500,
    "E_NOTIMPL": 501,
    "FABRIC_E_GATEWAY_NOT_REACHABLE": 502,
    "FABRIC_E_NO_WRITE_QUORUM": 503,
    "FABRIC_E_NOT_PRIMARY": 503,
    "FABRIC_E_NOT_READY": 503,
    "FABRIC_E_OBJECT_CLOSED": 503,
    "FABRIC_E_SERVICE_OFFLINE": 503,
    "E_ABORT": 503,
    "FABRIC_E_RECONFIGURATION_PENDING": 503,
    "FABRIC_E_REPLICATION_QUEUE_FULL": 503,
    "FABRIC_E_SERVICE_TOO_BUSY": 503,
    "FABRIC_E_TIMEOUT": 504,
    "FABRIC_E_COMMUNICATION_ERROR": 504,
    "FABRIC_E_OPERATION_NOT_COMPLETE": 504,
}

# The gateway's naming rules; FabricErrorCode::http_status applies the same ones at run time
# to codes it does not know.
NAME_RULES = [
    (("_NOT_FOUND", "_DOES_NOT_EXIST"), 404),
    (("_ALREADY_EXISTS", "_IN_PROGRESS", "_IN_USE"), 409),
]

DOCS = {
    "FABRIC_E_INVALID_PARTITION_KEY": "The partition key does not fit the service's partitioning scheme.",
    "FABRIC_E_IMAGEBUILDER_VALIDATION_ERROR": "The image builder rejected an application or cluster package.",
    "FABRIC_E_INVALID_ADDRESS": "An address (endpoint, URI or IP) in the request is not valid.",
    "FABRIC_E_APPLICATION_NOT_UPGRADING": "The application has no upgrade in progress to act on.",
    "FABRIC_E_APPLICATION_UPGRADE_VALIDATION_ERROR": "The application upgrade description failed validation.",
    "FABRIC_E_FABRIC_NOT_UPGRADING": "The cluster has no upgrade in progress to act on.",
    "FABRIC_E_FABRIC_UPGRADE_VALIDATION_ERROR": "The cluster upgrade description failed validation.",
    "FABRIC_E_INVALID_CONFIGURATION": "A configuration value in the request is not valid.",
    "FABRIC_E_INVALID_NAME_URI": "A Service Fabric name is not a valid `fabric:/` URI.",
    "FABRIC_E_PATH_TOO_LONG": "A path in the request is longer than allowed.",
    "FABRIC_E_KEY_TOO_LARGE": "A key in the request is larger than allowed.",
    "FABRIC_E_SERVICE_AFFINITY_CHAIN_NOT_SUPPORTED": "Service affinity cannot be chained across services.",
    "FABRIC_E_INVALID_ATOMIC_GROUP": "The atomic group named in the request is not valid.",
    "FABRIC_E_VALUE_EMPTY": "A value that must not be empty was empty.",
    "FABRIC_E_NODE_NOT_FOUND": "The node does not exist.",
    "FABRIC_E_APPLICATION_TYPE_NOT_FOUND": "The application type is not provisioned.",
    "FABRIC_E_APPLICATION_NOT_FOUND": "The application does not exist.",
    "FABRIC_E_SERVICE_TYPE_NOT_FOUND": "The service type is not registered.",
    "FABRIC_E_SERVICE_DOES_NOT_EXIST": "The service does not exist.",
    "FABRIC_E_SERVICE_TYPE_TEMPLATE_NOT_FOUND": "No service template exists for the service type.",
    "FABRIC_E_CONFIGURATION_SECTION_NOT_FOUND": "The configuration section does not exist.",
    "FABRIC_E_PARTITION_NOT_FOUND": "The partition does not exist.",
    "FABRIC_E_REPLICA_DOES_NOT_EXIST": "The replica does not exist.",
    "FABRIC_E_SERVICE_GROUP_DOES_NOT_EXIST": "The service group does not exist.",
    "FABRIC_E_CONFIGURATION_PARAMETER_NOT_FOUND": "The configuration parameter does not exist.",
    "FABRIC_E_DIRECTORY_NOT_FOUND": "The directory does not exist.",
    "FABRIC_E_FABRIC_VERSION_NOT_FOUND": "The Service Fabric version is not provisioned.",
    "FABRIC_E_FILE_NOT_FOUND": "The file does not exist.",
    "FABRIC_E_NAME_DOES_NOT_EXIST": "The Service Fabric name does not exist.",
    "FABRIC_E_PROPERTY_DOES_NOT_EXIST": "The property does not exist under the name.",
    "FABRIC_E_ENUMERATION_COMPLETED": "There are no more results to enumerate.",
    "FABRIC_E_SERVICE_MANIFEST_NOT_FOUND": "The service manifest does not exist.",
    "FABRIC_E_KEY_NOT_FOUND": "The key does not exist.",
    "FABRIC_E_HEALTH_ENTITY_NOT_FOUND": "The health store has no entity of that name.",
    "FABRIC_E_APPLICATION_TYPE_ALREADY_EXISTS": "The application type is already provisioned.",
    "FABRIC_E_APPLICATION_ALREADY_EXISTS": "The application already exists.",
    "FABRIC_E_APPLICATION_ALREADY_IN_TARGET_VERSION": "The application already runs the target version.",
    "FABRIC_E_APPLICATION_TYPE_PROVISION_IN_PROGRESS": "The application type is still being provisioned.",
    "FABRIC_E_APPLICATION_UPGRADE_IN_PROGRESS": "An upgrade of the application is already running.",
    "FABRIC_E_SERVICE_ALREADY_EXISTS": "The service already exists.",
    "FABRIC_E_SERVICE_GROUP_ALREADY_EXISTS": "The service group already exists.",
    "FABRIC_E_APPLICATION_TYPE_IN_USE": "The application type is still used by an application.",
    "FABRIC_E_FABRIC_ALREADY_IN_TARGET_VERSION": "The cluster already runs the target version.",
    "FABRIC_E_FABRIC_VERSION_ALREADY_EXISTS": "The Service Fabric version is already provisioned.",
    "FABRIC_E_FABRIC_VERSION_IN_USE": "The Service Fabric version is still in use by the cluster.",
    "FABRIC_E_FABRIC_UPGRADE_IN_PROGRESS": "An upgrade of the cluster is already running.",
    "FABRIC_E_NAME_ALREADY_EXISTS": "The Service Fabric name already exists.",
    "FABRIC_E_NAME_NOT_EMPTY": "The Service Fabric name still has properties or children.",
    "FABRIC_E_PROPERTY_CHECK_FAILED": "A property check in a batch did not hold.",
    "FABRIC_E_SERVICE_METADATA_MISMATCH": "The service exists with a different description.",
    "FABRIC_E_SERVICE_TYPE_MISMATCH": "The service exists with a different service type.",
    "FABRIC_E_HEALTH_STALE_REPORT": "The health report is older than one already stored.",
    "FABRIC_E_SEQUENCE_NUMBER_CHECK_FAILED": "The sequence number did not match the stored one.",
    "FABRIC_E_NODE_HAS_NOT_STOPPED_YET": "The node is still stopping.",
    "FABRIC_E_INSTANCE_ID_MISMATCH": "The instance id does not match the current instance.",
    "FABRIC_E_VALUE_TOO_LARGE": "A value in the request is larger than allowed.",
    "FABRIC_E_NO_WRITE_QUORUM": "The service has lost write quorum for now; retry later.",
    "FABRIC_E_NOT_PRIMARY": "The replica that received the request is not the primary; retry.",
    "FABRIC_E_NOT_READY": "The service is not ready yet; retry later.",
    "FABRIC_E_RECONFIGURATION_PENDING": "The service is reconfiguring; retry later.",
    "FABRIC_E_SERVICE_OFFLINE": "The service is offline for now; retry later.",
    "E_ABORT": "The operation was aborted; retry later.",
    "FABRIC_E_COMMUNICATION_ERROR": "The gateway could not reach a cluster component in time.",
    "FABRIC_E_OPERATION_NOT_COMPLETE": "The operation did not complete within its time budget.",
    "FABRIC_E_TIMEOUT": "The operation timed out on the server.",
    "FABRIC_E_NODE_IS_UP": "The node is up, so the requested action does not apply.",
    "E_FAIL": "The operation failed for an unspecified reason.",
    "FABRIC_E_BACKUP_IS_ENABLED": "Backup is enabled, which forbids the requested action.",
    "FABRIC_E_RESTORE_SOURCE_TARGET_PARTITION_MISMATCH": "The backup does not match the partition to restore.",
    "FABRIC_E_INVALID_FOR_STATELESS_SERVICES": "The operation applies only to stateful services.",
    "FABRIC_E_BACKUP_NOT_ENABLED": "Backup is not enabled for the entity.",
    "FABRIC_E_BACKUP_POLICY_NOT_EXISTING": "The backup policy does not exist.",
    "FABRIC_E_FAULT_ANALYSIS_SERVICE_NOT_EXISTING": "The cluster does not run the Fault Analysis Service.",
    "FABRIC_E_BACKUP_IN_PROGRESS": "A backup of the partition is already running.",
    "FABRIC_E_RESTORE_IN_PROGRESS": "A restore of the partition is already running.",
    "FABRIC_E_BACKUP_POLICY_ALREADY_EXISTING": "The backup policy already exists.",
    "FABRIC_E_INVALID_SERVICE_SCALING_POLICY": "The service scaling policy is not valid.",
    "E_INVALIDARG": "The request was malformed: bad path, query, api-version, body or duration.",
    "FABRIC_E_SINGLE_INSTANCE_APPLICATION_ALREADY_EXISTS": "The single-instance application already exists.",
    "FABRIC_E_SINGLE_INSTANCE_APPLICATION_NOT_FOUND": "The single-instance application does not exist.",
    "FABRIC_E_VOLUME_ALREADY_EXISTS": "The volume resource already exists.",
    "FABRIC_E_VOLUME_NOT_FOUND": "The volume resource does not exist.",
    "SerializationError": "The server could not serialize or deserialize an object.",
    "FABRIC_E_IMAGEBUILDER_RESERVED_DIRECTORY_ERROR": "A package uses a directory name the image builder reserves.",
    "FABRIC_E_CERTIFICATE_NOT_FOUND": "The certificate was not found.",
    "FABRIC_E_CONFIG_UPGRADE_FAILED": "The upgrade service rejected a cluster configuration upgrade; the message says why.",
    "E_ACCESSDENIED": "The caller is not allowed to perform the operation.",
    "E_NOTIMPL": "The operation is not implemented by this cluster.",
    "FABRIC_E_GATEWAY_NOT_REACHABLE": "The gateway could not reach the cluster.",
    "FABRIC_E_SERVER_AUTHENTICATION_FAILED": "The client could not be authenticated.",
    "FABRIC_E_MESSAGE_TOO_LARGE": "The request or its reply is larger than the gateway allows.",
    "FABRIC_E_OBJECT_CLOSED": "The object serving the request was closed; retry later.",
    "FABRIC_E_REPLICATION_QUEUE_FULL": "The replication queue is full; retry later.",
    "FABRIC_E_SERVICE_TOO_BUSY": "The service is too busy; retry later.",
}


def spec_status_lists(description):
    """Maps each code to the status the spec's description lists it under (first wins)."""
    status = {}
    current = None
    for line in description.splitlines():
        heading = re.search(r"HTTP status code (\d{3})", line)
        if heading:
            current = int(heading.group(1))
            continue
        code = re.fullmatch(r'\s*- "([A-Za-z_]+)"\s*', line)
        if code and current is not None:
            status.setdefault(code.group(1), current)
    return status


def status_of(code, listed):
    if code in GATEWAY_STATUS:
        return GATEWAY_STATUS[code]
    for suffixes, status in NAME_RULES:
        if code.endswith(suffixes):
            return status
    return listed.get(code, 500)


def render_codes(codes, indent):
    lines = []
    for code in codes:
        lines.append(f"{indent}/// {DOCS[code]}\n")
        lines.append(f'{indent}{code} = "{code}",\n')
    return "".join(lines)


# The width rustfmt.toml sets. The status table is exempt from rustfmt (`#[rustfmt::skip]`),
# which would put every code of a long arm on a line of its own; it is wrapped to this width.
MAX_WIDTH = 120


def render_statuses(codes, listed, indent):
    by_status = {}
    for code in codes:
        by_status.setdefault(status_of(code, listed), []).append(code)
    lines = []
    for status in sorted(by_status):
        line = indent
        for position, name in enumerate(by_status[status]):
            piece = name if position == 0 else f" | {name}"
            if len(line) + len(piece) > MAX_WIDTH:
                lines.append(line + "\n")
                line = indent + "   " + piece
            else:
                line += piece
        arm = f" => {status},"
        if len(line) + len(arm) > MAX_WIDTH:
            lines.append(line + "\n")
            line = indent + "   "
        lines.append(line + arm + "\n")
    return "".join(lines)


def replace_block(source, block, render):
    """Replaces the lines between the block's markers, indented as its BEGIN line."""
    marker = begin(block)
    at = source.find(marker)
    if at < 0:
        sys.exit(f"marker {marker.strip()!r} not found in {TARGET}")
    line_start = source.rfind("\n", 0, at) + 1
    indent = source[line_start:at]
    body_start = at + len(marker)
    stop = source.find(indent + end(block), body_start)
    if stop < 0:
        sys.exit(f"end marker of {block} not found in {TARGET}")
    return source[:body_start] + render(indent) + source[stop:]


def main():
    check = "--check" in sys.argv[1:]
    schema = json.loads(SPEC.read_text(encoding="utf-8"))["definitions"]["FabricErrorCodes"]
    spec_codes = schema["enum"]
    overlap = sorted(set(EXTRA_CODES) & set(spec_codes))
    if overlap:
        sys.exit(f"EXTRA_CODES repeats spec codes: {overlap}")
    codes = spec_codes + EXTRA_CODES
    missing = [c for c in codes if c not in DOCS]
    if missing:
        sys.exit(f"no doc line for: {missing}")

    listed = spec_status_lists(schema["description"])
    source = TARGET.read_text(encoding="utf-8")
    source = replace_block(source, "codes", lambda indent: render_codes(codes, indent))
    source = replace_block(source, "statuses", lambda indent: render_statuses(codes, listed, indent))
    outputs = {
        TARGET: source,
        FIXTURE: json.dumps(spec_codes, indent=2) + "\n",
    }
    stale = []
    for path, text in outputs.items():
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old != text:
            stale.append(path.relative_to(ROOT))
            if not check:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
    if check and stale:
        sys.exit(f"out of date: {', '.join(map(str, stale))}; run scripts/gen_error_codes.py")


if __name__ == "__main__":
    main()
